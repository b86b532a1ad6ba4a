/**
 * The policy of the document a sent message is shown in. The frame is served as a document
 * of its own (not srcdoc, which would inherit the app's policy and refuse the message's inline
 * styles), so its styles apply and nothing else does: no script, no request but data: images
 * (and remote images once the person allows them), no form, no base, sandboxed.
 */
export function frameDocumentCsp(allowRemote: boolean): string {
  const images = allowRemote ? 'data: http: https:' : 'data:';
  return [
    "default-src 'none'",
    `img-src ${images}`,
    "style-src 'unsafe-inline'",
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    'sandbox',
  ].join('; ');
}

/** Where the served frame documents live, under the app's own origin. */
export const FRAME_PATH = '/frames/';
export const frameIdPattern = /^[A-Za-z0-9_-]{1,100}$/;
