import { z } from 'zod';

/** A request body as the preview shows it: JSON text, or multipart parts with files as name/size/hash. */
export const previewBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('json'), text: z.string() }),
  z.object({
    kind: z.literal('multipart'),
    parts: z.array(
      z.object({
        name: z.string(),
        value: z.string().optional(),
        file: z.object({ filename: z.string(), size: z.number().int().nonnegative(), sha256: z.string() }).optional(),
      }),
    ),
  }),
]);
export type PreviewBody = z.infer<typeof previewBodySchema>;

/**
 * "Preview request": the exact request the account's adapter would make for this message,
 * built by the adapter's own code (a dry run), secrets masked; what the vendor cannot carry
 * is listed as dropped.
 */
export const requestPreviewSchema = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.array(z.object({ name: z.string(), value: z.string(), masked: z.boolean() })),
  body: previewBodySchema,
  dropped: z.array(z.object({ field: z.string(), reason: z.string() })),
});
export type RequestPreview = z.infer<typeof requestPreviewSchema>;
