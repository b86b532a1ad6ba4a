import type { AttachmentProgress } from '../../shared/attachments.js';
import type { Failure } from '../../shared/result.js';

/**
 * "Attach files" in the browser harness, which has no native dialog: the browser's own file
 * picker, then each chosen file's bytes over the bridge socket in chunks (each acknowledged,
 * so a large file never floods the socket), into main's upload area. Main then attaches them
 * through the same picker path Electron's dialog takes.
 */

export type UploadReply = { accepted: true } | { received: number } | { error: Failure };

export interface UploadChannel {
  /** Sends a text frame of the bridge protocol. */
  send(frame: string | Uint8Array<ArrayBuffer>): void;
  /** The next reply main gives about upload `id`. */
  reply(id: number): Promise<UploadReply>;
  /** Told as each chunk is acknowledged (the composer shows how much has arrived). */
  progress(progress: AttachmentProgress): void;
}

/** Chunks small enough to keep the page and the socket responsive, large enough to be few. */
const CHUNK_BYTES = 1024 * 1024;
let nextUpload = 1;

/** Opens the browser's file picker; a cancel answers no files. */
export function chooseFiles(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.hidden = true;
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

async function uploadOne(channel: UploadChannel, file: File): Promise<{ id: number } | { error: Failure }> {
  const id = nextUpload++;
  const announced = channel.reply(id);
  channel.send(JSON.stringify({ upload: id, name: file.name, size: file.size }));
  const first = await announced;
  if ('error' in first) return first;
  for (let at = 0; at < file.size; at += CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(at, at + CHUNK_BYTES).arrayBuffer());
    const frame = new Uint8Array(4 + bytes.length);
    new DataView(frame.buffer).setUint32(0, id);
    frame.set(bytes, 4);
    const acked = channel.reply(id);
    channel.send(frame);
    const reply = await acked;
    if ('error' in reply) return reply;
    if ('received' in reply) channel.progress({ filename: file.name, received: reply.received, size: file.size });
  }
  return { id };
}

/** Every file up, in order, or the first refusal (earlier ones are then let go in main). */
export async function uploadFiles(channel: UploadChannel, files: readonly File[]): Promise<{ ids: number[] } | { error: Failure }> {
  const ids: number[] = [];
  for (const file of files) {
    const sent = await uploadOne(channel, file);
    if ('error' in sent) {
      if (ids.length > 0) channel.send(JSON.stringify({ discard: ids }));
      return sent;
    }
    ids.push(sent.id);
  }
  return { ids };
}
