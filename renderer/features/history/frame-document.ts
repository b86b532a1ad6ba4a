import { MESSAGE_FRAME_STYLE } from '../../../shared/message-frame-style.js';

/**
 * The document a sent message's HTML is shown in: a sandboxed srcdoc frame with a policy of
 * its own. Nothing in the message may run or reach the network until the person allows
 * remote images for that message, and even then only images.
 */

function isRemote(url: string): boolean {
  const value = url.trim().toLowerCase();
  return value.startsWith('//') || value.startsWith('http://') || value.startsWith('https://');
}

/** The frame's own Content-Security-Policy; remote images only once allowed. */
export function frameCsp(allowRemote: boolean): string {
  const images = allowRemote ? 'data: http: https:' : 'data:';
  return `default-src 'none'; img-src ${images}; style-src 'unsafe-inline'; font-src data:`;
}

export interface FrameDocument {
  srcdoc: string;
  /** How many remote images the message holds (blocked or not). */
  remoteImages: number;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Builds the frame's srcdoc from stored HTML. Scripts, frames, objects, base and refresh
 * elements are dropped (the sandbox would stop them anyway; this keeps them from even
 * being parsed into the frame); remote `img` sources are removed until `allowRemote`.
 */
export function buildFrameDocument(html: string, allowRemote: boolean, parser: DOMParser = new DOMParser()): FrameDocument {
  const doc = parser.parseFromString(html, 'text/html');
  for (const element of Array.from(doc.querySelectorAll('script, iframe, frame, object, embed, base, link, meta'))) element.remove();
  let remoteImages = 0;
  for (const image of Array.from(doc.querySelectorAll('img, source'))) {
    const src = image.getAttribute('src') ?? '';
    const srcset = image.getAttribute('srcset') ?? '';
    const remote = isRemote(src) || srcset.split(',').some(isRemote);
    if (!remote) continue;
    remoteImages += 1;
    if (allowRemote) continue;
    // The CSP blocks the request anyway; removing the source also keeps a broken-image icon away.
    image.removeAttribute('src');
    image.removeAttribute('srcset');
    image.setAttribute('data-blocked', 'remote image');
  }
  // The message's own styles come after ours so its look wins; url() in them is held by the CSP.
  const styles = Array.from(doc.querySelectorAll('head style')).map((style) => style.outerHTML).join('');
  const head = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(frameCsp(allowRemote))}"><meta charset="utf-8"><style>${MESSAGE_FRAME_STYLE}</style>${styles}`;
  return { srcdoc: `<!doctype html><html><head>${head}</head><body>${doc.body.innerHTML}</body></html>`, remoteImages };
}
