import { createHash } from 'node:crypto';
import type { OutgoingAttachment } from '../../shared/outgoing.js';

/**
 * A JSON request body that carries files as base64 strings, kept as the JSON text around each
 * file and the files themselves, so the base64 is encoded while the request is sent: a 25 MB
 * attachment never becomes a 34 MB string (and a second copy of it inside the JSON text) in
 * main's memory. `text` has one more piece than `files`: text[0] file[0] text[1] … text[n].
 */
export interface JsonFilesBody {
  kind: 'json-with-files';
  text: string[];
  files: Blob[];
}

export function isJsonFilesBody(body: unknown): body is JsonFilesBody {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'json-with-files';
}

/** `{"a":1}` -> `{"a":1,` ready for more members; `{}` -> `{`. */
function openObject(value: Record<string, unknown>): string {
  const text = JSON.stringify(value);
  return text === '{}' ? '{' : `${text.slice(0, -1)},`;
}

/**
 * `fields` as a JSON object with one more member, `listKey`: an array with one object per
 * file (its `meta` and the file's bytes as base64 under `contentKey`). The files are opened
 * now (so one that vanished or changed stops the send before anything goes) and read only
 * when the body is streamed.
 */
export async function jsonWithFiles(
  fields: Record<string, unknown>,
  listKey: string,
  contentKey: string,
  files: readonly { meta: Record<string, unknown>; attachment: Pick<OutgoingAttachment, 'open'> }[],
): Promise<JsonFilesBody> {
  const text: string[] = [];
  const blobs: Blob[] = [];
  let pending = `${openObject(fields)}${JSON.stringify(listKey)}:[`;
  for (const [index, file] of files.entries()) {
    blobs.push(await file.attachment.open());
    text.push(`${pending}${index > 0 ? ',' : ''}${openObject(file.meta)}${JSON.stringify(contentKey)}:"`);
    pending = '"}';
  }
  text.push(`${pending}]}`);
  return { kind: 'json-with-files', text, files: blobs };
}

/** Exact bytes the body will have: the JSON text's UTF-8 and 4 characters per 3 bytes of each file. */
export function jsonFilesLength(body: JsonFilesBody): number {
  const text = body.text.reduce((sum, piece) => sum + Buffer.byteLength(piece), 0);
  return text + body.files.reduce((sum, blob) => sum + 4 * Math.ceil(blob.size / 3), 0);
}

/** A file's base64, chunk by chunk: each chunk's bytes cut at a multiple of 3 so the pieces join into one valid string. */
async function* base64Of(blob: Blob): AsyncGenerator<Uint8Array> {
  let carry = Buffer.alloc(0);
  for await (const chunk of blob.stream()) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const whole = bytes.length - (bytes.length % 3);
    if (whole > 0) yield Buffer.from(bytes.subarray(0, whole).toString('base64'), 'latin1');
    carry = Buffer.from(bytes.subarray(whole));
  }
  if (carry.length > 0) yield Buffer.from(carry.toString('base64'), 'latin1');
}

async function* pieces(body: JsonFilesBody): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for (const [index, blob] of body.files.entries()) {
    yield encoder.encode(body.text[index]);
    yield* base64Of(blob);
  }
  yield encoder.encode(body.text.at(-1));
}

/** The body as the bytes fetch sends, read from disk and encoded as fetch pulls them. */
export function jsonFilesStream(body: JsonFilesBody): ReadableStream<Uint8Array> {
  const source = pieces(body);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

/** The JSON text with each file as a line naming its size and hash, for the request preview. */
export async function describeJsonFiles(body: JsonFilesBody): Promise<string> {
  let text = body.text[0] ?? '';
  for (const [index, blob] of body.files.entries()) {
    const hash = createHash('sha256');
    for await (const chunk of blob.stream()) hash.update(chunk);
    text += `[file: ${blob.size} bytes, sha256 ${hash.digest('hex')}]${body.text[index + 1] ?? ''}`;
  }
  return text;
}
