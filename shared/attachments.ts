import { z } from 'zod';
import { attachmentRefSchema } from './message.js';

/** The largest pasted or dropped file; its bytes cross IPC as base64, so it is kept modest. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
/** The largest file the picker copies into the data folder (no vendor takes more). */
export const MAX_PICKED_BYTES = 100 * 1024 * 1024;

/** Input of `attachments:import`: a file the renderer holds (pasted image, dropped file). */
export const attachmentImportSchema = z
  .object({
    filename: z.string().min(1).max(255),
    mimeType: z.string().max(255),
    dataBase64: z
      .string()
      .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, `is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB; attach a file this large with the file picker instead`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
  })
  .strict();
export type AttachmentImport = z.infer<typeof attachmentImportSchema>;

/** Input of `attachments:discard`. */
export const attachmentTokensSchema = z.object({ tokens: z.array(attachmentRefSchema.shape.token).max(100) }).strict();

/**
 * `attachments:progress`: how much of a picked file has arrived so far. The browser harness
 * says it while the file chosen in the browser travels over its socket; Electron's dialog
 * hands over a path on the same disk and says nothing.
 */
export const attachmentProgressSchema = z.object({
  filename: z.string().min(1).max(255),
  received: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
});
export type AttachmentProgress = z.infer<typeof attachmentProgressSchema>;
