// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildFrameDocument, remoteImageCount } from './frame-html.js';

const MESSAGE =
  '<html><head><style>p{color:red}</style></head><body><p style="text-align:center">Hi <b>Ann</b></p><script>parent.hacked=1</script><img src="http://127.0.0.1:9/x.png" alt="logo"><img src="data:image/png;base64,AAAA"><iframe src="https://e.x"></iframe><meta http-equiv="refresh" content="0;url=https://e.x"></body></html>';

const parse = (text: string) => new DOMParser().parseFromString(text, 'text/html');

describe('sent message frame document', () => {
  it('holds no script, frame or refresh, and no remote image source until allowed; inline styles stay', () => {
    const text = buildFrameDocument(MESSAGE, false);
    const doc = parse(text);
    expect(remoteImageCount(MESSAGE)).toBe(1);
    expect(doc.querySelector('script, iframe, meta[http-equiv="refresh"]')).toBeNull();
    expect(text).not.toContain('127.0.0.1');
    const [remote, inline] = Array.from(doc.querySelectorAll('img'));
    expect(remote?.hasAttribute('src')).toBe(false);
    expect(remote?.getAttribute('alt')).toBe('logo');
    expect(remote?.getAttribute('data-blocked')).toBe('remote image');
    expect(inline?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect(doc.querySelector('b')?.textContent).toBe('Ann');
    expect(doc.querySelector('p')?.getAttribute('style')).toBe('text-align:center');
  });

  it('keeps the remote image once allowed, and still no script', () => {
    const doc = parse(buildFrameDocument(MESSAGE, true));
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('http://127.0.0.1:9/x.png');
    expect(doc.querySelector('script')).toBeNull();
  });

  it("keeps the message's own styles and blocks protocol-relative and srcset images", () => {
    const html = '<style>h1{font-size:9px}</style><img src="//t.example/p.gif"><img srcset="https://t.example/a.png 2x"><img src=\'data:image/gif;base64,R0\'>';
    expect(remoteImageCount(html)).toBe(2);
    const text = buildFrameDocument(html, false);
    expect(text).toContain('h1{font-size:9px}');
    expect(text).not.toContain('t.example');
    expect(text).toContain("src='data:image/gif;base64,R0'");
  });
});
