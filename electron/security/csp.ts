import { createHash } from 'node:crypto';
import { MESSAGE_FRAME_STYLE } from '../../shared/message-frame-style.js';

/**
 * The renderer's Content-Security-Policy. The app renderer needs no network at all, so
 * `connect-src` is 'none' unless a caller names the one socket it must reach (the harness's
 * bridge, or Vite's hot-reload socket in development).
 */
export function buildCsp(options: { connectSrc?: readonly string[]; development?: boolean } = {}): string {
  const connect = options.connectSrc && options.connectSrc.length > 0 ? options.connectSrc.join(' ') : "'none'";
  // Vite's React refresh preamble is an inline script; only the dev server ever gets this.
  const scripts = options.development ? "'self' 'unsafe-inline'" : "'self'";
  return [
    "default-src 'none'",
    `script-src ${scripts}`,
    // Sent-message frames (srcdoc) inherit this policy: their one base stylesheet is allowed by
    // its hash; the message's own inline styles stay blocked.
    `style-src 'self' 'sha256-${createHash('sha256').update(MESSAGE_FRAME_STYLE).digest('base64')}'`,
    // Remote images appear only inside sent-message frames, whose own policy holds them until the
    // person allows them; a srcdoc frame also inherits this policy, so it must not forbid them.
    // The app's own pages show no remote image (the editor has no image node).
    "img-src 'self' data: blob: http: https:",
    "font-src 'self'",
    `connect-src ${connect}`,
    // Sent or quoted HTML is shown in a sandboxed srcdoc frame, nothing else is framed.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
