import type { SendFailure, SendResult, VendorCheck } from '../../shared/outgoing.js';

/** What an adapter's read of one email says became of it, before it is put as a `VendorCheck`. */
export type LookupOutcome =
  | { state: 'sent' | 'accepted'; result: SendResult }
  /** The vendor took it and will not send it: the failure says why. */
  | { state: 'failed'; failure: SendFailure }
  /** The vendor holds nothing that will go out (a draft it removed, no such email): safe to send again. */
  | { state: 'not_sent'; reason: string };

export function toVendorCheck(outcome: LookupOutcome): VendorCheck {
  if (outcome.state === 'failed') return { found: 'failed', failure: outcome.failure };
  if (outcome.state === 'not_sent') return { found: false, sentence: outcome.reason };
  return { found: true, result: outcome.result };
}

/** A vendor that can only be asked about an email by the id it gave, when it gave none. */
export function noIdToAsk(provider: string): VendorCheck {
  return { found: 'unknown', sentence: `${provider} gave no id for this email, so it cannot be asked what became of it.` };
}
