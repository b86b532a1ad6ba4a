/* eslint-disable security/detect-non-literal-fs-filename -- the trash lives under <dataDir>/attachments-trash, named by main's clock; what goes in is main's own copies. */
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../clock.js';
import { ensurePrivateDir } from '../storage/private-files.js';

/** Beside the copies, not inside them: the sweep never mistakes the trash for a copy. */
export const TRASH_FOLDER = 'attachments-trash';
export const TRASH_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

export interface AttachmentTrash {
  /** Moves a file into today's trash folder instead of deleting it. */
  put(file: string): Promise<void>;
  /** Deletes what has been in the trash longer than 30 days; how many folders went. */
  purge(): Promise<number>;
}

/**
 * Where the start-up sweep puts copies nothing references: a database that reads wrong (or a
 * bug in a referencer) then costs nothing that cannot be brought back within 30 days. Each
 * sweep's files share a folder named by the time it ran (epoch milliseconds).
 */
export function createAttachmentTrash(dataDir: string, clock: Clock): AttachmentTrash {
  const root = path.join(dataDir, TRASH_FOLDER);
  let folder: string | undefined;
  return {
    async put(file) {
      folder ??= path.join(root, String(clock()));
      // Like every folder of the data folder, the trash is the owner's only (docs/data.md).
      await ensurePrivateDir(root);
      await ensurePrivateDir(folder);
      await rename(file, path.join(folder, path.basename(file)));
    },
    async purge() {
      const cutoff = clock() - TRASH_KEEP_MS;
      let purged = 0;
      for (const name of await readdir(root).catch(() => [] as string[])) {
        if (!/^\d+$/.test(name) || Number(name) >= cutoff) continue;
        await rm(path.join(root, name), { recursive: true, force: true });
        purged++;
      }
      return purged;
    },
  };
}
