import { openAsBlob } from 'node:fs';
import { checkAttachment } from './local-files.js';
import { SendError, type OutgoingAttachment } from './types.js';

/** An attachment opened for sending: a file-backed Blob, read from disk only as it is sent. */
export interface OpenedAttachment {
  filename: string;
  blob: Blob;
}

function changed(attachment: OutgoingAttachment): SendError {
  const message = `The attachment "${attachment.filename}" changed on disk after it was attached. Attach it again.`;
  return new SendError({ kind: 'validation', message, fields: [{ field: 'attachments', message }] });
}

/**
 * Opens every attachment at send time, before any request leaves (checkAttachment refuses a
 * vanished or resized file, naming it). `openAsBlob` hands back a Blob that streams from disk
 * as fetch sends it, so a 25 MB file is never held in memory; its own size is compared again
 * because the file may change between the check and the open. The size limit needs no second
 * check here: preflight enforced it on the chosen sizes, which every file must still have.
 */
export async function openAttachments(attachments: readonly OutgoingAttachment[]): Promise<OpenedAttachment[]> {
  const opened: OpenedAttachment[] = [];
  for (const attachment of attachments) {
    await checkAttachment(attachment);
    let blob: Blob;
    try {
      blob = await openAsBlob(attachment.path, { type: attachment.mimeType });
    } catch {
      throw changed(attachment);
    }
    if (blob.size !== attachment.size) throw changed(attachment);
    opened.push({ filename: attachment.filename, blob });
  }
  return opened;
}
