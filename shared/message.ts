import { z } from 'zod';
import { addressSchema } from './address.js';
import { crmLinksSchema, trackingSchema } from './vendor-extras.js';

/**
 * The message model ("a message and its fate"), one schema for both sides: the composer
 * submits a `SubmitMessage` through `outbox:submit`; main adds the sender, the attachment
 * files and the idempotency key and hands the providers an `OutgoingMessage`
 * (shared/outgoing.ts) whose content part is inferred from here. How sending ended is an
 * `Outcome` (shared/outcome.ts); a failure crossing IPC is a `ServiceError`
 * (shared/service-error.ts).
 */

const MAX_BODY_CHARS = 20 * 1024 * 1024;

/** The vendor ids of the history entry a reply answers. */
export const replyTargetSchema = z.object({
  remoteId: z.string().min(1).max(500),
  remoteThreadId: z.string().min(1).max(500).optional(),
});
export type ReplyTarget = z.infer<typeof replyTargetSchema>;

/** What every provider maps: recipients, subject and both bodies. */
export const messageContentSchema = z.object({
  to: z.array(addressSchema).max(500),
  cc: z.array(addressSchema).max(500),
  bcc: z.array(addressSchema).max(500),
  subject: z.string().max(998),
  html: z.string().max(MAX_BODY_CHARS),
  text: z.string().max(MAX_BODY_CHARS),
  inReplyTo: replyTargetSchema.optional(),
  /** The CRM records the vendor logs it to (CRM gateway, Rollout); see vendor-extras.ts. */
  crm: crmLinksSchema.optional(),
  /** Unipile's open and link tracking; absent means off. */
  tracking: trackingSchema.optional(),
});
export type MessageContent = z.infer<typeof messageContentSchema>;

/** A file main holds for the renderer: the renderer knows it only by this opaque token. */
export const attachmentRefSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not an attachment token'),
  filename: z.string().min(1).max(255),
  mimeType: z.string().max(255),
  size: z.number().int().nonnegative(),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/** The input of `outbox:submit`: the composer's message, the account it goes through, its files. */
export const submitMessageSchema = messageContentSchema.extend({
  accountId: z.string().min(1).max(100),
  attachments: z.array(attachmentRefSchema).max(100),
  /** The draft this message was written in, removed once the message is accepted. */
  draftId: z.string().min(1).max(100).optional(),
  /**
   * Send later: when the message should go out (ISO 8601 with a zone offset). Without it the
   * message waits only the undo-send delay.
   */
  sendAt: z.iso.datetime({ offset: true }).optional(),
  /** The history message this one answers (from `history:replyTarget`), so the history threads it even where the vendor cannot. */
  replyToHistoryId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).optional(),
});
export type SubmitMessage = z.infer<typeof submitMessageSchema>;

/**
 * What `outbox:submit` answers once the message is safely in the outbox (on disk, not yet
 * sent): the worker sends it at `sendAt`; until `undoUntil` `outbox:cancel` takes it back.
 */
export const submitOutcomeSchema = z.object({
  /** The outbox row: `outbox:cancel`, `outbox:retry` and the `outbox:changed` list name it. */
  id: z.string(),
  state: z.enum(['queued', 'scheduled']),
  /** Epoch milliseconds when the worker sends it. */
  sendAt: z.number(),
  /** Epoch milliseconds until which Undo works (the same as `sendAt`). */
  undoUntil: z.number(),
  /** One sentence for the composer: who it goes to, through which account, and when. */
  summary: z.string(),
});
export type SubmitOutcome = z.infer<typeof submitOutcomeSchema>;
