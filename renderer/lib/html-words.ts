const BLOCKS = 'p, div, li, br, h1, h2, h3, h4, blockquote, pre, tr, td';

/**
 * A body's words without its markup, for a one-line preview (a template in a list). Parsed by
 * the browser into an inert document (no script runs, nothing loads), so the html-to-text
 * converter, which the send needs, is not loaded at start for a preview.
 */
export function htmlWords(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  for (const block of body.querySelectorAll(BLOCKS)) block.append(' ');
  return (body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
