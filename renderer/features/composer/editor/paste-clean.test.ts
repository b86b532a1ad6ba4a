// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './paste-clean.js';
import gdocsSample from '../fixtures/gdocs-paste.html?raw';
import wordSample from '../fixtures/word-paste.html?raw';

/** Cleans with the jsdom window and parses the result back, so tests look at structure, not spelling. */
function clean(html: string): { html: string; root: HTMLElement } {
  const out = cleanPastedHtml(html, window);
  return { html: out, root: new DOMParser().parseFromString(out, 'text/html').body };
}
const texts = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector), (el) => el.textContent?.replace(/\s+/g, ' ').trim());

function expectNoStylingLeft(html: string): void {
  expect(html).not.toMatch(/\s(style|class|id|lang|dir|align|width|role|aria-[a-z]+)=/i);
  expect(html).not.toMatch(/mso-|<o:p|<\/?span|<\/?div|<\/?font|<table|<td|<tr/i);
}

describe('cleanPastedHtml: Word', () => {
  const { html, root } = clean(wordSample);

  it('keeps the heading, paragraphs, link and marks, and drops Word settings text', () => {
    expect(texts(root, 'h1')).toEqual(['Quarterly report']);
    expect(root.querySelector('b, strong')?.textContent).toBe('key figures');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://intranet.example.com/q3');
    expect(root.querySelector('em, i')?.textContent).toBe('Europe');
    expect(root.textContent).not.toMatch(/Normal\s*0|TrackMoves|AllowPNG|mso-style|Calibri/);
    expectNoStylingLeft(html);
  });

  it('turns Word list paragraphs into real nested lists without the marker characters', () => {
    const bullets = root.querySelector('ul');
    expect(bullets).not.toBeNull();
    expect(Array.from(bullets?.children ?? [], (li) => li.tagName)).toEqual(['LI', 'LI']);
    expect(bullets?.querySelector('li > ul > li')?.textContent?.trim()).toBe('Mostly in Europe');
    expect(texts(root, 'ol > li')).toEqual(['Approve the budget', 'Hire two engineers']);
    expect(root.textContent).not.toContain('·');
    expect(texts(root, 'li')[0]).toMatch(/^Revenue up 12%/);
  });

  it('flattens the table into paragraphs that keep every cell and keeps the line break in the signature', () => {
    const paragraphs = texts(root, 'p');
    for (const cell of ['Region', 'Growth', 'EMEA', '15%']) expect(paragraphs).toContain(cell);
    expect(root.querySelector('p br')).not.toBeNull();
    expect(paragraphs.at(-1)).toBe('Kind regards,Ann');
  });
});

describe('cleanPastedHtml: Google Docs', () => {
  const { html, root } = clean(gdocsSample);

  it('unwraps the docs-internal-guid <b> so the paste does not turn bold', () => {
    expect(root.querySelector(':scope > b, :scope > strong')).toBeNull();
    expect(texts(root, 'b, strong')).toEqual(['Monday']);
  });

  it('keeps what the inline styles meant: bold, italic, underline, strike', () => {
    expect(texts(root, 'em')).toEqual(['unless']);
    expect(texts(root, 'u')).toEqual(['QA objects']);
    expect(texts(root, 's')).toEqual(['Old item']);
    // The link's own underline style is how links look, not an underline mark.
    expect(root.querySelector('a u')).toBeNull();
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://docs.example.com/spec');
    expect(root.querySelector('a')?.textContent).toBe('the spec');
  });

  it('keeps heading, list and table text, without styles or wrappers', () => {
    expect(texts(root, 'h2')).toEqual(['Launch plan']);
    expect(texts(root, 'ul > li')).toEqual(['Docs ready', 'Old item']);
    expect(texts(root, 'p')).toEqual(expect.arrayContaining(['Owner', 'Lee']));
    expectNoStylingLeft(html);
  });
});

describe('cleanPastedHtml: hostile input', () => {
  const xss = [
    '<p>Hi <img src="x" onerror="alert(1)">there</p>',
    '<a href="javascript:alert(2)">click</a> <a href=" JaVaScRiPt:alert(3)">again</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==">data</a>',
    '<script>alert(5)</script><style>p{color:red}</style>',
    '<iframe src="https://evil.example/"></iframe><object data="x.swf">flash</object><embed src="x">',
    '<p onclick="alert(6)" onmouseover="alert(7)" style="color:red" class="x">para</p>',
    '<svg><script>alert(8)</script></svg><math><mi xlink:href="javascript:alert(9)">m</mi></math>',
    '<form action="https://evil.example"><input value="pw"><button>go</button></form>',
    '<a href="https://ok.example" target="_blank" onclick="steal()">ok</a>',
  ].join('');
  const { html, root } = clean(xss);

  it('drops scripts, styles, frames, objects, event handlers and active links', () => {
    expect(html).not.toMatch(/script|alert|onerror|onclick|onmouseover|<img|<iframe|<object|<embed|<svg|<math|<style|<form|<input|<button|javascript|data:|color:red|target=/i);
  });

  it('keeps the words and the one safe link', () => {
    expect(root.textContent).toContain('Hi there');
    expect(root.textContent).toContain('click again');
    expect(root.textContent).toContain('para');
    expect(Array.from(root.querySelectorAll('a[href]'), (a) => a.getAttribute('href'))).toEqual(['https://ok.example']);
    expect(root.textContent).not.toContain('flash');
  });

  it('keeps the text of unknown elements and answers an empty string for empty input', () => {
    expect(cleanPastedHtml('<custom-tag>kept <marquee>words</marquee></custom-tag>', window)).toBe('kept words');
    expect(cleanPastedHtml('', window)).toBe('');
    expect(cleanPastedHtml('<pre><code>if (a &lt; b) {\n  go();\n}</code></pre>', window)).toBe('<pre><code>if (a &lt; b) {\n  go();\n}</code></pre>');
  });
});
