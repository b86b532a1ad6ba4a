import { z } from 'zod';
import { providerIdSchema } from './accounts.js';

/**
 * The sent-history contract: every attempt that ended sent, failed or with an unknown outcome,
 * grouped in threads. Lists are paged by opaque keyset cursors so the renderer never loads the
 * whole history; highlighted text comes as segments, never as HTML, so nothing stored can
 * inject markup into the app.
 */

/**
 * How an attempt ended, in the outcome's names (shared/outcome.ts): `unknown_outcome`: the
 * request may have reached the vendor, no answer came. (`accepted` is `sent` with `accepted` set.)
 */
export const historyStatusSchema = z.enum(['sent', 'failed', 'unknown_outcome']);
export type HistoryStatus = z.infer<typeof historyStatusSchema>;

/** Main's ids for history messages and threads (random UUIDs). */
export const historyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'is not a history id');

/** An address as it was sent; not re-validated on the way out (it was valid when sent). */
export const historyAddressSchema = z.object({ name: z.string().optional(), email: z.string() });
export type HistoryAddress = z.infer<typeof historyAddressSchema>;

export const statusCountsSchema = z.object({ sent: z.number().int(), failed: z.number().int(), unknown_outcome: z.number().int() });

/** One row of the Sent view. */
export const threadSummarySchema = z.object({
  id: historyIdSchema,
  subject: z.string(),
  participants: z.array(historyAddressSchema),
  count: z.number().int().positive(),
  /** Milliseconds since the epoch of the newest message. */
  latestAt: z.number(),
  snippet: z.string(),
  accountId: z.string(),
  statuses: statusCountsSchema,
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

const cursorSchema = z.string().max(500);

export const threadsQuerySchema = z
  .object({
    cursor: cursorSchema.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    accountId: z.string().min(1).max(100).optional(),
    /** Only threads holding at least one message with this status. */
    status: historyStatusSchema.optional(),
  })
  .strict();
export type ThreadsQuery = z.input<typeof threadsQuerySchema>;

export const threadsPageSchema = z.object({ threads: z.array(threadSummarySchema), nextCursor: cursorSchema.nullable() });
export type ThreadsPage = z.infer<typeof threadsPageSchema>;

/** A stored copy of a file the message carried; `available` is false once its copy is gone. */
export const historyAttachmentSchema = z.object({
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  /** Hex SHA-256 of the bytes sent; null when the copy could not be read at record time. */
  sha256: z.string().nullable(),
  available: z.boolean(),
});
export type HistoryAttachment = z.infer<typeof historyAttachmentSchema>;

/** Whether a reply to this message can join its thread at the vendor, and if not, why in a sentence. */
export const replyThreadingSchema = z.object({ atVendor: z.boolean(), note: z.string().optional() });
export type ReplyThreading = z.infer<typeof replyThreadingSchema>;

export const historyMessageSchema = z.object({
  id: historyIdSchema,
  threadId: historyIdSchema,
  accountId: z.string(),
  provider: providerIdSchema,
  status: historyStatusSchema,
  /** The vendor said it took the message for later delivery rather than sent it. */
  accepted: z.boolean(),
  error: z.object({ kind: z.string(), message: z.string() }).nullable(),
  from: historyAddressSchema.nullable(),
  to: z.array(historyAddressSchema),
  cc: z.array(historyAddressSchema),
  bcc: z.array(historyAddressSchema),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  attachments: z.array(historyAttachmentSchema),
  remoteId: z.string().nullable(),
  remoteThreadId: z.string().nullable(),
  requestId: z.string().nullable(),
  trackingId: z.string().nullable(),
  /** The mailbox service the vendor used, in its words (CRM gateway). */
  vendorProvider: z.string().nullable(),
  /** When the attempt ended (ms since the epoch); `vendorSentAt` is the vendor's own ISO time when given. */
  attemptedAt: z.number(),
  vendorSentAt: z.string().nullable(),
  /** The history message this one answered, when it was written as a reply from the history. */
  inReplyToId: z.string().nullable(),
  replyThreading: replyThreadingSchema,
});
export type HistoryMessage = z.infer<typeof historyMessageSchema>;

export const historyThreadSchema = z.object({ thread: threadSummarySchema, messages: z.array(historyMessageSchema) });
export type HistoryThread = z.infer<typeof historyThreadSchema>;

/** A piece of highlighted text: render `match` pieces emphasised, as text. */
export const textSegmentSchema = z.object({ text: z.string(), match: z.boolean() });
export type TextSegment = z.infer<typeof textSegmentSchema>;

export const searchQuerySchema = z
  .object({
    query: z.string().max(500),
    accountId: z.string().min(1).max(100).optional(),
    status: historyStatusSchema.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type SearchQuery = z.input<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  messageId: historyIdSchema,
  threadId: historyIdSchema,
  accountId: z.string(),
  status: historyStatusSchema,
  attemptedAt: z.number(),
  subject: z.array(textSegmentSchema),
  snippet: z.array(textSegmentSchema),
  recipients: z.array(textSegmentSchema),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const recipientsSuggestSchema = z.object({ prefix: z.string().max(200), limit: z.number().int().min(1).max(50).default(8) }).strict();

export const recipientSuggestionSchema = z.object({
  email: z.string(),
  name: z.string().optional(),
  /** How many sent messages went to it, and when the latest did. */
  count: z.number().int(),
  lastAt: z.number(),
});
export type RecipientSuggestion = z.infer<typeof recipientSuggestionSchema>;

export const historyDeleteSchema = z.union([z.object({ messageId: historyIdSchema }).strict(), z.object({ threadId: historyIdSchema }).strict()]);
export type HistoryDeleteInput = z.infer<typeof historyDeleteSchema>;

/** Hand `deletionId` to `history:restore` to undo; it works until Composer restarts. */
export const historyDeletedSchema = z.object({ deletionId: historyIdSchema, messages: z.number().int() });
export const historyRestoreSchema = z.object({ deletionId: historyIdSchema }).strict();

/** `copy`: the message as it was (recipients, Bcc, files, reply link), for Retry and Open in composer. */
export const replyModeSchema = z.enum(['reply', 'reply-all', 'forward', 'copy']);
export type ReplyMode = z.infer<typeof replyModeSchema>;

export const replyTargetQuerySchema = z.object({ messageId: historyIdSchema, mode: replyModeSchema }).strict();


/** `history:changed`: which threads changed, so an open view refreshes just what it shows. */
export const historyChangedSchema = z.object({
  kind: z.enum(['recorded', 'deleted', 'restored']),
  threadIds: z.array(historyIdSchema),
});
export type HistoryChanged = z.infer<typeof historyChangedSchema>;
