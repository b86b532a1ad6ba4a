import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import type { RecordedFile } from './types.js';

export interface ParsedBody {
  body: unknown;
  rawBodyBytes: number;
  files: RecordedFile[];
  /** Set when the body arrived but is not what the handler parses; the request is still recorded. */
  invalid?: string;
  /** The client went away before the body ended. */
  aborted?: boolean;
}

/** Base64 of a 25 MiB attachment is ~34 MB; anything far beyond is a runaway client. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

export function readJsonBody(req: IncomingMessage): Promise<ParsedBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let done = false;
    const finish = (parsed: ParsedBody): void => {
      if (done) return;
      done = true;
      resolve(parsed);
    };
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= MAX_JSON_BYTES) chunks.push(chunk);
    });
    req.on('error', () => finish({ body: undefined, rawBodyBytes: bytes, files: [], aborted: true }));
    req.on('close', () => {
      if (!req.complete) finish({ body: undefined, rawBodyBytes: bytes, files: [], aborted: true });
    });
    req.on('end', () => {
      if (bytes > MAX_JSON_BYTES) {
        finish({ body: undefined, rawBodyBytes: bytes, files: [], invalid: 'body too large' });
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.length === 0) {
        finish({ body: undefined, rawBodyBytes: bytes, files: [] });
        return;
      }
      try {
        finish({ body: JSON.parse(text) as unknown, rawBodyBytes: bytes, files: [] });
      } catch (error) {
        const reason = error instanceof Error ? error.message : 'not JSON';
        finish({ body: text, rawBodyBytes: bytes, files: [], invalid: reason });
      }
    });
  });
}

/**
 * Streams a multipart body through busboy: files are hashed and counted chunk by chunk so a
 * 25 MB upload never sits in memory; only the text fields are kept.
 */
export function readMultipartBody(req: IncomingMessage): Promise<ParsedBody> {
  return new Promise((resolve) => {
    const fields: Record<string, string[]> = {};
    const files: RecordedFile[] = [];
    let bytes = 0;
    let done = false;
    let pendingFiles = 0;
    let parserClosed = false;
    let invalid: string | undefined;
    const finish = (extra: Partial<ParsedBody> = {}): void => {
      if (done) return;
      done = true;
      resolve({ body: fields, rawBodyBytes: bytes, files, ...(invalid ? { invalid } : {}), ...extra });
    };
    const maybeFinish = (): void => {
      if (parserClosed && pendingFiles === 0) finish();
    };
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.on('close', () => {
      if (!req.complete) finish({ aborted: true });
    });

    let parser: busboy.Busboy;
    try {
      // Field values (an HTML body) can exceed busboy's 1 MB default.
      // fetch's FormData sends file names as UTF-8; busboy's default is latin1.
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fieldSize: 16 * 1024 * 1024 } });
    } catch (error) {
      invalid = error instanceof Error ? error.message : 'not multipart';
      req.resume();
      req.on('end', () => finish());
      return;
    }
    parser.on('field', (name, value) => {
      (fields[name] ??= []).push(value);
    });
    parser.on('file', (name, stream, info) => {
      pendingFiles += 1;
      const hash = createHash('sha256');
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        hash.update(chunk);
      });
      // A client that vanishes mid-file errors the part stream; the request's close records it.
      stream.on('error', () => {
        pendingFiles -= 1;
      });
      stream.on('end', () => {
        files.push({ field: name, filename: info.filename ?? '', mimeType: info.mimeType, size, sha256: hash.digest('hex') });
        pendingFiles -= 1;
        maybeFinish();
      });
    });
    parser.on('error', (error: unknown) => {
      invalid = error instanceof Error ? error.message : 'malformed multipart body';
      // Keep draining so the client can finish writing and read our 400.
      req.unpipe(parser);
      req.resume();
      if (req.complete) finish();
      else req.on('end', () => finish());
    });
    parser.on('close', () => {
      parserClosed = true;
      maybeFinish();
    });
    req.pipe(parser);
  });
}
