import { isValidEmail, type Address } from '../../shared/address.js';
import { unsupportedFields, type FieldProblem } from '../../shared/capability-check.js';
import { ServiceError } from '../../shared/service-error.js';
import type { OutgoingMessage } from '../../shared/outgoing.js';
import type { Provider } from './types.js';

type Field = FieldProblem;
/** Any provider, whatever its settings type: preflight reads only these. */
type ProviderFacts = Pick<Provider, 'displayName' | 'capabilities'>;

/** RFC 5322 §2.1.1: a header line may not exceed 998 characters. */
export const MAX_SUBJECT_LENGTH = 998;

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
  const missing = unsupportedFields(provider, message);
  if (missing.length > 0) {
    throw new ServiceError({ kind: 'unsupported', message: missing.map((f) => f.message).join(' '), fields: missing });
  }
  const wrong = invalid(message);
  if (wrong.length > 0) {
    const text = wrong.length === 1 ? (wrong[0]?.message ?? '') : `The message cannot be sent yet: ${wrong.map((f) => f.message).join(' ')}`;
    throw new ServiceError({ kind: 'validation', message: text, fields: wrong });
  }
}
