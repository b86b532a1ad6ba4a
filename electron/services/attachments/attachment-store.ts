/* eslint-disable security/detect-non-literal-fs-filename -- copies live under <dataDir>/attachments named by main's random tokens; source paths come only from the file picker or the system (files dropped on the app's icon), never from the renderer. */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { MAX_IMPORT_BYTES, MAX_PICKED_BYTES, type AttachmentImport } from '../../../shared/attachments.js';
import type { AttachmentRef } from '../../../shared/message.js';
import type { OutgoingAttachment } from '../../../shared/outgoing.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../../../shared/service-error.js';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/private-files.js';
import { attachmentFromFile } from './attachment-files.js';
import { createAttachmentTrash } from './attachment-trash.js';
import { cleanFilename, mimeTypeFor } from './file-names.js';
import type { FilePicker } from './file-picker.js';

/** Tokens something still needs (drafts today; the outbox and the history later). */
export type TokenReferencer = () => Iterable<string>;


/** What `addFromPaths` made of each path: the copies, and a sentence for each file that was not attached. */
export interface AddedFromPaths {
  added: AttachmentRef[];
  failed: { filename: string; message: string }[];
}

export interface AttachmentStore {
  pick(): Promise<AttachmentRef[]>;
  /**
   * Copies files the system handed over (dropped on the dock or taskbar icon), each on its
   * own: one that cannot be read is reported and the others are still attached.
   */
  addFromPaths(paths: readonly string[]): Promise<AddedFromPaths>;
  import(input: AttachmentImport): Promise<AttachmentRef>;
  /** The stored copy as a provider receives it: checked now, re-checked by `open()` at send time. */
  open(token: string): Promise<OutgoingAttachment>;
  /** Moves the copies of these tokens that no referencer needs any more to the trash. */
  release(tokens: readonly string[]): Promise<void>;
  /**
   * At start, against a healthy database: moves copies and half-written files nothing references
   * into the trash (kept 30 days), and empties trash older than that.
   */
  sweep(): Promise<{ removed: number }>;
  /** Marks every copy on disk as needed by the database kept aside as `keptFor`: no sweep takes them. */
  keepFilesFor(keptFor: string): Promise<void>;
  addReferencer(referencer: TokenReferencer): void;
}

export interface AttachmentStoreDeps {
  db: DatabaseSync;
  dataDir: string;
  clock: Clock;
  picker: FilePicker;
  referencers?: TokenReferencer[];
}

const PARTIAL = '.partial';
const TOKEN_FILE = /^[A-Za-z0-9_-]{16,64}$/;

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** The refusal of a picked file over the limit, or null: the dialog's files and the browser harness's uploads alike. */
export function pickedFileTooLarge(name: string, size: number): ServiceError | null {
  if (size <= MAX_PICKED_BYTES) return null;
  const message = `"${name}" is ${megabytes(size)}; files over ${megabytes(MAX_PICKED_BYTES)} cannot be attached. Share it through a link instead.`;
  return new ServiceError({ kind: 'validation', message, fields: [{ field: 'attachments', message }] });
}

/** How the person gives a file again: through the picker, or by dropping it again. */
type Route = 'pick' | 'drop';
const again: Record<Route, string> = { pick: 'Nothing was attached; pick it again.', drop: 'It was not attached; drop it again once it is there.' };

function unreadable(name: string, route: Route = 'pick'): ServiceError {
  const message = `"${name}" could not be read: it may have been moved or deleted, or you may not have permission to open it. ${again[route]}`;
  return new ServiceError({ kind: 'validation', message, fields: [{ field: 'attachments', message }] });
}

