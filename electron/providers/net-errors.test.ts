import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSecret } from '../../e2e/vendors/kit/no-secret.js';
import { callVendor } from './http.js';
import { classifyFetchError } from './net-errors.js';
import { ServiceError as SendError } from '../../shared/service-error.js';
import type { DetailedFailure as SendFailure } from '../../shared/service-error.js';

/**
 * Every failure raised before a byte of the request leaves must read "not sent", never "may
 * have been sent": each case below is produced by a real socket on 127.0.0.1 where one can be.
 */

const SECRET = 'sk_test_NET_ERRORS_77';
const fixtures = path.join(import.meta.dirname, 'fixtures');

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function failure(url: string): Promise<SendFailure> {
  try {
    await callVendor({ provider: 'Acme', url, headers: { authorization: `Bearer ${SECRET}` }, body: '{}', timeoutMs: 5_000, secrets: [SECRET] });
  } catch (error) {
    expect(error).toBeInstanceOf(SendError);
    expectNoSecret(error, SECRET);
    return (error as SendError).failure;
  }
  throw new Error('expected the call to fail');
}

function expectNotSent(f: SendFailure): void {
  expect(f.message).toMatch(/The email was not sent/);
  expect(f.message).not.toMatch(/may or may not|may have been sent/);
  expect(f.kind).not.toBe('unknown_outcome');
}

describe('errors before the request leaves are "not sent"', () => {
  it('a port fetch refuses (:9): not sent, and a settings problem rather than a wait', async () => {
    const f = await failure('http://127.0.0.1:9/send');
    expectNotSent(f);
    expect(f.kind).toBe('validation');
    expect(f.message).toMatch(/port/);
  });

  it('a refused connection (a loopback port nobody listens on): not sent, retried later', async () => {
    const port = await listen(createHttpServer());
    await new Promise<void>((resolve) => servers.pop()?.close(() => resolve()));
    const f = await failure(`http://127.0.0.1:${port}/send`);
    expectNotSent(f);
    expect(f.kind).toBe('network');
    expect(f.message).toMatch(/refused/);
  });

  it('a TLS server with a certificate the client cannot trust: not sent, and the server saw no request', async () => {
    let requests = 0;
    const server = createTlsServer(
      { key: readFileSync(path.join(fixtures, 'self-signed-loopback.key')), cert: readFileSync(path.join(fixtures, 'self-signed-loopback.crt')) },
      (_req, res) => {
        requests += 1;
        res.end('{}');
      },
    );
    const port = await listen(server);
    const f = await failure(`https://127.0.0.1:${port}/send`);
    expectNotSent(f);
    expect(f.kind).toBe('network');
    expect(f.message).toMatch(/TLS/);
    expect(requests).toBe(0);
  });

  it('speaking TLS to a plain HTTP server fails in the handshake: not sent, and no request was read', async () => {
    let requests = 0;
    const port = await listen(
      createHttpServer((_req, res) => {
        requests += 1;
        res.end('{}');
      }),
    );
    const f = await failure(`https://127.0.0.1:${port}/send`);
    expectNotSent(f);
    expect(requests).toBe(0);
  });

  it('an address that is not a URL: not sent, correct the settings', async () => {
    const f = await failure('http://exa mple.com/send');
    expect(f.kind).toBe('validation');
    expect(f.message).toMatch(/not a valid URL/);
  });
});

describe('classifyFetchError on the shapes undici gives without a socket to test with', () => {
  const failed = (cause: unknown): TypeError => new TypeError('fetch failed', { cause });

  it('DNS failures (ENOTFOUND, EAI_AGAIN) are not sent and retried', () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
      const f = classifyFetchError('Acme', failed(Object.assign(new Error(`getaddrinfo ${code} api.example.com`), { code }))).failure;
      expectNotSent(f);
      expect(f.kind).toBe('network');
    }
  });

  it('fetch refusing to parse the URL is not sent', () => {
    const f = classifyFetchError('Acme', new TypeError('Failed to parse URL from http://a b/', { cause: Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' }) })).failure;
    expectNotSent(f);
    expect(f.kind).toBe('validation');
  });

  it('a connection closed after the request was written stays unknown', () => {
    const f = classifyFetchError('Acme', failed(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }))).failure;
    expect(f.kind).toBe('unknown_outcome');
  });
});
