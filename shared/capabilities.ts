import { z } from 'zod';
import { crmLinkKindSchema } from './vendor-extras.js';

/**
 * How far a vendor deduplicates a repeated send: `guaranteed` (it replays the first answer for
 * the same key), `best_effort` (it usually does, but may forget keys, e.g. on a restart), `none`.
 */
export const idempotencySchema = z.enum(['none', 'best_effort', 'guaranteed']);
export type Idempotency = z.infer<typeof idempotencySchema>;

/** What a provider can carry; the composer reads it to disable, or say beside a field, what the account cannot send. */
export const capabilitiesSchema = z.object({
  cc: z.boolean(),
  bcc: z.boolean(),
  /** Whether the plain-text part reaches the recipient; false means the vendor takes HTML only. */
  textPart: z.boolean(),
  localAttachments: z.boolean(),
  /** Bytes; 0 when local attachments are not supported. */
  maxAttachmentBytes: z.number().int().nonnegative(),
  replyTo: z.boolean(),
  /** Whether a reply joins the thread of the email it answers at the vendor. */
  threading: z.boolean(),
  /** Only `guaranteed` makes an automatic retry of an unknown outcome safe. */
  idempotency: idempotencySchema,
  /** False when the vendor takes bare addresses only, so the names typed beside them are dropped. */
  displayNames: z.boolean(),
  /** False when the vendor sends from its own sender (a Stuut sender, the gateway's workspace mailbox), not the account's From. */
  customFrom: z.boolean(),
  /** Which CRM records a message can be logged to; absent is none. */
  crmLinks: crmLinkKindSchema.optional(),
  /** Whether the vendor can track opens and link clicks (Unipile's tracking_options). */
  tracking: z.boolean().optional(),
});
export type Capabilities = z.infer<typeof capabilitiesSchema>;
