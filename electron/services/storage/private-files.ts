/* eslint-disable security/detect-non-literal-fs-filename -- every path is the data folder main passes in, or a fixed name inside it. */
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';

/** The data folder and its sub-folders: the owner only. */
export const PRIVATE_DIR_MODE = 0o700;
/** Every file in it: read and written by the owner only. */
export const PRIVATE_FILE_MODE = 0o600;

const absent = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Creates the folder 0700, or tightens one an older version made 0755. */
export function ensurePrivateDirSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(dir, PRIVATE_DIR_MODE);
}

/** Creates the file empty and 0600 (or tightens it), so nothing is ever written into it while others could read it. */
export function ensurePrivateFileSync(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Tightens a file if it is there. */
export function tightenFileSync(file: string): void {
  try {
    chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if (!absent(error)) throw error;
  }
}

/**
 * At start: the data folder 0700 and what Composer keeps in it (its top-level files and the
 * attachments folder) 0600, so a folder left by an older version that made them 0755/0644 is
 * closed before anything new is written. Chromium's own folders in Electron's userData are left alone.
 */
export function tightenDataFolder(dataDir: string, ownFolders: readonly string[]): void {
  ensurePrivateDirSync(dataDir);
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    const full = path.join(dataDir, entry.name);
    if (entry.isFile()) tightenFileSync(full);
    else if (entry.isDirectory() && ownFolders.includes(entry.name)) {
      chmodSync(full, PRIVATE_DIR_MODE);
      for (const inner of readdirSync(full, { withFileTypes: true })) if (inner.isFile()) tightenFileSync(path.join(full, inner.name));
    }
  }
}
