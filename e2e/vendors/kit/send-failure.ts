import { expect, it, vi } from 'vitest';
import { isSendFailure, type SendFailure } from '../../../shared/outgoing.js';
import { ServiceError } from '../../../shared/service-error.js';
import { expectNoSecret } from './no-secret.js';
import type { VendorSimulator } from './types.js';

/** Awaits a send that must fail with a ServiceError of a vendor-contract kind carrying no trace of any of `secrets`. */
export async function expectSendFailure(pending: Promise<unknown>, secrets: string[]): Promise<ServiceError<SendFailure>> {
  const error = await pending.then(
    () => new Error('expected the send to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  for (const secret of secrets) expectNoSecret(error, secret);
  const failure = (error as ServiceError).failure;
  expect(isSendFailure(failure), `${failure.kind} is not a send failure kind`).toBe(true);
  return error as ServiceError<SendFailure>;
}

export interface TransportCase {
  sim: () => VendorSimulator;
  /** Sends the standard message; `baseUrl` points the account elsewhere. */
  send(options: { timeoutMs?: number; signal?: AbortSignal; baseUrl?: string }): Promise<unknown>;
  /** Starts and closes a simulator of the same vendor, returning its now-dead base URL. */
  deadUrl(): Promise<string>;
  secrets: string[];
}

/** The transport failures every adapter must normalize the same way, as one suite. */
export function itHandlesTransportFailures(c: TransportCase): void {
  it('gives up after the account timeout with an unknown outcome', async () => {
    c.sim().injectFault({ kind: 'hang' });
    const started = Date.now();
    const error = await expectSendFailure(c.send({ timeoutMs: 200 }), c.secrets);
    expect(error.failure.kind).toBe('unknown_outcome');
    expect(error.message).toContain('200 ms');
    // Well under the 2 s the test accounts default to: the override, not the default, applied.
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('stops when cancelled after the request reached the vendor', async () => {
    c.sim().injectFault({ kind: 'hang' });
    // A request of the test before may be recorded late (its body read after the reset): count from now.
    const before = c.sim().requests.length;
    const controller = new AbortController();
    const pending = expectSendFailure(c.send({ signal: controller.signal }), c.secrets);
    await vi.waitFor(() => expect(c.sim().requests.length).toBeGreaterThan(before), { timeout: 1_000, interval: 10 });
    controller.abort();
    expect((await pending).failure.kind).toBe('cancelled');
  });

  it.each([
    ['mid-answer', false],
    ['before the answer', true],
  ])('reports a connection reset %s as an unknown outcome', async (_label, beforeHeaders) => {
    c.sim().injectFault({ kind: 'reset', beforeHeaders });
    expect((await expectSendFailure(c.send({}), c.secrets)).failure.kind).toBe('unknown_outcome');
    // The request reached the vendor once: the outcome is unknown, not a failure to connect.
    expect(c.sim().requests).toHaveLength(1);
  });

  it('reports a refused connection as a network failure: nothing was sent', async () => {
    const url = await c.deadUrl();
    expect((await expectSendFailure(c.send({ baseUrl: url }), c.secrets)).failure.kind).toBe('network');
  });
}
