import { z } from 'zod';
import { MAX_MERGE_TABLE_CHARS } from './merge-table.js';
import { submitMessageSchema } from './message.js';

/**
 * Send individually: one message per To recipient, each its own outbox entry with its own id
 * and idempotency key, grouped as one batch the Outbox shows with its progress.
 */

/** At most this many messages a minute and a day through one account; the batch waits rather than breaches. */
export const paceSchema = z
  .object({
    perMinute: z.number().int().min(1, 'At least 1 a minute.').max(600, 'At most 600 a minute.'),
    perDay: z.number().int().min(1, 'At least 1 a day.').max(100_000, 'At most 100,000 a day.'),
  })
  .strict();
export type Pace = z.infer<typeof paceSchema>;

export const accountPaceSchema = z.object({
  accountId: z.string().min(1).max(100),
  pace: paceSchema,
  /** Where the default comes from (the vendor's own guidance), shown beside the fields. */
  source: z.string(),
  /** True when the person set it; false when it is the vendor's default. */
  custom: z.boolean(),
});
export type AccountPace = z.infer<typeof accountPaceSchema>;

export const batchSubmitSchema = z
  .object({
    /** The message as written: its To recipients each get their own copy, merge fields filled for them. */
    message: submitMessageSchema,
    /** Cc and Bcc on every copy, or on none. */
    copies: z.enum(['each', 'none']),
    /** The pasted merge table, as pasted. */
    mergeTable: z.string().max(MAX_MERGE_TABLE_CHARS).optional(),
  })
  .strict();
export type BatchSubmit = z.infer<typeof batchSubmitSchema>;

export const batchIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'is not a batch id');

export const batchOutcomeSchema = z.object({
  batchId: batchIdSchema,
  count: z.number().int().positive(),
  /** One sentence for the composer: how many, through which account, paced until when. */
  summary: z.string(),
});
export type BatchOutcome = z.infer<typeof batchOutcomeSchema>;

/** One batch as the Outbox shows it: a row with its progress that expands to its messages. */
export const batchRowSchema = z.object({
  id: batchIdSchema,
  accountId: z.string(),
  subject: z.string(),
  total: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
  /** The outbox ids of its messages, in the order of the To line. */
  messageIds: z.array(z.string()),
  /** When its last message is due (epoch ms), paced. */
  lastSendAt: z.number(),
  createdAt: z.number(),
});
export type BatchRow = z.infer<typeof batchRowSchema>;