export function createAttachmentStore(deps: AttachmentStoreDeps): AttachmentStore {
  const { db, clock } = deps;
  const dir = path.join(deps.dataDir, 'attachments');
  const referencers = [...(deps.referencers ?? [])];
  // Copies made by this run are never swept: a draft may not have saved them yet.
  const addedThisRun = new Set<string>();
  const insert = db.prepare('INSERT INTO attachments (token, filename, mime_type, size, created_at) VALUES (?, ?, ?, ?, ?)');
  const lookup = db.prepare('SELECT filename, mime_type, size FROM attachments WHERE token = ?');
  const forget = db.prepare('DELETE FROM attachments WHERE token = ?');
  const keep = db.prepare('INSERT OR IGNORE INTO attachments_kept (token, kept_for, kept_at) VALUES (?, ?, ?)');
  const kept = db.prepare('SELECT token FROM attachments_kept');
  const trash = createAttachmentTrash(deps.dataDir, clock);

  const fileOf = (token: string) => path.join(dir, token);
  // copyFile would give the copy the original's mode (0644, even 0755); this one is 0600 from its first byte.
  const copyPrivately = (source: string, target: string) => pipeline(createReadStream(source), createWriteStream(target, { flags: 'wx', mode: PRIVATE_FILE_MODE }));

  function referenced(): Set<string> {
    const tokens = new Set<string>((kept.all() as { token: string }[]).map((row) => row.token));
    for (const referencer of referencers) for (const token of referencer()) tokens.add(token);
    return tokens;
  }

  /** Writes through a .partial name then renames, so a crash never leaves a half file under a token. */
  async function store(filename: string, mimeType: string, write: (target: string) => Promise<void>): Promise<AttachmentRef> {
    await ensurePrivateDir(dir);
    const token = randomBytes(18).toString('base64url');
    const partial = fileOf(token) + PARTIAL;
    addedThisRun.add(token);
    try {
      await write(partial);
      const { size } = await stat(partial);
      await rename(partial, fileOf(token));
      insert.run(token, filename, mimeType, size, clock());
      return { token, filename, mimeType, size };
    } catch (error) {
      await rm(partial, { force: true });
      await rm(fileOf(token), { force: true });
      throw error;
    }
  }

  /** Forgets a copy; its file goes to the trash (kept 30 days), never straight to deletion. */
  async function remove(token: string): Promise<void> {
    forget.run(token);
    if (existsSync(fileOf(token))) await trash.put(fileOf(token));
  }

  async function copyPicked(source: string, route: Route = 'pick'): Promise<AttachmentRef> {
    const name = cleanFilename(path.basename(source));
    const info = await stat(source).catch(() => null);
    if (info?.isDirectory()) {
      const message = `"${name}" is a folder; only files can be attached. Drop the files inside it instead.`;
      throw new ServiceError({ kind: 'validation', message, fields: [{ field: 'attachments', message }] });
    }
    if (!info?.isFile()) throw unreadable(name, route);
    const tooLarge = pickedFileTooLarge(name, info.size);
    if (tooLarge) throw tooLarge;
    try {
      return await store(name, mimeTypeFor(name), (target) => copyPrivately(source, target));
    } catch {
      throw unreadable(name, route);
    }
  }

  return {
    async pick() {
      const paths = await deps.picker.pickFiles();
      const added: AttachmentRef[] = [];
      try {
        for (const source of paths) added.push(await copyPicked(source));
      } catch (error) {
        // All or nothing: the person picked these together and is told which one failed.
        await Promise.all(added.map((ref) => remove(ref.token)));
        throw error;
      }
      return added;
    },

    async addFromPaths(paths) {
      const result: AddedFromPaths = { added: [], failed: [] };
      for (const source of paths) {
        try {
          result.added.push(await copyPicked(source, 'drop'));
        } catch (error) {
          const message = error instanceof ServiceError ? error.message : `"${path.basename(source)}" could not be attached. Drop it again.`;
          result.failed.push({ filename: cleanFilename(path.basename(source)), message });
        }
      }
      return result;
    },

    async import(input) {
      const bytes = Buffer.from(input.dataBase64, 'base64');
      const filename = cleanFilename(input.filename);
      if (bytes.length > MAX_IMPORT_BYTES) {
        const message = `"${filename}" is ${megabytes(bytes.length)}; pasted or dropped files can be at most ${megabytes(MAX_IMPORT_BYTES)}. Attach it with the file picker instead.`;
        throw new ServiceError({ kind: 'validation', message, fields: [{ field: 'attachments', message }] });
      }
      const mimeType = input.mimeType.trim() || mimeTypeFor(filename);
      return store(filename, mimeType, (target) => writeFile(target, bytes, { flag: 'wx', mode: PRIVATE_FILE_MODE }));
    },

    async open(token) {
      const row = lookup.get(token) as { filename: string; mime_type: string; size: number } | undefined;
      const gone = (name: string) =>
        new ServiceError({
          kind: 'validation',
          message: `The attachment "${name}" is no longer stored by Composer. Remove it and attach the file again.`,
          fields: [{ field: 'attachments', message: `"${name}" is missing` }],
        });
      if (!row) throw gone('(unknown file)');
      const info = await stat(fileOf(token)).catch(() => null);
      if (!info?.isFile() || info.size !== row.size) throw gone(row.filename);
      return attachmentFromFile({ filename: row.filename, mimeType: row.mime_type, size: row.size, path: fileOf(token) });
    },

    async release(tokens) {
      if (tokens.length === 0) return;
      const needed = referenced();
      for (const token of tokens) if (!needed.has(token)) await remove(token);
    },

    async sweep() {
      const needed = referenced();
      let removed = 0;
      const rows = db.prepare('SELECT token FROM attachments').all() as { token: string }[];
      const known = new Set<string>(needed);
      for (const { token } of rows) {
        if (needed.has(token) || addedThisRun.has(token)) known.add(token);
        else forget.run(token);
      }
      const files = await readdir(dir).catch(() => [] as string[]);
      for (const file of files) {
        const token = file.endsWith(PARTIAL) ? file.slice(0, -PARTIAL.length) : file;
        if (addedThisRun.has(token)) continue;
        if (file.endsWith(PARTIAL) || !TOKEN_FILE.test(file) || !known.has(file)) {
          await trash.put(path.join(dir, file));
          removed++;
        }
      }
      await trash.purge();
      return { removed };
    },

    async keepFilesFor(keptFor) {
      const now = clock();
      for (const file of await readdir(dir).catch(() => [] as string[])) if (TOKEN_FILE.test(file)) keep.run(file, keptFor, now);
    },

    addReferencer(referencer) {
      referencers.push(referencer);
    },
  };
}
