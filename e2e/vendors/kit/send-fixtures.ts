import type { OutgoingMessage } from '../../../shared/outgoing.js';
import type { VendorSimulator } from './types.js';

export { expectSendFailure, itHandlesTransportFailures, type TransportCase } from './send-failure.js';

/**
 * The standard message the provider tests send: one named recipient, no cc, bcc or files,
 * both body parts. A test that relies on other values passes them as overrides.
 */
export function sampleMessage(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    from: { name: 'Ann Agent', email: 'ann@acme.example' },
    to: [{ name: 'Bo Buyer', email: 'bo@client.example' }],
    cc: [],
    bcc: [],
    subject: 'Invoice 42',
    html: '<p>Hello <b>Bo</b></p>',
    text: 'Hello Bo',
    attachments: [],
    idempotencyKey: '5b0c6a4e-2f3d-4c1b-9e8a-7d6f5e4c3b2a',
    ...overrides,
  };
}

/**
 * The account settings a transport test asks for, leaving out the ones it did not set (an
 * `undefined` spread over an account's settings would erase its default).
 */
export function transportSettings({ timeoutMs, baseUrl }: { timeoutMs?: number; baseUrl?: string }): { timeoutMs?: number; baseUrl?: string } {
  return { ...(timeoutMs ? { timeoutMs } : {}), ...(baseUrl ? { baseUrl } : {}) };
}

/** The base URL of a simulator that was started and closed again: a connection to it is refused. */
export async function closedSimulatorUrl(start: () => Promise<VendorSimulator>): Promise<string> {
  const gone = await start();
  await gone.close();
  return gone.url;
}
