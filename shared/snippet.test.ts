import { describe, expect, it } from 'vitest';
import { snippetFromText } from './snippet.js';

describe('snippetFromText', () => {
  it('keeps the words and drops link targets, bullets, quote markers and rules', () => {
    const text = 'Hi Bea,\n\nThe report is on example.com/q3 <https://example.com/q3>.\n\n * Revenue is up\n * Costs are down\n1. First\n\n> Can we move it?\n> — Carl\n\n--------\nThanks';
    expect(snippetFromText(text, 200)).toBe('Hi Bea, The report is on example.com/q3. Revenue is up Costs are down First Can we move it? — Carl Thanks');
  });

  it('cuts at the limit with an ellipsis', () => {
    expect(snippetFromText('one two three four', 10)).toBe('one two…');
    expect(snippetFromText('short', 10)).toBe('short');
  });
});
