import { z } from 'zod';

/** What a provider can carry; the composer reads it to disable what the account cannot send. */
export const capabilitiesSchema = z.object({
  cc: z.boolean(),
  bcc: z.boolean(),
  textPart: z.boolean(),
  localAttachments: z.boolean(),
  /** Bytes; 0 when local attachments are not supported. */
  maxAttachmentBytes: z.number().int().nonnegative(),
  replyTo: z.boolean(),
  threading: z.boolean(),
  idempotency: z.boolean(),
});
export type Capabilities = z.infer<typeof capabilitiesSchema>;
