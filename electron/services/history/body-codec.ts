import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * A sent message's HTML as the history keeps it: raw deflate. HTML is the bulkiest thing the
 * history holds and is read only when a thread is opened or replied to, so it is kept
 * compressed; the plain-text part stays plain because the search index reads it.
 */
export function deflateHtml(html: string): Uint8Array {
  return deflateRawSync(Buffer.from(html, 'utf8'));
}

export function inflateHtml(stored: Uint8Array): string {
  return inflateRawSync(stored).toString('utf8');
}
