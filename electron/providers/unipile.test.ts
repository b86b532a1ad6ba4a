import { randomBytes } from 'node:crypto';
import { truncate, unlink, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { closedSimulatorUrl, itHandlesTransportFailures, transportSettings } from '../../e2e/vendors/kit/send-fixtures.js';
import { startUnipile } from '../../e2e/vendors/unipile/simulator.js';
import { fileAttachment, wrapFile, type FileAttachment } from '../services/attachments/test-support.js';
import { retryDecision } from './retry-policy.js';
import type { SendAccount } from './types.js';
import { unipileProvider, type UnipileSettings } from './unipile.js';
import { useUnipileSimulator } from './unipile-test-support.js';

const unipile = useUnipileSimulator();
const { SECRET, ACCOUNT_ID, account, message, failure } = unipile;

async function tempFile(name: string, content: Buffer): Promise<FileAttachment> {
  return fileAttachment(unipile.dir(), `${randomBytes(4).toString('hex')}-${name}`, content, { filename: name });
}

const json = (value: unknown) => JSON.stringify(value);
const KEY_2 = 'c7e1d2a9-4b3f-4e6d-8a1c-2f9b0e7d5c31';

describe('unipile adapter: request mapping', () => {
  it('posts multipart to /api/v1/emails with X-API-KEY, the idempotency key, and one JSON array field per attendee list', async () => {
    const result = await unipileProvider.send(message(), account());
    expect(unipile.simulator().requests).toHaveLength(1);
    const [req] = unipile.simulator().requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/api/v1/emails');
    expect(req?.headers['x-api-key']).toBe(SECRET);
    expect(req?.headers['idempotency-key']).toBe(message().idempotencyKey);
    // The boundary came from the encoder: a hand-set Content-Type would have none.
    expect(req?.contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
    // toEqual on every field: no text part, reply_to or custom_headers may slip in.
    expect(req?.body).toEqual({
      account_id: [ACCOUNT_ID],
      from: [json({ display_name: 'Ann Agent', identifier: 'ann@acme.example' })],
      to: [json([{ display_name: 'Bo Buyer', identifier: 'bo@client.example' }, { identifier: 'cy@client.example' }])],
      cc: [json([{ display_name: 'Dee', identifier: 'dee@client.example' }])],
      bcc: [json([{ identifier: 'audit@acme.example' }])],
      subject: ['Invoice 42'],
      body: ['<p>Hello <b>Bo</b></p>'],
    });
    expect(req?.files).toEqual([]);
    // The provider id is what a reply must name; the tracking id rides along.
    expect(result).toEqual({ remoteId: expect.stringMatching(/^[0-9a-f]{16}$/), trackingId: expect.stringMatching(/^\S{8,}$/), status: 'accepted' });
    expect(result.remoteId).not.toBe(result.trackingId);
    expect(result).not.toHaveProperty('remoteThreadId');
  });

  it('leaves out cc and bcc fields when there are none, and a trailing slash on the DSN', async () => {
    await unipileProvider.send(message({ cc: [], bcc: [] }), account({ baseUrl: `${unipile.simulator().url}/` }));
    expect(unipile.simulator().requests[0]?.path).toBe('/api/v1/emails');
    expect(Object.keys(unipile.simulator().requests[0]?.body as object).sort()).toEqual(['account_id', 'body', 'from', 'subject', 'to']);
  });

  it('answers a sent email with reply_to set to its provider id, which Unipile accepts', async () => {
    const first = await unipileProvider.send(message(), account());
    const reply = await unipileProvider.send(message({ subject: 'Re: Invoice 42', inReplyTo: { remoteId: first.remoteId }, idempotencyKey: KEY_2 }), account());
    expect(unipile.simulator().requests[1]?.body).toMatchObject({ reply_to: [first.remoteId] });
    expect(reply.remoteId).not.toBe(first.remoteId);
  });

  it('the tracking id is no parent: Unipile refuses a reply naming it (why it is not the remote id)', async () => {
    const first = await unipileProvider.send(message(), account());
    const error = await failure(unipileProvider.send(message({ inReplyTo: { remoteId: first.trackingId ?? '' }, idempotencyKey: KEY_2 }), account()));
    expect(error.failure).toMatchObject({ kind: 'validation', status: 422, vendorCode: 'errors/parent_mail_not_found' });
  });

  it('a 201 without provider_id (the older definition): sent, but marked as not threadable', async () => {
    const legacy = await startUnipile({ apiKey: SECRET, accountId: ACCOUNT_ID, omitProviderId: true });
    try {
      const result = await unipileProvider.send(message(), account({ baseUrl: legacy.url }));
      expect(result).toEqual({ remoteId: result.trackingId, trackingId: expect.stringMatching(/^\S{8,}$/), threadable: false, status: 'accepted' });
    } finally {
      await legacy.close();
    }
  });

  it('carries the Reply-To address as one custom_headers field holding the JSON array', async () => {
    await unipileProvider.send(message({ replyTo: { name: 'Doe, Jane', email: 'jane@acme.example' } }), account());
    expect(unipile.simulator().requests[0]?.body).toMatchObject({
      custom_headers: [json([{ name: 'Reply-To', value: '"Doe, Jane" <jane@acme.example>' }])],
    });
  });

  it('refuses a Reply-To name with a line break (header forging) before any request', async () => {
    const pending = unipileProvider.send(message({ replyTo: { name: 'Ann\r\nBcc: evil@x.example', email: 'ann@acme.example' } }), account());
    const error = await failure(pending);
    expect(error.failure.kind).toBe('validation');
    expect(unipile.simulator().requests).toHaveLength(0);
  });

  it('streams every file under `attachments` with its name, type, size and content intact', async () => {
    const pdf = await tempFile('report.pdf', randomBytes(300_000));
    const txt = await tempFile('notes.txt', Buffer.from('plain notes\n'));
    await unipileProvider.send(message({ attachments: [pdf, { ...txt, mimeType: 'text/plain' }] }), account());
    expect(unipile.simulator().requests[0]?.files).toEqual([
      { field: 'attachments', filename: 'report.pdf', mimeType: 'application/octet-stream', size: 300_000, sha256: pdf.sha256 },
      { field: 'attachments', filename: 'notes.txt', mimeType: 'text/plain', size: txt.size, sha256: txt.sha256 },
    ]);
  });

  it('sends a non-ASCII file name as UTF-8 bytes (WHATWG form encoding)', async () => {
    const file = await tempFile('notes — été.txt', Buffer.from('x'));
    await unipileProvider.send(message({ attachments: [file] }), account());
    const received = unipile.simulator().requests[0]?.files[0]?.filename ?? '';
    expect(received).toBe('notes — été.txt');
  });
});

describe('unipile adapter: files are checked before any request', () => {
  it('refuses a file that vanished since it was attached, naming it', async () => {
    const file = await tempFile('gone.pdf', randomBytes(1000));
    await unlink(file.path);
    const error = await failure(unipileProvider.send(message({ attachments: [file] }), account()));
    expect(error.failure.kind).toBe('validation');
    expect(error.message).toContain('gone.pdf');
    expect(unipile.simulator().requests).toHaveLength(0);
  });

  it('refuses a file whose size changed since it was attached', async () => {
    const file = await tempFile('draft.docx', randomBytes(1000));
    await writeFile(file.path, randomBytes(1500));
    const error = await failure(unipileProvider.send(message({ attachments: [file] }), account()));
    expect(error.failure.kind).toBe('validation');
    expect(error.message).toContain('draft.docx');
    expect(unipile.simulator().requests).toHaveLength(0);
  });

  it('refuses attachments over 25 MiB in total (preflight: more than the account can carry)', async () => {
    // Sparse files: the size is real to stat and openAsBlob, the disk holds nothing.
    const half = 13 * 1024 * 1024;
    const files = await Promise.all(
      ['a.bin', 'b.bin'].map(async (name) => {
        const file = await tempFile(name, Buffer.alloc(0));
        await truncate(file.path, half);
        return wrapFile(file.path, name, half);
      }),
    );
    const error = await failure(unipileProvider.send(message({ attachments: files }), account()));
    expect(error.failure.kind).toBe('unsupported');
    expect(error.message).toMatch(/25 MB/);
    expect(unipile.simulator().requests).toHaveLength(0);
  });
});

describe('unipile adapter: idempotency key (best effort at the vendor)', () => {
  it('sends the same key on a retry and gets the first answer back, sending once', async () => {
    const first = await unipileProvider.send(message(), account());
    const again = await unipileProvider.send(message(), account());
    expect(again).toEqual(first);
    expect(unipile.simulator().requests.map((r) => r.headers['idempotency-key'])).toEqual([message().idempotencyKey, message().idempotencyKey]);
  });

  it('a key reused with a different request: 409 explained as our bug, nothing sent again', async () => {
    await unipileProvider.send(message(), account());
    const error = await failure(unipileProvider.send(message({ subject: 'Edited after the first attempt' }), account()));
    expect(error.failure).toMatchObject({ kind: 'validation', status: 409 });
    expect(error.message).toMatch(/idempotency key was already used for a different request/);
    expect(error.message).toMatch(/problem in Composer, not in the message/);
  });

  it.each([['an empty key', ''], ['a made-up key', 'idem-1']])('refuses %s before any request', async (_label, idempotencyKey) => {
    const error = await failure(unipileProvider.send(message({ idempotencyKey }), account()));
    expect(error.failure.kind).toBe('validation');
    expect(error.message).toMatch(/duplicate-protection key is missing or malformed/);
    expect(unipile.simulator().requests).toHaveLength(0);
  });

  it('is best effort, so an unknown outcome is repeated automatically only in the first seconds, under the same key', () => {
    expect(unipileProvider.capabilities.idempotency).toBe('best_effort');
    expect(retryDecision({ kind: 'unknown_outcome', message: 'x', status: 504 }, 1, { idempotency: unipileProvider.capabilities.idempotency }).retry).toBe(true);
    expect(retryDecision({ kind: 'unknown_outcome', message: 'x', status: 504 }, 3, { idempotency: unipileProvider.capabilities.idempotency })).toEqual({ retry: false });
  });
});

describe('unipile adapter: transport', () => {
  itHandlesTransportFailures({
    sim: () => unipile.simulator(),
    send: (options) => unipileProvider.send(message(), account(transportSettings(options)), options.signal),
    deadUrl: () => closedSimulatorUrl(startUnipile),
    secrets: [SECRET],
  });

  it('an already cancelled send makes no request', async () => {
    const error = await failure(unipileProvider.send(message(), account(), AbortSignal.abort()));
    expect(error.failure.kind).toBe('cancelled');
    expect(unipile.simulator().requests).toHaveLength(0);
  });

  it('a 2xx without a tracking id (a proxy page, truncated JSON) → unknown_outcome', async () => {
    unipile.simulator().injectFault({ kind: 'malformed-json' });
    const error = await failure(unipileProvider.send(message(), account()));
    expect(error.failure.kind).toBe('unknown_outcome');
  });

  it('an HTML error page from a proxy → provider, without pretending to quote Unipile', async () => {
    unipile.simulator().injectFault({ kind: 'html', status: 502 });
    const error = await failure(unipileProvider.send(message(), account()));
    expect(error.failure.kind).toBe('provider');
    expect(error.failure.vendorCode).toBeUndefined();
  });

  it("refuses another vendor's settings without any request", async () => {
    const wrong = { id: 'x', secret: SECRET, settings: { provider: 'stuut', baseUrl: unipile.simulator().url, emailSender: 'sndr_1', timeoutMs: 2_000 } };
    const error = await failure(unipileProvider.send(message(), wrong as unknown as SendAccount<UnipileSettings>));
    expect(error.failure.kind).toBe('validation');
    expect(unipile.simulator().requests).toHaveLength(0);
  });

  it('refuses to send the key over plain http to a non-loopback host, without any request', async () => {
    const error = await failure(unipileProvider.send(message(), account({ baseUrl: 'http://api1.unipile.com:13111' })));
    expect(error.failure.kind).toBe('validation');
    expect(unipile.simulator().requests).toHaveLength(0);
  });
});
