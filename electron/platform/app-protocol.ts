import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentTypeFor, resolveAssetPath } from '../security/asset-path.js';
import type { FrameDocumentResponse } from '../services/frames/frame-store.js';

export const APP_ORIGIN = 'app://bundle';

/** Must run before `app.whenReady()`: makes app:// a standard, secure origin (not file://). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from `rootDir` with the CSP as a response header, and the sent
 * messages' frame documents (`frames`) each with its own policy.
 */
export function serveRenderer(rootDir: string, csp: string, frames: (pathname: string) => FrameDocumentResponse | null): void {
  protocol.handle('app', async (request) => {
    const { host, pathname } = new URL(request.url);
    const frame = host === 'bundle' ? frames(pathname) : null;
    if (frame) return new Response(frame.body, { headers: frame.headers });
    const file = host === 'bundle' ? resolveAssetPath(rootDir, request.url) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      // `file` comes from resolveAssetPath, which confines it to the renderer build folder.
      // eslint-disable-next-line security/detect-non-literal-fs-filename
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': contentTypeFor(file),
          'content-security-policy': csp,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
