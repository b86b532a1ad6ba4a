import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The gateway's payload rules, as a JSON Schema written from the page (crm-gateway.send-email.md;
 * the vendor publishes no machine-readable definition) and judged by Ajv, like every other
 * simulator. The RFC 5322 mailbox check is written here, independently of shared/address.ts on
 * purpose: a simulator that reused the adapter's own address code could not catch its mistakes.
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

const mailbox = { type: 'string', format: 'mailbox' } as const;
const mailboxes = { type: 'array', items: mailbox } as const;
const text = { type: 'string' } as const;

/**
 * Everything the page states, plus choices where it is silent: unknown fields are refused
 * (so an adapter typo such as `replyTo` fails loudly instead of being dropped), `subject`
 * may be empty but must be present, and line breaks in it are refused as header injection.
 */
export const sendEmailSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['to', 'subject'],
  anyOf: [{ required: ['body_html'] }, { required: ['body_text'] }],
  properties: {
    // "Recipient email address, or an array of addresses": format applies to the string form,
    // items and minItems to the array form.
    to: { type: ['string', 'array'], format: 'mailbox', items: mailbox, minItems: 1 },
    subject: { type: 'string', maxLength: 998, pattern: '^[^\\r\\n]*$' },
    body_html: text,
    body_text: text,
    cc: mailboxes,
    bcc: mailboxes,
    reply_to: mailbox,
    contact_id: { type: 'string', format: 'uuid' },
    deal_id: { type: 'string', format: 'uuid' },
    thread_id: { type: 'string', minLength: 1 },
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['filename'],
        oneOf: [{ required: ['content_base64'] }, { required: ['storage_path'] }],
        properties: {
          filename: { type: 'string', pattern: '\\S' },
          mime_type: text,
          content_base64: { type: 'string', format: 'byte' },
          storage_path: text,
        },
      },
    },
  },
} as const;

/**
 * RFC 4648 base64 (what ajv-formats calls `byte`), checked character by character: its regular
 * expression overflows the stack on a 25 MB attachment's 34 MB of base64.
 */
export function isBase64(value: string): boolean {
  if (value.length % 4 !== 0) return false;
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  for (let i = 0; i < value.length - padding; i++) {
    const c = value.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!letter) return false;
  }
  return true;
}

// allowUnionTypes: `to` is a string or an array, as the page says.
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
addFormats(ajv, ['uuid']);
ajv.addFormat('byte', isBase64);
ajv.addFormat('mailbox', isMailbox);
const validate = ajv.compile(sendEmailSchema);

/** "/attachments/0/filename" -> "attachments[0].filename", the way the gateway's details name fields. */
function fieldOf(error: ErrorObject): string {
  const parts = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required' && !error.schemaPath.includes('Of/')) parts.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') parts.push(String(error.params.additionalProperty));
  // The body rule is about the pair: named by its first member, as the page names it.
  if (error.keyword === 'anyOf' && parts.length === 0) parts.push('body_html');
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || 'body';
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
    case 'minItems':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'anyOf':
      return 'either body_html or body_text is required';
    case 'oneOf':
      return 'needs exactly one of content_base64 or storage_path';
    case 'maxLength':
      return `must be at most ${String(error.params.limit)} characters`;
    case 'pattern':
      return error.instancePath === '/subject' ? 'must not contain line breaks' : 'is required';
    case 'format':
      if (error.params.format === 'uuid') return 'must be a UUID';
      if (error.params.format === 'byte') return 'is not valid base64';
      return 'is not a valid RFC 5322 address';
    default:
      return error.message ?? 'is invalid';
  }
}

/** The validation details of a payload, one per field; empty when the gateway would take it. */
export function validatePayload(body: unknown): Detail[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [{ field: 'body', message: 'must be a JSON object' }];
  if (validate(body)) return [];
  const details: Detail[] = [];
  // A branch of an anyOf / oneOf reports a missing field; the combinator's own error says it better.
  for (const error of (validate.errors ?? []).filter((e) => !/Of\/\d+\//.test(e.schemaPath))) {
    const field = fieldOf(error);
    if (!details.some((d) => d.field === field)) details.push({ field, message: messageOf(error) });
  }
  return details;
}
