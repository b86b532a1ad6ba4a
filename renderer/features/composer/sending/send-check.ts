import type { AccountView } from '../../../../shared/accounts.js';
import { formatBytes, unsupportedFields, type FieldProblem } from '../../../../shared/capability-check.js';
import type { Capabilities } from '../../../../shared/capabilities.js';
import type { AttachmentRef } from '../../../../shared/message.js';
import { providerRules } from '../../../../shared/providers/catalogue.js';
import { addressesOf, invalidChips, type RecipientLists } from '../recipients/recipients.js';

/** RFC 5322 §2.1.1: a header line may not exceed 998 characters. */
const MAX_SUBJECT = 998;

export interface SendFacts {
  account: AccountView | null;
  providerName: string;
  capabilities: Capabilities | null;
  lists: RecipientLists;
  subject: string;
  attachments: AttachmentRef[];
}

export interface SendCheck {
  /** Why Send is disabled; empty when the message can go. */
  blockers: FieldProblem[];
  /** Said beside the fields, not blocking: what this vendor will not carry. */
  warnings: FieldProblem[];
}

/**
 * What stands between the message and Send, worked out from what the composer holds and
 * what the account's provider can carry: nothing is dropped silently, every reason is a
 * sentence beside its field.
 */
export function checkSend(facts: SendFacts): SendCheck {
  const blockers: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const { account, capabilities, lists } = facts;
  if (!account) blockers.push({ field: 'from', message: 'Choose an account to send from, or add one in Accounts.' });
  else if (account.attention) blockers.push({ field: 'from', message: `${account.label}: ${account.attention}` });
  if (lists.to.length === 0) blockers.push({ field: 'to', message: 'Add at least one recipient in To.' });
  for (const chip of invalidChips(lists)) {
    blockers.push({ field: 'recipients', message: `“${chip.raw}” ${chip.error ?? 'is not a valid address'}. Fix or remove it.` });
  }
  if (facts.subject.length > MAX_SUBJECT) {
    blockers.push({ field: 'subject', message: `The subject is ${facts.subject.length} characters long; the limit is ${MAX_SUBJECT}.` });
  }
  if (capabilities) {
    const message = { cc: addressesOf(lists.cc), bcc: addressesOf(lists.bcc), attachments: facts.attachments };
    blockers.push(...unsupportedFields({ displayName: facts.providerName, capabilities }, message));
    warnings.push(...vendorWarnings(facts, capabilities));
  }
  return { blockers, warnings };
}

function vendorWarnings(facts: SendFacts, capabilities: Capabilities): FieldProblem[] {
  const name = facts.providerName;
  const out: FieldProblem[] = [];
  if (!capabilities.customFrom) out.push({ field: 'from', message: `${name} sends from the sender set up at ${name}, not from the address shown here.` });
  const named = [...facts.lists.to, ...facts.lists.cc, ...facts.lists.bcc].some((chip) => chip.address?.name);
  if (!capabilities.displayNames && named) out.push({ field: 'recipients', message: `${name} sends to the addresses only; the names are dropped.` });
  if (!capabilities.textPart) out.push({ field: 'body', message: `${name} sends the formatted version only; there is no plain-text part.` });
  const advice = facts.account ? providerRules(facts.account.settings.provider).subjectAdvice : undefined;
  if (advice && facts.subject.length > advice.over) out.push({ field: 'subject', message: advice.sentence });
  return out;
}

export function totalBytes(attachments: AttachmentRef[]): number {
  return attachments.reduce((sum, a) => sum + a.size, 0);
}

export { formatBytes };
