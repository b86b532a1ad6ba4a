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
    // Sent-message frames are documents of their own with their own policy (shared/message-frame.ts);
    // nothing in the app itself needs an inline style.
    "style-src 'self'",
    // The app's own pages show no remote image (the editor has no image node).
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    // Sent HTML is shown in a sandboxed frame served from the app's own origin; nothing else is framed.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
