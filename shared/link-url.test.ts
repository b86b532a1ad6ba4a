import { describe, expect, it } from 'vitest';
import { normalizeLinkUrl } from './link-url.js';

describe('normalizeLinkUrl', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['http://example.com', 'http://example.com/'],
    ['example.com/page', 'https://example.com/page'],
    ['  https://example.com  ', 'https://example.com/'],
    ['mailto:ann@example.com', 'mailto:ann@example.com'],
    ['ann@example.com', 'mailto:ann@example.com'],
    ['MAILTO:ann@example.com?subject=Hi', 'MAILTO:ann@example.com?subject=Hi'],
  ])('keeps %s as %s', (input, expected) => {
    expect(normalizeLinkUrl(input)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:msgbox', 'ftp://example.com', '', 'not a url', 'https://exa mple.com', 'intranet'])(
    'refuses %s',
    (input) => {
      expect(normalizeLinkUrl(input)).toBeNull();
    },
  );
});
