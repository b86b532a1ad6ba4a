import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeJsonFiles, jsonFilesLength, jsonFilesStream, jsonWithFiles } from './json-files-body.js';

/** A file whose Blob streams in chunks of the given sizes, as a file read from disk does. */
function fileOf(bytes: Uint8Array, chunk: number) {
  const blob = {
    size: bytes.byteLength,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.byteLength; at += chunk) controller.enqueue(bytes.slice(at, at + chunk));
          controller.close();
        },
      }),
  } as unknown as Blob;
  return { open: () => Promise.resolve(blob) };
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return Buffer.from(await new Response(stream).arrayBuffer()).toString('utf8');
}

describe('a JSON body whose files are encoded as it is sent', () => {
  it('is byte for byte what JSON.stringify would have made, with its exact length, whatever the files and chunk sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string().filter((key) => key !== 'attachments' && key !== '__proto__'), fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()))),
        fc.array(fc.record({ name: fc.string(), bytes: fc.uint8Array({ maxLength: 200 }), chunk: fc.integer({ min: 1, max: 17 }) }), { maxLength: 3 }),
        async (fields, files) => {
          const body = await jsonWithFiles(
            fields,
            'attachments',
            'content_base64',
            files.map((f) => ({ meta: { filename: f.name, mime_type: 'application/octet-stream' }, attachment: fileOf(f.bytes, f.chunk) })),
          );
          const expected = JSON.stringify({
            ...fields,
            attachments: files.map((f) => ({ filename: f.name, mime_type: 'application/octet-stream', content_base64: Buffer.from(f.bytes).toString('base64') })),
          });
          const sent = await text(jsonFilesStream(body));
          expect(sent).toBe(expected);
          expect(jsonFilesLength(body)).toBe(Buffer.byteLength(expected));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names each file by size and hash for the request preview, in valid JSON', async () => {
    const body = await jsonWithFiles({ subject: 'Plan' }, 'attachments', 'content_base64', [{ meta: { filename: 'a.bin' }, attachment: fileOf(new Uint8Array([1, 2, 3, 4]), 3) }]);
    expect(JSON.parse(await describeJsonFiles(body))).toEqual({
      subject: 'Plan',
      attachments: [{ filename: 'a.bin', content_base64: '[file: 4 bytes, sha256 9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a]' }],
    });
  });
});
