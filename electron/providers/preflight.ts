import { isValidEmail, type Address } from '../../shared/address.js';
import { SendError, type OutgoingMessage, type Provider } from './types.js';

type Field = { field: string; message: string };
/** Any provider, whatever its settings type: preflight reads only these. */
type ProviderFacts = Pick<Provider, 'displayName' | 'capabilities'>;

/** RFC 5322 §2.1.1: a header line may not exceed 998 characters. */
export const MAX_SUBJECT_LENGTH = 998;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function unsupported(provider: ProviderFacts, message: OutgoingMessage): Field[] {
  const caps = provider.capabilities;
  const name = provider.displayName;
  const out: Field[] = [];
  if (message.cc.length > 0 && !caps.cc) {
    out.push({ field: 'cc', message: `${name} cannot send Cc recipients. Remove them or choose another account.` });
  }
  if (message.bcc.length > 0 && !caps.bcc) {
    out.push({ field: 'bcc', message: `${name} cannot send Bcc recipients. Remove them or choose another account.` });
  }
  if (message.replyTo && !caps.replyTo) {
    out.push({ field: 'replyTo', message: `${name} cannot set a Reply-To address. Remove it or choose another account.` });
  }
  if (message.attachments.length > 0) {
    const total = message.attachments.reduce((sum, a) => sum + a.size, 0);
    if (!caps.localAttachments) {
      out.push({ field: 'attachments', message: `${name} cannot send attached files. Remove them or choose another account.` });
    } else if (total > caps.maxAttachmentBytes) {
      out.push({
        field: 'attachments',
        message: `${name} can send at most ${formatBytes(caps.maxAttachmentBytes)} of attachments; these add up to ${formatBytes(total)}. Remove some or choose another account.`,
      });
    }
  }
  // No threading support is not an error: the reply simply starts a new thread at the vendor,
  // which is what the user would get from any mail client that drops In-Reply-To.
  return out;
}

function hasLineBreak(value: string): boolean {
  return /[\r\n]/.test(value);
}

function checkAddresses(field: string, label: string, addresses: Address[], out: Field[]): void {
  for (const address of addresses) {
    if (!isValidEmail(address.email.trim())) {
      out.push({ field, message: `${label}: "${address.email}" is not a valid email address.` });
    } else if (address.name !== undefined && hasLineBreak(address.name)) {
      // A line break in a display name would let it forge headers at vendors that build MIME text.
      out.push({ field, message: `${label}: the name for ${address.email} cannot contain line breaks.` });
    }
  }
}

function invalid(message: OutgoingMessage): Field[] {
  const out: Field[] = [];
  if (message.to.length === 0) out.push({ field: 'to', message: 'Add at least one recipient in To.' });
  checkAddresses('from', 'From', [message.from], out);
  checkAddresses('to', 'To', message.to, out);
  checkAddresses('cc', 'Cc', message.cc, out);
  checkAddresses('bcc', 'Bcc', message.bcc, out);
  if (message.replyTo) checkAddresses('replyTo', 'Reply-To', [message.replyTo], out);
  if (message.subject.length > MAX_SUBJECT_LENGTH) {
    out.push({ field: 'subject', message: `The subject is ${message.subject.length} characters long; the limit is ${MAX_SUBJECT_LENGTH}.` });
  }
  if (hasLineBreak(message.subject)) out.push({ field: 'subject', message: 'The subject cannot contain line breaks.' });
  return out;
}

/**
 * What every adapter runs before building a request: refuses what the provider cannot carry
 * (never silently dropping it) and what any vendor would reject, so no request is wasted.
 */
export function preflight(provider: ProviderFacts, message: OutgoingMessage): void {
  const missing = unsupported(provider, message);
  if (missing.length > 0) {
    throw new SendError({ kind: 'unsupported', message: missing.map((f) => f.message).join(' '), fields: missing });
  }
  const wrong = invalid(message);
  if (wrong.length > 0) {
    const text = wrong.length === 1 ? (wrong[0]?.message ?? '') : `The message cannot be sent yet: ${wrong.map((f) => f.message).join(' ')}`;
    throw new SendError({ kind: 'validation', message: text, fields: wrong });
  }
}
