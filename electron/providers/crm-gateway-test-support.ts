import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CRM_GATEWAY_PATH, startCrmGateway } from '../../e2e/vendors/crm-gateway/simulator.js';
import { expectSendFailure, sampleMessage } from '../../e2e/vendors/kit/send-fixtures.js';
import type { Fault, VendorSimulator } from '../../e2e/vendors/kit/server.js';
import type { AccountSettings } from '../../shared/accounts.js';
import type { OutgoingMessage, SendFailure } from '../../shared/outgoing.js';
import { crmGatewayProvider } from './crm-gateway.js';
import type { SendAccount } from './types.js';

type Settings = Extract<AccountSettings, { provider: 'crm-gateway' }>;

const SECRET = 'gw_live_S3CR3T_9f8e7d6c5b4a';
// A UUID key: the tests check it travels as the Idempotency-Key header and is replayed.
const KEY = '3b241101-e2bb-4255-8caf-4136c566a962';

/**
 * The gateway's simulator for one test file (started before its tests, reset after each,
 * closed at the end) and the account, message and failure helpers its tests share.
 */
export function useGatewaySimulator() {
  let sim: VendorSimulator | null = null;
  let dir = '';
  beforeAll(async () => {
    sim = await startCrmGateway({ apiKey: SECRET, readOnlyKey: 'gw_readonly_0000' });
    dir = await mkdtemp(join(tmpdir(), 'crm-gateway-'));
  });
  afterEach(() => sim?.reset());
  afterAll(async () => {
    await sim?.close();
    await rm(dir, { recursive: true, force: true });
  });
  const simulator = (): VendorSimulator => {
    if (!sim) throw new Error('The gateway simulator is not running yet.');
    return sim;
  };
  const account = (extra: Partial<Settings> = {}, secret = SECRET): SendAccount<Settings> => ({
    id: 'acc_gw',
    settings: { provider: 'crm-gateway', endpointUrl: `${simulator().url}${CRM_GATEWAY_PATH}`, timeoutMs: 2_000, ...extra },
    secret,
  });
  const message = (extra: Partial<OutgoingMessage> = {}): OutgoingMessage => sampleMessage({ idempotencyKey: KEY, ...extra });
  /** Sends expecting a ServiceError; every path checks that the key is nowhere on the error. */
  const sendFailure = async (msg: OutgoingMessage, acc = account(), signal?: AbortSignal): Promise<SendFailure> =>
    (await expectSendFailure(crmGatewayProvider.send(msg, acc, signal), [SECRET])).failure;
  const withFault = async (fault: Fault, msg = message()): Promise<SendFailure> => {
    simulator().injectFault(fault);
    const failure = await sendFailure(msg);
    expect(simulator().requests).toHaveLength(1);
    return failure;
  };
  /** What the outbox asks a provider's `check` about: the vendor id a failure named. */
  const ask = (remoteId: string) => ({ idempotencyKey: '5b0c6a4e-2f3d-4c1b-9e8a-7d6f5e4c3b2a', remoteId, attemptedAt: 0, message: message() });
  return { SECRET, KEY, simulator, dir: () => dir, account, message, sendFailure, withFault, ask };
}
