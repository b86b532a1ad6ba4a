import { describe, expect, it } from 'vitest';
import { docToEmailHtml, htmlToPlainText, safeHref, type EmailDocNode } from './email-html.js';

type Mark = NonNullable<EmailDocNode['marks']>[number];
const text = (value: string, ...marks: Mark[]): EmailDocNode => ({ type: 'text', text: value, marks });
const p = (...content: EmailDocNode[]): EmailDocNode => ({ type: 'paragraph', content });
const li = (...content: EmailDocNode[]): EmailDocNode => ({ type: 'listItem', content });
const doc = (...content: EmailDocNode[]): EmailDocNode => ({ type: 'doc', content });
const link = (href: string): Mark => ({ type: 'link', attrs: { href } });
/** The body between the wrapper's inner div tags. */
const body = (d: EmailDocNode) => /<div style="[^"]*">(.*)<\/div><\/body><\/html>$/s.exec(docToEmailHtml(d))?.[1];
const plain = (d: EmailDocNode) => htmlToPlainText(docToEmailHtml(d));

describe('docToEmailHtml', () => {
  it('wraps the body in a minimal UTF-8 document', () => {
    const html = docToEmailHtml(doc(p(text('Hi'))));
    expect(html).toMatch(/^<!DOCTYPE html><html><head><meta charset="utf-8">/);
    expect(html).toContain('<body style="margin:0;padding:0;"><div style="font-family:Arial');
    expect(html.endsWith('</div></body></html>')).toBe(true);
  });

  it('escapes every character that could open markup, in text and in attributes', () => {
    const d = doc(p(text('<script>alert("x")</script> & \'q\'', link('https://x.io/?a=1&b="2"'))));
    const out = body(d);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;q&#39;');
    expect(out).toContain('href="https://x.io/?a=1&#38;b=&#34;2&#34;"');
  });

  it('keeps only http, https and mailto links; other schemes keep their text and lose the link', () => {
    const out = body(
      doc(
        p(
          text('web', link('https://x.io')),
          text(' old', link('HTTP://y.org')),
          text(' mail', link('mailto:ann@x.io')),
          text(' js', link('javascript:alert(1)')),
          text(' tab', link('java\tscript:alert(1)')),
          text(' data', link('data:text/html,<b>x</b>')),
          text(' file', link('file:///etc/passwd')),
        ),
      ),
    );
    expect(out?.match(/<a /g)).toHaveLength(3);
    expect(out).toContain('<a href="mailto:ann@x.io"');
    expect(out).not.toMatch(/javascript|data:|file:/);
    expect(out).toContain(' js tab data file</p>');
    expect(safeHref(' https://x.io ')).toBe('https://x.io');
    expect(safeHref(42)).toBeNull();
  });

  it('renders every mark in a fixed nesting order, inline code with a monospace style', () => {
    const all: Mark[] = [{ type: 'code' }, { type: 'strike' }, { type: 'underline' }, { type: 'italic' }, { type: 'bold' }, link('https://x.io')];
    const forward = body(doc(p(text('x', ...all))));
    const backward = body(doc(p(text('x', ...[...all].reverse()))));
    expect(forward).toBe(backward);
    expect(forward).toMatch(/^<p[^>]*><a href="https:\/\/x.io"[^>]*><strong><em><u><s><code style="font-family:Consolas[^"]*background-color:#f4f4f4;[^"]*">x<\/code><\/s><\/u><\/em><\/strong><\/a><\/p>$/);
  });

  it('gives paragraphs and headings a margin and their alignment, ignoring unknown alignments', () => {
    const out = body(
      doc(
        { type: 'paragraph', attrs: { textAlign: 'center' }, content: [text('c')] },
        { type: 'paragraph', attrs: { textAlign: 'left' }, content: [text('l')] },
        { type: 'paragraph', attrs: { textAlign: 'right;color:red' }, content: [text('r')] },
        { type: 'heading', attrs: { level: 2, textAlign: 'right' }, content: [text('H2')] },
        { type: 'heading', attrs: { level: 9 }, content: [text('H?')] },
        p(),
      ),
    );
    expect(out).toContain('<p style="margin:0 0 12px 0;text-align:center;">c</p>');
    expect(out).toContain('<p style="margin:0 0 12px 0;">l</p><p style="margin:0 0 12px 0;">r</p>');
    expect(out).toMatch(/<h2 style="margin:0 0 12px 0;font-size:20px;[^"]*text-align:right;">H2<\/h2>/);
    expect(out).toMatch(/<h1 [^>]*>H\?<\/h1>/);
    expect(out).toContain('<p style="margin:0 0 12px 0;"><br></p>');
  });

  it('inlines list, quote, code block and rule styles', () => {
    const out = body(
      doc(
        { type: 'bulletList', content: [li(p(text('a')), { type: 'orderedList', attrs: { start: 1 }, content: [li(p(text('b')))] })] },
        { type: 'orderedList', attrs: { start: 5 }, content: [li(p(text('e')))] },
        { type: 'blockquote', content: [p(text('q'))] },
        { type: 'codeBlock', attrs: { language: 'ts"><script>' }, content: [text('if (a < b) {\n  go();\n}')] },
        { type: 'horizontalRule' },
      ),
    );
    expect(out).toContain('<ul style="margin:0 0 12px 0;padding:0 0 0 24px;"><li style="margin:0 0 4px 0;"><p style="margin:0;">a</p><ol style="margin:0;padding:0 0 0 24px;">');
    expect(out).toContain('<ol start="5" style="margin:0 0 12px 0;padding:0 0 0 24px;">');
    expect(out).toContain('<blockquote style="margin:0 0 12px 0;padding:0 0 0 12px;border-left:3px solid #cccccc;color:#555555;"><p');
    expect(out).toMatch(/<pre style="[^"]*background-color:#f4f4f4;[^"]*monospace[^"]*white-space:pre-wrap;"><code class="language-tsscript">if \(a &#60; b\) \{\n {2}go\(\);\n\}<\/code><\/pre>/);
    expect(out).toContain('<hr style="border:0;border-top:1px solid #dddddd;margin:16px 0;">');
  });

  it('renders the words of unknown nodes, never their markup', () => {
    const out = body(
      doc(
        { type: 'mention', attrs: { id: '<x>' }, content: [text('<b>@ann</b>')] },
        p(text('see '), { type: 'emoji', content: [text('<img src=x onerror=alert(1)>')] }, { type: 'image', attrs: { src: 'javascript:x' } }),
      ),
    );
    expect(out).toBe('<p style="margin:0 0 12px 0;">&#60;b&#62;@ann&#60;/b&#62;</p><p style="margin:0 0 12px 0;">see &#60;img src=x onerror=alert(1)&#62;</p>');
  });
});

