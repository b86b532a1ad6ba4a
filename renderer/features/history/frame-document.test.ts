// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildFrameDocument, frameCsp } from './frame-document.js';

const MESSAGE = '<html><head><style>p{color:red}</style></head><body><p>Hi <b>Ann</b></p><script>parent.hacked=1</script><img src="http://127.0.0.1:9/x.png" alt="logo"><img src="data:image/png;base64,AAAA"><iframe src="https://e.x"></iframe><meta http-equiv="refresh" content="0;url=https://e.x"></body></html>';

function parse(srcdoc: string): Document {
  return new DOMParser().parseFromString(srcdoc, 'text/html');
}

describe('sent message frame document', () => {
  it('holds no script, frame or refresh, and no remote image source until allowed', () => {
    const { srcdoc, remoteImages } = buildFrameDocument(MESSAGE, false);
    const doc = parse(srcdoc);
    expect(remoteImages).toBe(1);
    expect(doc.querySelector('script, iframe, meta[http-equiv="refresh"]')).toBeNull();
    expect(srcdoc).not.toContain('127.0.0.1');
    const [remote, inline] = Array.from(doc.querySelectorAll('img'));
    expect(remote?.hasAttribute('src')).toBe(false);
    expect(remote?.getAttribute('alt')).toBe('logo');
    expect(inline?.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect(doc.querySelector('b')?.textContent).toBe('Ann');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(frameCsp(false));
  });

  it('keeps the remote image and widens only img-src once allowed', () => {
    const { srcdoc } = buildFrameDocument(MESSAGE, true);
    const doc = parse(srcdoc);
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('http://127.0.0.1:9/x.png');
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('img-src data: http: https:');
    expect(csp).not.toContain('script-src');
    expect(doc.querySelector('script')).toBeNull();
  });

  it("keeps the message's own styles and blocks protocol-relative and srcset images", () => {
    const { srcdoc, remoteImages } = buildFrameDocument('<style>h1{font-size:9px}</style><img src="//t.example/p.gif"><img srcset="https://t.example/a.png 2x">', false);
    expect(remoteImages).toBe(2);
    expect(srcdoc).toContain('h1{font-size:9px}');
    expect(srcdoc).not.toContain('t.example');
  });
});
