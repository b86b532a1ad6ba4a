import { z } from 'zod';
import { failureSchema } from './result.js';

/**
 * How a message's sending ended, under the same names in the outbox, the history and the UI:
 * `sent` (the vendor says it went out), `accepted` (the vendor took it for later delivery),
 * `failed` (not sent; `kind` says why and `action` what to do) or `unknown_outcome` (the
 * request may have reached the vendor and no answer came: a question for the person).
 */
export const settledStateSchema = z.enum(['sent', 'accepted', 'failed', 'unknown_outcome']);
export type SettledState = z.infer<typeof settledStateSchema>;

/** What the person can do about a failure: send it again as it is, change it, fix the account. */
export const failureActionSchema = z.enum(['retry', 'edit', 'open_accounts']);
export type FailureAction = z.infer<typeof failureActionSchema>;

export const outcomeSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('sent'), remoteId: z.string() }),
  z.object({ state: z.literal('accepted'), remoteId: z.string() }),
  z.object({ state: z.literal('failed'), kind: failureSchema.shape.kind, sentence: z.string(), action: failureActionSchema }),
  z.object({
    state: z.literal('unknown_outcome'),
    kind: failureSchema.shape.kind,
    /** What happened, ending with what to check. */
    sentence: z.string(),
  }),
]);
export type Outcome = z.infer<typeof outcomeSchema>;

/** The remedy a failure of this kind calls for. */
export function failureAction(kind: z.infer<typeof failureSchema.shape.kind>): FailureAction {
  if (kind === 'auth' || kind === 'locked') return 'open_accounts';
  // A vendor's refusal (`validation`) may be lifted on its side, so it can be retried; a message
  // its provider cannot carry, or whose account or file is gone, can only be changed.
  if (kind === 'unsupported' || kind === 'invalid_input' || kind === 'not_found') return 'edit';
  return 'retry';
}

/** The remedy for a failure kind read back from a store that keeps it as text (history); null for a kind this version does not know. */
export function failureActionOf(kind: string): FailureAction | null {
  const known = failureSchema.shape.kind.safeParse(kind);
  return known.success ? failureAction(known.data) : null;
}
