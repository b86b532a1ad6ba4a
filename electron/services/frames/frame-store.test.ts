import { describe, expect, it } from 'vitest';
import { createFrameServer } from './frame-store.js';

const messages: Record<string, string> = { 'msg-0001': '<p style="color:red">Hi</p><img src="https://x.example/a.png">' };
const server = createFrameServer((id) => messages[id] ?? null);

describe('frame server', () => {
  it('serves a message under its own policy: inline styles and data: images only, sandboxed', () => {
    const response = server.respond('/frames/msg-0001');
    expect(response?.body).toContain('<p style="color:red">Hi</p>');
    expect(response?.body).not.toContain('x.example');
    const csp = response?.headers['content-security-policy'] ?? '';
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain('img-src data:;');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/(^|; )sandbox($|;)/);
    expect(csp).not.toContain('script-src');
  });

  it('lets remote images through only on the /remote path', () => {
    const response = server.respond('/frames/msg-0001/remote');
    expect(response?.headers['content-security-policy']).toContain('img-src data: http: https:');
    expect(response?.body).toContain('https://x.example/a.png');
  });

  it('answers nothing for another path, a malformed id or a message it does not have', () => {
    for (const path of ['/frames/../index.html', '/frames/msg-0001/other', '/frames/nope-0002', '/assets/index.js', '/frames/msg-0001/remote/x']) {
      expect(server.respond(path)).toBeNull();
    }
  });
});