describe('htmlToPlainText (via docToEmailHtml)', () => {
  it('paragraphs are separated by a blank line, hard breaks by a line', () => {
    expect(plain(doc(p(text('one'), { type: 'hardBreak' }, text('two')), p(text('three'))))).toBe('one\ntwo\n\nthree');
  });

  it('headings stay lines of their own, in their own case', () => {
    const d = doc({ type: 'heading', attrs: { level: 1 }, content: [text('Big News')] }, p(text('body')), { type: 'heading', attrs: { level: 3 }, content: [text('small')] });
    expect(plain(d)).toBe('Big News\n\nbody\n\nsmall');
  });

  it('links read as `text <url>`, just the address when the text is the address', () => {
    const d = doc(p(text('Read '), text('the doc', link('https://x.io/doc')), text(', '), text('https://x.io', link('https://x.io')), text(', '), text('ann@x.io', link('mailto:ann@x.io')), text(', '), text('Ann', link('mailto:ann@x.io'))));
    expect(plain(d)).toBe('Read the doc <https://x.io/doc>, https://x.io, ann@x.io, Ann <ann@x.io>');
  });

  it('bulleted and numbered lists with markers, nested lists indented, start number kept', () => {
    const d = doc(
      { type: 'bulletList', content: [li(p(text('one')), { type: 'bulletList', content: [li(p(text('nested')))] }), li(p(text('two')))] },
      { type: 'orderedList', attrs: { start: 9 }, content: [li(p(text('nine')), { type: 'orderedList', content: [li(p(text('sub')))] }), li(p(text('ten')))] },
    );
    expect(plain(d)).toBe('* one\n  * nested\n* two\n\n9.  nine\n    1. sub\n10. ten');
  });

  it('blockquotes are prefixed `> `, nested ones `> > `', () => {
    const d = doc({ type: 'blockquote', content: [p(text('outer')), { type: 'blockquote', content: [p(text('inner'))] }] }, p(text('reply')));
    expect(plain(d)).toBe('> outer\n> \n> > inner\n\nreply');
  });

  it('code blocks keep their spacing and line breaks; inline code is plain text', () => {
    const d = doc({ type: 'codeBlock', content: [text('if (a < b) {\n    go();\n}')] }, p(text('run '), text('npm test', { type: 'code' })));
    expect(plain(d)).toBe('if (a < b) {\n    go();\n}\n\nrun npm test');
  });

  it('a horizontal rule is a line of dashes, the wrap width', () => {
    expect(plain(doc(p(text('a')), { type: 'horizontalRule' }, p(text('b'))))).toBe(`a\n\n${'-'.repeat(78)}\n\nb`);
  });

  it('wraps long paragraphs at 78 columns, list items under their text', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const out = plain(doc(p(text(words)), { type: 'bulletList', content: [li(p(text(words)))] }));
    const lines = out.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(78);
    expect(lines.filter((l) => l.startsWith('  word')).length).toBeGreaterThan(0);
    expect(out.replace(/\s+/g, ' ')).toBe(`${words} * ${words}`);
  });

  it('decodes entities the HTML escaped and collapses runs of empty paragraphs', () => {
    expect(plain(doc(p(text('a < b & "c"')), p(), p(), p(), p(), p(text('end'))))).toBe('a < b & "c"\n\n\nend');
  });

  it('mixed formatting keeps the words only', () => {
    expect(plain(doc(p(text('bold', { type: 'bold' }), text(' '), text('it', { type: 'italic' }), text(' '), text('gone', { type: 'strike' }))))).toBe('bold it gone');
  });
});
