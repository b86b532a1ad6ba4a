/**
 * The gateway's payload rules. Written independently of shared/address.ts on purpose: a
 * simulator that reused the adapter's own address code could not catch its mistakes.
 */

export interface Detail {
  field: string;
  message: string;
}

const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const QUOTED_LOCAL = /^"(?:[^"\\\r\n]|\\.)+"$/;
const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
/** RFC 5322 §3.2.3 specials: a display name holding one must be a quoted-string. */
const SPECIALS = /[()<>[\]:;@\\,."]/;
const QUOTED_NAME = /^"(?:[^"\\\r\n]|\\.)*"$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function isAddrSpec(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return (DOT_ATOM.test(local) || QUOTED_LOCAL.test(local)) && DOMAIN.test(domain);
}

/** `jane@example.com`, `Jane Doe <jane@example.com>` or `"Doe, Jane" <jane@example.com>`. */
export function isMailbox(value: string): boolean {
  if (/[\r\n]/.test(value)) return false;
  const angle = /^(.*?)\s*<([^<>]+)>$/.exec(value.trim());
  if (!angle) return isAddrSpec(value.trim());
  const name = (angle[1] ?? '').trim();
  if (name !== '' && !QUOTED_NAME.test(name) && SPECIALS.test(name)) return false;
  return isAddrSpec(angle[2] ?? '');
}

const KNOWN_FIELDS = new Set([
  'to',
  'subject',
  'body_html',
  'body_text',
  'cc',
  'bcc',
  'reply_to',
  'contact_id',
  'deal_id',
  'thread_id',
  'attachments',
]);

function checkAddressList(body: Record<string, unknown>, field: string, details: Detail[], allowSingle: boolean): void {
  const value = body[field];
  if (value === undefined) return;
  const list = allowSingle && typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) {
    details.push({ field, message: allowSingle ? 'must be an address or an array of addresses' : 'must be an array of addresses' });
    return;
  }
  list.forEach((entry, index) => {
    if (typeof entry !== 'string' || !isMailbox(entry)) {
      details.push({ field: `${field}[${index}]`, message: 'is not a valid RFC 5322 address' });
    }
  });
}

function checkAttachments(value: unknown, details: Detail[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    details.push({ field: 'attachments', message: 'must be an array' });
    return;
  }
  value.forEach((entry: unknown, index) => {
    const at = `attachments[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      details.push({ field: at, message: 'must be an object' });
      return;
    }
    const a = entry as Record<string, unknown>;
    if (typeof a.filename !== 'string' || a.filename.trim() === '') details.push({ field: `${at}.filename`, message: 'is required' });
    if (a.mime_type !== undefined && typeof a.mime_type !== 'string') details.push({ field: `${at}.mime_type`, message: 'must be a string' });
    const hasContent = a.content_base64 !== undefined;
    const hasPath = a.storage_path !== undefined;
    if (hasContent === hasPath) {
      details.push({ field: at, message: 'needs exactly one of content_base64 or storage_path' });
    } else if (hasContent && (typeof a.content_base64 !== 'string' || !BASE64.test(a.content_base64))) {
      details.push({ field: `${at}.content_base64`, message: 'is not valid base64' });
    } else if (hasPath && typeof a.storage_path !== 'string') {
      details.push({ field: `${at}.storage_path`, message: 'must be a string' });
    }
  });
}

/**
 * Everything the page states, plus choices where it is silent: unknown fields are refused
 * (so an adapter typo such as `replyTo` fails loudly instead of being dropped), `subject`
 * may be empty but must be present, and line breaks in it are refused as header injection.
 */
export function validatePayload(body: unknown): Detail[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [{ field: 'body', message: 'must be a JSON object' }];
  }
  const b = body as Record<string, unknown>;
  const details: Detail[] = [];
  for (const key of Object.keys(b)) if (!KNOWN_FIELDS.has(key)) details.push({ field: key, message: 'is not a known field' });

  if (b.to === undefined || (Array.isArray(b.to) && b.to.length === 0)) details.push({ field: 'to', message: 'is required' });
  else checkAddressList(b, 'to', details, true);
  checkAddressList(b, 'cc', details, false);
  checkAddressList(b, 'bcc', details, false);
  if (b.reply_to !== undefined && (typeof b.reply_to !== 'string' || !isMailbox(b.reply_to))) {
    details.push({ field: 'reply_to', message: 'is not a valid RFC 5322 address' });
  }

  if (typeof b.subject !== 'string') details.push({ field: 'subject', message: 'is required' });
  else if (b.subject.length > 998) details.push({ field: 'subject', message: 'must be at most 998 characters' });
  else if (/[\r\n]/.test(b.subject)) details.push({ field: 'subject', message: 'must not contain line breaks' });

  const html = b.body_html;
  const text = b.body_text;
  if (html === undefined && text === undefined) details.push({ field: 'body_html', message: 'either body_html or body_text is required' });
  if (html !== undefined && typeof html !== 'string') details.push({ field: 'body_html', message: 'must be a string' });
  if (text !== undefined && typeof text !== 'string') details.push({ field: 'body_text', message: 'must be a string' });

  for (const field of ['contact_id', 'deal_id'] as const) {
    const value = b[field];
    if (value !== undefined && (typeof value !== 'string' || !UUID.test(value))) details.push({ field, message: 'must be a UUID' });
  }
  if (b.thread_id !== undefined && (typeof b.thread_id !== 'string' || b.thread_id === '')) {
    details.push({ field: 'thread_id', message: 'must be a non-empty string' });
  }
  checkAttachments(b.attachments, details);
  return details;
}
