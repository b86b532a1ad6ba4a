import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAllowedLinkUrl, normalizeLinkUrl } from './link-url.js';

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

describe('isAllowedLinkUrl', () => {
  const label = fc.stringMatching(/^[a-zA-Z0-9-]{1,12}$/);
  const hostLike = fc.tuple(fc.array(label, { minLength: 1, maxLength: 4 }), fc.oneof(label, fc.constantFrom('com', 'xn--zz', '999', '0x1f', 'a1', '-a'))).map(([labels, last]) => [...labels, last].join('.'));
  const tail = fc.string({ unit: fc.constantFrom(...'/?#!$%&\'()*+,-.:;=@[]^_`{|}~aZ09 <>"\\\t\u00e9'.split('')), maxLength: 30 });
  const webLike = fc.tuple(fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://', 'javascript://', ''), hostLike, fc.option(fc.integer({ min: 0, max: 99_999 }).map((port) => `:${port}`), { nil: '' }), tail).map((parts) => parts.join(''));

  it('answers exactly as normalizeLinkUrl does, for web-like addresses, real URLs and any text', () => {
    fc.assert(
      fc.property(fc.oneof(webLike, fc.webUrl(), fc.string()), (url) => {
        expect(isAllowedLinkUrl(url)).toBe(normalizeLinkUrl(url) !== null);
      }),
      { numRuns: 5_000 },
    );
  });

  it('refuses what a link must never carry, however it is written', () => {
    for (const url of ['javascript:alert(1)', 'https://exa mple.com', 'https://example.com/<script>', 'data:text/html,x', 'https://intranet']) expect(isAllowedLinkUrl(url)).toBe(false);
    expect(isAllowedLinkUrl('https://example.com/d/1?a&b')).toBe(true);
  });
});
