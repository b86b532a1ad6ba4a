import { MESSAGE_FRAME_STYLE } from './message-frame-style.js';

/**
 * The document a sent message's HTML is shown in, built as text (main serves it; parsing it
 * in the window would run the window's policy over its inline styles). Safety does not rest on
 * this: the document is served sandboxed under `frameDocumentCsp`, which runs no script and
 * loads nothing but data: images. What this does is keep the frame quiet and tidy: scripts,
 * frames, objects, base, link and meta elements are dropped, and remote image sources are
 * taken out (so nothing is even attempted) until the person allows them for that message.
 */

const DROPPED_BLOCKS = /<(script|iframe|object|embed|frameset|noscript|template)\b[\s\S]*?<\/\1\s*>/gi;
const DROPPED_TAGS = /<\/?(script|iframe|object|embed|frame|frameset|base|link|meta|noscript)\b[^>]*>/gi;
const IMAGE_TAG = /<(img|source)\b[^>]*>/gi;
const IMAGE_SOURCE = /\s(src|srcset)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/gi;

function isRemote(url: string): boolean {
  const value = url.trim().toLowerCase();
  return value.startsWith('//') || value.startsWith('http://') || value.startsWith('https://');
}

function unquote(value: string): string {
  return value.startsWith('"') || value.startsWith("'") ? value.slice(1, -1) : value;
}

function sourceIsRemote(name: string, value: string): boolean {
  const url = unquote(value).replace(/&amp;/g, '&');
  return name.toLowerCase() === 'srcset' ? url.split(',').some((part) => isRemote(part.trim())) : isRemote(url);
}

function hasRemoteSource(tag: string): boolean {
  return Array.from(tag.matchAll(IMAGE_SOURCE)).some(([, name, value]) => name !== undefined && value !== undefined && sourceIsRemote(name, value));
}

/** How many images in the message would load from the network (held back until allowed). */
export function remoteImageCount(html: string): number {
  return Array.from(html.replace(DROPPED_BLOCKS, '').matchAll(IMAGE_TAG)).filter(([tag]) => hasRemoteSource(tag)).length;
}

export function buildFrameDocument(html: string, allowRemote: boolean): string {
  let body = html.replace(DROPPED_BLOCKS, '').replace(DROPPED_TAGS, '');
  if (!allowRemote) {
    body = body.replace(IMAGE_TAG, (tag) => {
      if (!hasRemoteSource(tag)) return tag;
      // Without a source no request is made and no broken-image icon is drawn.
      const stripped = tag.replace(IMAGE_SOURCE, (attribute, name: string, value: string) => (sourceIsRemote(name, value) ? '' : attribute));
      return stripped.replace(/^<(img|source)\b/i, '<$1 data-blocked="remote image"');
    });
  }
  // The message's own styles follow ours, so its look wins.
  return `<!doctype html><html><head><meta charset="utf-8"><style>${MESSAGE_FRAME_STYLE}</style></head><body>${body}</body></html>`;
}
