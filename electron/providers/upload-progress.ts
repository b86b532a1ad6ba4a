import { isJsonFilesBody, jsonFilesLength, jsonFilesStream, type JsonFilesBody } from './json-files-body.js';

/** Bytes of a request body handed to the network so far, of its total. */
export type UploadProgress = (sent: number, total: number) => void;

/** A body fetch can send as a stream, with the length and type the original would have had. */
export interface CountedBody {
  body: ReadableStream<Uint8Array>;
  length: number;
  contentType: string | null;
}

const CHUNK = 64 * 1024;

/** Passes chunks through unchanged, reporting the running count (a chunk counts when fetch pulls it). */
function counting(source: ReadableStream<Uint8Array>, total: number, onProgress: UploadProgress): ReadableStream<Uint8Array> {
  let sent = 0;
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        sent += chunk.byteLength;
        onProgress(Math.min(sent, total), total);
      },
    }),
  );
}

async function streamLength(stream: ReadableStream<Uint8Array>): Promise<number> {
  let length = 0;
  for await (const chunk of stream) length += chunk.byteLength;
  return length;
}

/**
 * The same bytes as `body`, as a stream that reports progress while fetch reads it. The length
 * is exact, so the request still carries Content-Length as it would without counting. A
 * FormData is encoded twice: once only to measure it (files are read from disk and dropped,
 * never held), once to send; both encodings have the same length because fetch's multipart
 * boundary always has the same length.
 */
export async function countedBody(body: string | FormData | JsonFilesBody, onProgress: UploadProgress): Promise<CountedBody> {
  if (isJsonFilesBody(body)) {
    const length = jsonFilesLength(body);
    return { body: counting(jsonFilesStream(body), length, onProgress), length, contentType: 'application/json' };
  }
  if (typeof body === 'string') {
    const bytes = new TextEncoder().encode(body);
    let offset = 0;
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.subarray(offset, offset + CHUNK));
        offset += CHUNK;
      },
    });
    return { body: counting(source, bytes.byteLength, onProgress), length: bytes.byteLength, contentType: null };
  }
  const measured = new Response(body).body;
  const length = measured ? await streamLength(measured) : 0;
  const encoded = new Response(body);
  if (!encoded.body) return { body: new ReadableStream({ start: (c) => c.close() }), length: 0, contentType: encoded.headers.get('content-type') };
  return { body: counting(encoded.body, length, onProgress), length, contentType: encoded.headers.get('content-type') };
}
