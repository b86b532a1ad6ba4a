import { z } from 'zod';
import { attachmentRefSchema } from './message.js';

/** More than this many files at once is not a drag onto the icon; the rest are reported, not attached. */
export const MAX_ICON_FILES = 20;

/**
 * Files to attach to the open composer, carried by the `compose:attach` event: files dropped
 * on the app's dock or taskbar icon, already copied by main. `notice` says which files were
 * not attached and why; absent when every file was.
 */
export const composeAttachSchema = z.object({
  attachments: z.array(attachmentRefSchema).max(100),
  notice: z.string().max(2_000).optional(),
});
export type ComposeAttach = z.infer<typeof composeAttachSchema>;
