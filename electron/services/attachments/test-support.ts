/* eslint-disable security/detect-non-literal-fs-filename -- tests write their attachment files in their own temp folders. */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutgoingAttachment } from '../../../shared/outgoing.js';
import { attachmentFromFile } from './attachment-files.js';

/** An attachment as providers receive it, over a real file, with what a test checks it against. */
export type FileAttachment = OutgoingAttachment & { path: string; sha256: string };

/**
 * Writes `content` to `dir/name` and wraps it the way the attachments service wraps its copies,
 * so a test can then delete, grow or truncate the file under the provider. `size` defaults to
 * the content's length; give another one to stand for a file that changed after it was attached.
 * `filename` (what the user sees) defaults to the file's own name.
 */
export async function fileAttachment(
  dir: string,
  name: string,
  content: Buffer | string,
  options: { mimeType?: string; size?: number; filename?: string } = {},
): Promise<FileAttachment> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return wrapFile(file, options.filename ?? path.basename(name), options.size ?? bytes.length, options.mimeType, createHash('sha256').update(bytes).digest('hex'));
}

/** Wraps a path that may not exist (a vanished file) or may be large and written elsewhere. */
export function wrapFile(file: string, filename: string, size: number, mimeType = 'application/octet-stream', sha256 = ''): FileAttachment {
  return { ...attachmentFromFile({ filename, mimeType, size, path: file }), path: file, sha256 };
}
