import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startVendorServer, type SimulatorHandler, type VendorSimulator } from '../../e2e/vendors/kit/server.js';
import { expectNoSecret } from '../../e2e/vendors/kit/no-secret.js';
import { callVendor, formatDuration, isLoopbackHost, redact, type VendorRequest } from './http.js';
import { beforeRequestReason } from './net-errors.js';
import { ServiceError } from '../../shared/service-error.js';
import type { SendFailure } from '../../shared/outgoing.js';

const SECRET = 'sk_test_SECRET_4242';

const ok: SimulatorHandler = { name: 'ok', parse: 'json', handle: (req) => ({ status: 201, body: { id: 'm1', echo: req.body } }) };

let sims: VendorSimulator[] = [];
async function sim(handler: SimulatorHandler = ok): Promise<VendorSimulator> {
  const s = await startVendorServer(handler);
  sims.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()));
  sims = [];
});

function request(url: string, extra: Partial<VendorRequest> = {}): VendorRequest {
  return {
    provider: 'Acme',
    url: `${url}/send?token=${SECRET}`,
    headers: { authorization: `Bearer ${SECRET}` },
    body: '{"to":["a@b.io"]}',
    timeoutMs: 2_000,
    secrets: [SECRET],
    ...extra,
  };
}

/** Runs the call expecting a ServiceError; checks that nothing secret rides on it. */
async function failure(req: VendorRequest): Promise<SendFailure> {
  try {
    await callVendor(req);
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    expectNoSecret(error, SECRET);
    expect((error as ServiceError).cause).toBeUndefined();
    return (error as ServiceError<SendFailure>).failure;
  }
  throw new Error('expected callVendor to throw');
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('callVendor', () => {
  it('POSTs the body with the headers and returns status, headers, text and JSON', async () => {
    const s = await sim();
    const res = await callVendor(request(s.url));
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: 'm1', echo: { to: ['a@b.io'] } });
    expect(res.text).toBe(JSON.stringify({ id: 'm1', echo: { to: ['a@b.io'] } }));
    expect(res.headers.get('content-type')).toMatch(/json/);
    const [req] = s.requests;
    expect(req?.method).toBe('POST');
    expect(req?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(req?.contentType).toBe('application/json');
  });

  it('returns HTTP failures instead of throwing, with json undefined for a non-JSON body', async () => {
    const s = await sim();
    s.injectFault({ kind: 'html', status: 502 });
    const res = await callVendor(request(s.url));
    expect(res.status).toBe(502);
    expect(res.json).toBeUndefined();
    expect(res.text).toContain('Bad Gateway');
  });

  it('does not follow redirects (the key would go along)', async () => {
    const target = await sim();
    const redirector = await sim({ name: 'r', parse: 'json', handle: () => ({ status: 307, headers: { location: `${target.url}/steal` } }) });
    const f = await failure(request(redirector.url));
    expect(f.kind).toBe('provider');
    expect(f.message).toMatch(/answered with a redirect instead of sending/);
    expect(redirector.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(0);
  });

  it('refuses plain http to a non-loopback host before any request', async () => {
    const f = await failure(request('http://example.invalid'));
    expect(f.kind).toBe('validation');
    expect(f.message).toMatch(/Acme requires HTTPS/);
  });

  it('refuses an unparsable URL, a non-http scheme and credentials in the URL', async () => {
    expect((await failure(request('', { url: 'not a url' }))).kind).toBe('validation');
    expect((await failure(request('', { url: 'ftp://127.0.0.1/x' }))).kind).toBe('validation');
    expect((await failure(request('', { url: `https://user:${SECRET}@127.0.0.1/x` }))).kind).toBe('validation');
  });

  it('turns a header value that cannot be sent into a validation error without quoting it', async () => {
    const s = await sim();
    const f = await failure(request(s.url, { headers: { authorization: `Bearer ${SECRET}\r\nX-Evil: 1` } }));
    expect(f.kind).toBe('validation');
    expect(s.requests).toHaveLength(0);
  });

  it('refused connection -> network (nothing reached the vendor)', async () => {
    const port = await closedPort();
    const f = await failure(request(`http://127.0.0.1:${port}`));
    expect(f.kind).toBe('network');
    expect(f.message).toMatch(/Could not reach Acme: the connection was refused/);
  });

  it('TLS handshake failure -> network', async () => {
    const s = await sim();
    const f = await failure(request(s.url.replace('http:', 'https:')));
    expect(f.kind).toBe('network');
    expect(f.message).toMatch(/TLS/);
    expect(s.requests).toHaveLength(0);
  });

  it('timeout after the request left -> unknown_outcome naming the provider and the limit', async () => {
    const s = await sim();
    s.injectFault({ kind: 'hang' });
    const f = await failure(request(s.url, { timeoutMs: 100 }));
    expect(f.kind).toBe('unknown_outcome');
    expect(f.message).toBe('Acme did not answer within 100 ms; the email may or may not have been sent. Check the sent folder before sending again.');
    expect(s.requests).toHaveLength(1);
  });

  it('a body that stalls past the timeout -> unknown_outcome', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const f = await failure(request(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { timeoutMs: 150 }));
      expect(f.kind).toBe('unknown_outcome');
      expect(f.message).toMatch(/did not answer within 150 ms/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('reset mid-body -> unknown_outcome', async () => {
    const s = await sim();
    s.injectFault({ kind: 'reset' });
    const f = await failure(request(s.url));
    expect(f.kind).toBe('unknown_outcome');
    expect(f.message).toMatch(/may or may not have been sent/);
  });

  it('reset before any answer (ECONNRESET after the request was written) -> unknown_outcome, not network', async () => {
    const s = await sim();
    s.injectFault({ kind: 'reset', beforeHeaders: true });
    const f = await failure(request(s.url));
    expect(f.kind).toBe('unknown_outcome');
    expect(s.requests).toHaveLength(1);
  });

  it('user abort while waiting -> cancelled', async () => {
    const s = await sim();
    s.injectFault({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 60);
    const f = await failure(request(s.url, { signal: controller.signal }));
    expect(f.kind).toBe('cancelled');
    expect(f.message).toMatch(/Sending through Acme was cancelled/);
  });

  it('an already-aborted signal -> cancelled without a request', async () => {
    const s = await sim();
    const f = await failure(request(s.url, { signal: AbortSignal.abort() }));
    expect(f.kind).toBe('cancelled');
    expect(s.requests).toHaveLength(0);
  });

  it('sends FormData with the encoder\'s boundary', async () => {
    const s = await sim({ name: 'f', parse: 'multipart', handle: () => ({ status: 201, body: {} }) });
    const form = new FormData();
    form.append('subject', 'Hi');
    form.append('attachments', new Blob(['abc']), 'a.txt');
    const res = await callVendor(request(s.url, { body: form }));
    expect(res.status).toBe(201);
    expect(s.requests[0]?.body).toEqual({ subject: ['Hi'] });
    expect(s.requests[0]?.files[0]).toMatchObject({ filename: 'a.txt', size: 3 });
  });

  it('caps an oversized answer so it cannot be mistaken for JSON', async () => {
    const s = await sim({ name: 'big', parse: 'json', handle: () => ({ status: 200, body: { pad: 'x'.repeat(3 * 1024 * 1024) } }) });
    const res = await callVendor(request(s.url));
    expect(res.json).toBeUndefined();
    expect(res.text.length).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});

describe('classification and helpers', () => {
  it('only codes that prove nothing was sent count as "before the request"', () => {
    const failed = (cause: unknown): TypeError => new TypeError('fetch failed', { cause });
    expect(beforeRequestReason(failed(Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' })))).toMatch(/not be found/);
    expect(beforeRequestReason(failed(Object.assign(new Error('x'), { code: 'EAI_AGAIN' })))).toMatch(/looked up/);
    expect(beforeRequestReason(failed(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })])))).toMatch(/refused/);
    expect(beforeRequestReason(failed(Object.assign(new Error('x'), { code: 'CERT_HAS_EXPIRED' })))).toMatch(/TLS/);
    expect(
      beforeRequestReason(failed(Object.assign(new Error('Client network socket disconnected before secure TLS connection was established'), { code: 'ECONNRESET' }))),
    ).toMatch(/TLS/);
    expect(beforeRequestReason(failed(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })))).toBeUndefined();
    expect(beforeRequestReason(failed(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })))).toBeUndefined();
  });

  it('recognises loopback hosts only', () => {
    for (const host of ['127.0.0.1', '127.9.8.7', 'localhost', 'LOCALHOST', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['128.0.0.1', '127.0.0.1.evil.io', 'localhost.evil.io', '10.0.0.1', '[::2]', 'example.com', '127.0.0.256']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });

  it('redacts secrets in every form a vendor might echo them', () => {
    const text = `key ${SECRET} url ${encodeURIComponent('a b/c')} basic ${Buffer.from(SECRET).toString('base64')}`;
    const out = redact(text, [SECRET, 'a b/c', '']);
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain('a%20b%2Fc');
    expect(out).not.toContain(Buffer.from(SECRET).toString('base64').replace(/=+$/, ''));
    expect(out).toBe('key [redacted] url [redacted] basic [redacted]');
  });

  it('formats durations for messages', () => {
    expect(formatDuration(30_000)).toBe('30 s');
    expect(formatDuration(1_500)).toBe('1.5 s');
    expect(formatDuration(250)).toBe('250 ms');
  });
});
