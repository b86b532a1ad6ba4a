import DOMPurify, { type Config, type DOMPurify as Purifier, type WindowLike } from 'dompurify';
import { normalizePastedDom } from './paste-normalize.js';

/** What survives a paste: structure the editor can hold, nothing that runs, loads or styles. */
const CONFIG: Config = {
  ALLOWED_TAGS: ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'a', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'br', 'hr'],
  ALLOWED_ATTR: ['href', 'start'],
  // Links the composer itself allows; `javascript:`, `data:`, `file:` and the rest lose the href and keep the text.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  // Unknown elements keep their text, but these hold code, settings or media, never the user's words.
  ADD_FORBID_CONTENTS: ['object', 'embed', 'canvas', 'button', 'select', 'textarea', 'xml'],
};

const purifiers = new WeakMap<WindowLike, Purifier>();

function purifierFor(win: WindowLike): Purifier {
  let purifier = purifiers.get(win);
  if (!purifier) {
    purifier = DOMPurify(win);
    purifiers.set(win, purifier);
  }
  return purifier;
}

/**
 * Cleans HTML from the clipboard (Word, Google Docs, web pages) for the editor: keeps
 * paragraphs, headings, lists, quotes, code, links and basic marks; drops scripts, event
 * handlers, style and class attributes, `<style>`, frames, objects, unknown elements (their
 * text stays), links other than http/https/mailto, Word's `mso-` markup and `<o:p>`, and
 * Google Docs' all-enclosing `<b>`. Tables and divs become paragraphs.
 * `win` is the window whose DOM parses the input (tests pass a jsdom window).
 */
export function cleanPastedHtml(html: string, win: WindowLike = window): string {
  // An inert document: parsing here runs no script and fetches no image, so `onerror` cannot fire.
  const parsed = new win.DOMParser().parseFromString(html, 'text/html');
  normalizePastedDom(parsed.body);
  const clean = purifierFor(win).sanitize(parsed.body.innerHTML, CONFIG);
  return clean.replace(/^\s+|\s+$/g, '');
}
