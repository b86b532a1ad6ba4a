import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { callVendor } from './http.js';
import { ServiceError } from '../../shared/service-error.js';

/**
 * Why a send that fails on a reused keep-alive connection stays `unknown_outcome` (issue 11).
 * Two servers close the connection of the second request on it without answering: one never
 * reads that request (the keep-alive race: it had already given up on the idle connection), one
 * reads it whole first (it may have sent the email). undici — Node's fetch — reports both the
 * same way: the same error, and its diagnostics say the headers AND the body were sent in both,
 * because they were handed to the socket before the close arrived. Nothing on the client side
 * tells them apart, so neither may be retried as "nothing was sent". (undici itself re-sends
 * only requests it had not yet written, on a new connection; those never reach us.)
 */

const UNDICI_EVENTS = ['undici:client:sendHeaders', 'undici:request:bodySent', 'undici:request:headers'] as const;

type Mode = 'closes-unread' | 'closes-after-reading';

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
});

/** Answers the first request of a connection; on the second, closes (FIN) the way `mode` says. */
async function start(mode: Mode): Promise<{ url: string; processed: () => number }> {
  let processed = 0;
  const server = createServer((socket: Socket) => {
    let buffered = '';
    let served = 0;
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      if (served === 1 && mode === 'closes-unread') {
        // The idle close raced the request: its bytes reached the socket, the server never read them.
        socket.end();
        return;
      }
      buffered += chunk.toString('latin1');
      const head = buffered.indexOf('\r\n\r\n');
      const length = Number(/content-length: *(\d+)/i.exec(buffered)?.[1] ?? 0);
      if (head < 0 || buffered.length < head + 4 + length) return;
      buffered = buffered.slice(head + 4 + length);
      served += 1;
      processed += 1;
      if (served === 1) socket.write('HTTP/1.1 201 Created\r\nconnection: keep-alive\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}');
      else socket.end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`, processed: () => processed };
}

async function secondSendOnTheSameConnection(mode: Mode) {
  const server = await start(mode);
  const send = () => callVendor({ provider: 'Acme', url: server.url, headers: {}, body: '{"to":["a@b.io"]}', timeoutMs: 2_000, secrets: [] });
  await send();
  // Let undici put the connection back in its pool, so the next send reuses it.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const seen: string[] = [];
  const listener = (_message: unknown, name: string | symbol) => seen.push(String(name));
  for (const name of UNDICI_EVENTS) subscribe(name, listener);
  try {
    const error = await send().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServiceError);
    return { failure: (error as ServiceError).failure, undiciSaw: seen, processedByServer: server.processed() };
  } finally {
    for (const name of UNDICI_EVENTS) unsubscribe(name, listener);
  }
}

describe('a reused keep-alive connection closed under a send', () => {
  it('looks the same to the client whether or not the server read the request, so both are unknown_outcome', async () => {
    const unread = await secondSendOnTheSameConnection('closes-unread');
    const read = await secondSendOnTheSameConnection('closes-after-reading');
    // The server side differs: one email may have gone out, the other cannot have.
    expect(unread.processedByServer).toBe(1);
    expect(read.processedByServer).toBe(2);
    // The client side does not: undici reports headers and body sent, and no answer, in both.
    expect(unread.undiciSaw).toEqual(['undici:client:sendHeaders', 'undici:request:bodySent']);
    expect(read.undiciSaw).toEqual(unread.undiciSaw);
    expect(unread.failure).toEqual(read.failure);
    expect(unread.failure.kind).toBe('unknown_outcome');
  });
});
