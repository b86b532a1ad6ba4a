import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { expectSendFailure, sampleMessage } from '../../e2e/vendors/kit/send-fixtures.js';
import type { VendorSimulator } from '../../e2e/vendors/kit/types.js';
import { startUnipile } from '../../e2e/vendors/unipile/simulator.js';
import type { OutgoingMessage } from '../../shared/outgoing.js';
import type { SendAccount } from './types.js';
import type { UnipileSettings } from './unipile.js';

const SECRET = 'unipile-key-3b9f2c7d41e8';
const ACCOUNT_ID = 'acc_7Xq2';

/**
 * Unipile's simulator for one test file (started before its tests, reset before each, closed
 * at the end) and the account, message and failure helpers its tests share.
 */
export function useUnipileSimulator() {
  let sim: VendorSimulator | null = null;
  let dir = '';
  beforeAll(async () => {
    sim = await startUnipile({ apiKey: SECRET, accountId: ACCOUNT_ID, knownEmailIds: ['em_known_1'] });
    dir = await mkdtemp(path.join(tmpdir(), 'unipile-test-'));
  });
  afterAll(async () => {
    await sim?.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => sim?.reset());
  const simulator = (): VendorSimulator => {
    if (!sim) throw new Error('The Unipile simulator is not running yet.');
    return sim;
  };
  const account = (overrides: Partial<UnipileSettings> = {}, secret = SECRET): SendAccount<UnipileSettings> => ({
    id: 'acc_local',
    settings: { provider: 'unipile', baseUrl: simulator().url, accountId: ACCOUNT_ID, timeoutMs: 2_000, ...overrides },
    secret,
  });
  // Every attendee kind, one without a display name: the mapping test checks each JSON field.
  const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage =>
    sampleMessage({
      to: [{ name: 'Bo Buyer', email: 'bo@client.example' }, { email: 'cy@client.example' }],
      cc: [{ name: 'Dee', email: 'dee@client.example' }],
      bcc: [{ email: 'audit@acme.example' }],
      ...overrides,
    });
  const failure = (pending: Promise<unknown>, secrets: string[] = [SECRET]) => expectSendFailure(pending, secrets);
  return { SECRET, ACCOUNT_ID, simulator, dir: () => dir, account, message, failure };
}
