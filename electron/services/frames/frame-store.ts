import { buildFrameDocument } from '../../../shared/frame-html.js';
import { FRAME_PATH, frameDocumentCsp, frameIdPattern } from '../../../shared/message-frame.js';

export interface FrameDocumentResponse {
  body: string;
  headers: Record<string, string>;
}

/**
 * Sent messages' frame documents, served from the app's own origin (Electron's app:// protocol,
 * the harness's server) each under a policy of its own: `/frames/<message id>` with remote
 * images held back, `/frames/<message id>/remote` once the person allowed them.
 */
export interface FrameServer {
  /** The response for a request path, or null when it names no message this server can show. */
  respond(pathname: string): FrameDocumentResponse | null;
}

export function createFrameServer(messageHtml: (id: string) => string | null): FrameServer {
  return {
    respond(pathname) {
      if (!pathname.startsWith(FRAME_PATH)) return null;
      const [id = '', flag, ...rest] = pathname.slice(FRAME_PATH.length).split('/');
      if (!frameIdPattern.test(id) || rest.length > 0 || (flag !== undefined && flag !== 'remote')) return null;
      const html = messageHtml(id);
      if (html === null) return null;
      const allowRemote = flag === 'remote';
      return {
        body: buildFrameDocument(html, allowRemote),
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': frameDocumentCsp(allowRemote),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
        },
      };
    },
  };
}
