import { z } from 'zod';
import { editableMessageSchema } from './editable-message.js';
import { failureSchema } from './result.js';

/**
 * The outbox as the renderer sees it: one state machine per message (electron/services/outbox).
 * scheduled | queued -> sending -> sent | accepted | failed | unknown_outcome, or cancelled
 * (Undo, Cancel, Edit: the message is back in Drafts). `queued` with attempts is waiting out a
 * back-off before the next try. The settled names are the outcome's (shared/outcome.ts).
 */
export const outboxStateSchema = z.enum(['scheduled', 'queued', 'sending', 'sent', 'accepted', 'failed', 'unknown_outcome', 'cancelled']);
export type OutboxState = z.infer<typeof outboxStateSchema>;

/**
 * What the person can do with a row now, computed in main from its state, its failure and its
 * vendor (electron/services/outbox/row-actions.ts), so the UI offers only what can succeed.
 */
export const outboxActionSchema = z.enum(['send_now', 'reschedule', 'edit', 'cancel', 'retry_now', 'retry', 'send_again', 'check', 'open_accounts']);
export type OutboxAction = z.infer<typeof outboxActionSchema>;

export const outboxIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'is not an outbox id');

/** One row of the outbox view. Times are epoch milliseconds. */
export const outboxRowSchema = z.object({
  id: outboxIdSchema,
  state: outboxStateSchema,
  subject: z.string(),
  /** "Bea Lee and 2 others". */
  recipients: z.string(),
  accountId: z.string(),
  /** When it goes (or went) out: the end of the undo delay, or the send-later time. */
  sendAt: z.number(),
  /** True for send-later messages (the person picked the time). */
  scheduled: z.boolean(),
  /** When the worker tries next (a retry after a failure); null when nothing is waiting. */
  nextAttemptAt: z.number().nullable(),
  attempts: z.number().int().nonnegative(),
  /** What went wrong last, as a sentence that says what to do; null when nothing did. */
  lastError: z.string().nullable(),
  /** The kind of that failure: `auth` means the account's key must be updated in Accounts. */
  errorKind: failureSchema.shape.kind.nullable(),
  /** Bytes of the request sent so far while uploading; null when the provider does not report it. */
  progress: z.object({ sent: z.number().nonnegative(), total: z.number().nonnegative() }).nullable(),
  draftId: z.string().nullable(),
  updatedAt: z.number(),
  /** The actions the row offers, in the order to show them. */
  actions: z.array(outboxActionSchema),
  /** The vendor the last attempt went through ("Check with Stuut"); null before any attempt. */
  vendor: z.string().nullable(),
});
export type OutboxRow = z.infer<typeof outboxRowSchema>;

export const MAX_UNDO_DELAY_MS = 30_000;
export const DEFAULT_UNDO_DELAY_MS = 5_000;

/**
 * How long a sent message waits so that Undo can take it back, and whether a desktop
 * notification says when a message went out (failures are always notified).
 */
export const outboxSettingsSchema = z
  .object({
    undoDelayMs: z
      .number()
      .int()
      .min(0, 'The undo delay cannot be negative.')
      .max(MAX_UNDO_DELAY_MS, 'The undo delay can be at most 30 seconds.'),
    notifyOnSent: z.boolean(),
  })
  .strict();
export type OutboxSettings = z.infer<typeof outboxSettingsSchema>;

/** `outbox:setSettings` input: only the settings being changed; the others stay as they are. */
export const outboxSettingsPatchSchema = outboxSettingsSchema.partial().strict();
export type OutboxSettingsPatch = z.infer<typeof outboxSettingsPatchSchema>;

/**
 * What `outbox:retryFromHistory` did: the message is on its way again (the outbox's own row under its
 * key, or a copy), or, when its files are gone, it is to be opened in the composer to attach them.
 */
export const historyRetrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queued'), summary: z.string() }),
  z.object({ kind: z.literal('open'), message: editableMessageSchema }),
]);
export type HistoryRetry = z.infer<typeof historyRetrySchema>;
