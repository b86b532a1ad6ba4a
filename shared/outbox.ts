import { z } from 'zod';
import { editableMessageSchema } from './editable-message.js';
import { failureSchema } from './result.js';

/**
 * The outbox as the renderer sees it. A message moves queued -> sending -> sent | failed |
 * unknown_outcome, or queued -> cancelled (undo). `failed` and `unknown_outcome` are kept
 * until the person retries them (`outbox:retry`).
 */
export const outboxStateSchema = z.enum(['queued', 'sending', 'sent', 'failed', 'unknown_outcome', 'cancelled']);
export type OutboxState = z.infer<typeof outboxStateSchema>;

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

/** `outbox:set-settings` input: only the settings being changed; the others stay as they are. */
export const outboxSettingsPatchSchema = outboxSettingsSchema.partial().strict();
export type OutboxSettingsPatch = z.infer<typeof outboxSettingsPatchSchema>;

/**
 * What `history:retry` did: the message is on its way again (the outbox's own row under its
 * key, or a copy), or, when its files are gone, it is to be opened in the composer to attach them.
 */
export const historyRetrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queued'), summary: z.string() }),
  z.object({ kind: z.literal('open'), message: editableMessageSchema }),
]);
export type HistoryRetry = z.infer<typeof historyRetrySchema>;
