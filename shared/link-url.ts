/**
 * The link targets a message may carry: web pages and mail addresses. Anything else
 * (javascript:, data:, file:, custom app schemes) could run code or leak local paths in
 * the recipient's client, so it is refused rather than escaped.
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/** The URL as it should be stored, or null when it is not an http, https or mailto link. */
export function normalizeLinkUrl(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || /[\s<>"]/.test(trimmed)) return null;
  // "example.com/page" is what people type; a bare address is a mailto link.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed)
    ? trimmed
    : /^[^@/]+@[^@/]+\.[^@/]+$/.test(trimmed)
      ? `mailto:${trimmed}`
      : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (!ALLOWED.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname.includes('.') && url.hostname !== 'localhost') return null;
  return url.protocol === 'mailto:' ? withScheme : url.href;
}

/**
 * A plain web address (scheme, dotted host name, path) that normalizeLinkUrl always accepts:
 * the common case is answered without building a URL object, which counts when a long quoted
 * thread's thousand links are drawn. Hosts that the URL parser treats specially (punycode,
 * a number as last label, a port) and anything beyond printable ASCII take the full check.
 */
const PLAIN_WEB_URL = /^https?:\/\/([a-z0-9.-]+)([!#-;=?-[\]-~]*)$/i;

function isPlainWebUrl(url: string): boolean {
  const [, host, rest] = PLAIN_WEB_URL.exec(url) ?? [];
  if (host === undefined || rest === undefined || !/^(?:[/?#]|$)/.test(rest) || host.toLowerCase().includes('xn--')) return false;
  const labels = host.split('.');
  return labels.length > 1 && labels.every((label) => label !== '') && /^[a-z]/i.test(labels.at(-1) ?? '');
}

/** Whether a link may point at `url`: the same answer as normalizeLinkUrl, without its cost for plain web addresses. */
export function isAllowedLinkUrl(url: string): boolean {
  return isPlainWebUrl(url) || normalizeLinkUrl(url) !== null;
}

/** Why a link was refused, in words for the link dialog. */
export const LINK_RULE = 'Links must be web addresses (http or https) or email addresses (mailto).';
