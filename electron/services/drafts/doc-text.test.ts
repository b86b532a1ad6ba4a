import { describe, expect, it } from 'vitest';
import { authoredText, snippetOf } from './doc-text.js';

const doc = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'See you Monday.' }] },
    { type: 'signature', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ann Lee · Head of Finance' }] }] },
  ],
};

describe('draft snippets', () => {
  it('leave the signature out, so a short draft shows what was written', () => {
    expect(snippetOf(authoredText(doc))).toBe('See you Monday.');
  });
  it('are words only', () => {
    const list = { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Revenue' }] }] }] }] };
    expect(snippetOf(authoredText(list))).toBe('Revenue');
  });
});
