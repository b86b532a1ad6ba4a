import { randomBytes } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pickedFileTooLarge } from '../../electron/services/attachments/attachment-store.js';
import { cleanFilename } from '../../electron/services/attachments/file-names.js';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../../electron/services/storage/private-files.js';
import type { Failure } from '../../shared/result.js';
import { publicFailure } from '../../shared/service-error.js';

/**
 * Files the page chose with the browser's own file picker, arriving over the bridge socket
 * in chunks. Each lands under its own name in a private folder, so that the core's picker can
 * answer with their paths and the attachment store copies them exactly as it copies files
 * from Electron's dialog (same limits, same sentences). Nothing stays once the pick is done.
 */
export interface UploadArea {
  /** Starts upload `id` of `size` bytes; a failure (too large, a bad name) refuses it before any byte. */
  begin(id: number, name: string, size: number): Promise<Failure | null>;
  /** Appends a chunk; answers the bytes received so far, or why the upload stopped. */
  append(id: number, chunk: Buffer): Promise<{ received: number } | { error: Failure }>;
  /** The paths of these finished uploads, or why one of them cannot be attached. */
  finished(ids: readonly number[]): string[] | Failure;
  /** Deletes these uploads' files (after the pick copied them, or when it failed). */
  discard(ids: readonly number[]): Promise<void>;
  /** The socket closed: everything it left goes. */
  close(): Promise<void>;
}

interface Upload {
  file: string;
  size: number;
  received: number;
  handle: FileHandle | null;
}

/** Uploads a single socket may hold at once: more than any pick of files, far fewer than a flood. */
const MAX_UPLOADS = 100;

const failure = (message: string): Failure => ({ kind: 'validation', message, fields: [{ field: 'attachments', message }] });

export function createUploadArea(root: string): UploadArea {
  const folder = path.join(root, randomBytes(9).toString('base64url'));
  const uploads = new Map<number, Upload>();

  const drop = async (id: number) => {
    const upload = uploads.get(id);
    uploads.delete(id);
    if (!upload) return;
    await upload.handle?.close().catch(() => undefined);
    await rm(path.dirname(upload.file), { recursive: true, force: true });
  };

  const discard = async (ids: readonly number[]) => {
    for (const id of ids) await drop(id);
  };

  return {
    discard,
    async begin(id, name, size) {
      const filename = cleanFilename(path.basename(name));
      const tooLarge = pickedFileTooLarge(filename, size);
      if (tooLarge) return publicFailure(tooLarge.failure);
      if (uploads.has(id) || uploads.size >= MAX_UPLOADS) return failure(`"${filename}" could not be attached: too many files are arriving at once. Pick fewer files.`);
      const dir = path.join(folder, String(id));
      await ensurePrivateDir(dir);
      const file = path.join(dir, filename);
      const handle = await open(file, 'wx', PRIVATE_FILE_MODE);
      // An empty file is whole at once: no chunk will come to close it.
      if (size === 0) await handle.close();
      uploads.set(id, { file, size, received: 0, handle: size === 0 ? null : handle });
      return null;
    },

    async append(id, chunk) {
      const upload = uploads.get(id);
      if (!upload?.handle) return { error: failure('A file arrived that was never announced. Pick it again.') };
      if (upload.received + chunk.length > upload.size) {
        await drop(id);
        return { error: failure(`"${path.basename(upload.file)}" changed while it was being attached. Pick it again.`) };
      }
      await upload.handle.write(chunk);
      upload.received += chunk.length;
      if (upload.received === upload.size) {
        await upload.handle.close();
        upload.handle = null;
      }
      return { received: upload.received };
    },

    finished(ids) {
      const paths: string[] = [];
      for (const id of ids) {
        const upload = uploads.get(id);
        if (!upload || upload.received !== upload.size) return failure('A file did not arrive whole. Pick it again.');
        paths.push(upload.file);
      }
      return paths;
    },

    async close() {
      await discard([...uploads.keys()]);
      await rm(folder, { recursive: true, force: true });
    },
  };
}
