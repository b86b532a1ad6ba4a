import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.js';
import type { AttachmentRef, SubmitOutcome } from '../../../shared/message.js';
import type { OutboxRow } from '../../../shared/outbox.js';
import { CRM_GATEWAY_PATH, startCrmGateway } from '../../../e2e/vendors/crm-gateway/simulator.js';
import type { VendorSimulator } from '../../../e2e/vendors/kit/server.js';
import { outboxCore } from '../../core-test-support.js';
import { manualTime, message, tempDataDir } from './test-support.js';

let data: Awaited<ReturnType<typeof tempDataDir>>;
let app: ReturnType<typeof outboxCore>;
let sim: VendorSimulator;

beforeEach(async () => {
  data = await tempDataDir();
  app = outboxCore(data.dir, manualTime());
  sim = await startCrmGateway();
  await app.ok('outbox:setSettings', { undoDelayMs: 0 });
});
afterEach(async () => {
  app.core.close();
  await sim.close();
  await data.remove();
});

describe('outbox upload progress', () => {
  it('shows the bytes sent of the total while the request uploads, and nothing once the message is sent', async () => {
    const account = await app.ok<AccountView>('accounts:save', {
      label: 'Gateway',
      from: { email: 'ann@example.com' },
      settings: { provider: 'crm-gateway', endpointUrl: `${sim.url}${CRM_GATEWAY_PATH}` },
      secret: sim.info.apiKey,
    });
    const file = await app.ok<AttachmentRef>('attachments:import', { filename: 'scan.bin', mimeType: 'application/octet-stream', dataBase64: randomBytes(400_000).toString('base64') });
    const seen: OutboxRow['progress'][] = [];
    app.core.bus.subscribe((event, payload) => {
      if (event === 'outbox:changed') for (const row of payload as OutboxRow[]) if (row.state === 'sending') seen.push(row.progress);
    });
    // The gateway holds its answer, so the finished upload is seen while the row is still sending.
    sim.injectFault({ kind: 'delay', ms: 300 });
    await app.ok<SubmitOutcome>('outbox:submit', message(account.id, { attachments: [file] }));
    await app.core.outbox.idle();

    const received = sim.requests[0]?.rawBodyBytes ?? 0;
    expect(received).toBeGreaterThan(400_000);
    expect(seen.at(-1)).toEqual({ sent: received, total: received });
    const [row] = await app.ok<OutboxRow[]>('outbox:list');
    expect(row?.state).toBe('sent');
    expect(row?.progress).toBeNull();
  });
});
