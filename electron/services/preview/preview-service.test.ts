import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.js';
import type { AttachmentRef } from '../../../shared/message.js';
import type { RequestPreview } from '../../../shared/preview.js';
import { CRM_GATEWAY_PATH, startCrmGateway } from '../../../e2e/vendors/crm-gateway/simulator.js';
import type { VendorSimulator } from '../../../e2e/vendors/kit/server.js';
import { startRollout } from '../../../e2e/vendors/rollout/simulator.js';
import { startUnipile } from '../../../e2e/vendors/unipile/simulator.js';
import { outboxCore } from '../../core-test-support.js';
import { manualTime, message, tempDataDir } from '../outbox/test-support.js';

let data: Awaited<ReturnType<typeof tempDataDir>>;
let app: ReturnType<typeof outboxCore>;
let sim: VendorSimulator;
const from = { name: 'Ann Example', email: 'ann@example.com' };

beforeEach(async () => {
  data = await tempDataDir();
  app = outboxCore(data.dir, manualTime());
});
afterEach(async () => {
  app.core.close();
  await sim.close();
  await data.remove();
});

async function file(size: number): Promise<{ ref: AttachmentRef; sha256: string }> {
  const bytes = randomBytes(size);
  const ref = await app.ok<AttachmentRef>('attachments:import', { filename: `scan-${size}.bin`, mimeType: 'application/octet-stream', dataBase64: bytes.toString('base64') });
  return { ref, sha256: createHash('sha256').update(bytes).digest('hex') };
}

describe('request preview', () => {
  it('shows Rollout’s request with the key masked and Cc and the generated text part marked dropped, and sends nothing', async () => {
    sim = await startRollout();
    const secret = sim.info.jwt ?? '';
    const account = await app.ok<AccountView>('accounts:save', { label: 'CRM', from, settings: { provider: 'rollout', baseUrl: sim.url, credentialId: sim.info.credentialId ?? '' }, secret });
    const preview = await app.ok<RequestPreview>('preview:request', message(account.id, { cc: [{ email: 'boss@example.com' }] }));
    expect(preview.method).toBe('POST');
    expect(preview.url).toBe(`${sim.url}/emailMessages`);
    expect(preview.headers).toContainEqual({ name: 'Authorization', value: 'Bearer ••••••••', masked: true });
    expect(JSON.stringify(preview)).not.toContain(secret);
    expect(preview.body.kind === 'json' && JSON.parse(preview.body.text)).toMatchObject({ subject: 'Quarterly numbers', recipients: [{ name: 'Bea Lee', email: 'bea@example.org' }] });
    expect(preview.dropped.map((d) => d.field)).toEqual(['Cc', 'Plain-text part']);
    expect(sim.requests).toEqual([]);
  });

  it('shows the gateway’s JSON with each file as its size and hash instead of its base64', async () => {
    sim = await startCrmGateway();
    const account = await app.ok<AccountView>('accounts:save', { label: 'GW', from, settings: { provider: 'crm-gateway', endpointUrl: `${sim.url}${CRM_GATEWAY_PATH}` }, secret: sim.info.apiKey });
    const scan = await file(70_000);
    const preview = await app.ok<RequestPreview>('preview:request', message(account.id, { attachments: [scan.ref] }));
    const body = preview.body.kind === 'json' ? preview.body.text : '';
    expect(body).toContain(`[file: 70000 bytes, sha256 ${scan.sha256}]`);
    expect(preview.headers.find((h) => h.name === 'Idempotency-Key')?.value).toContain('its own key');
    expect(preview.dropped).toEqual([]);
    expect(sim.requests).toEqual([]);
  });

  it('shows Unipile’s multipart parts with files as name, size and hash', async () => {
    sim = await startUnipile();
    const account = await app.ok<AccountView>('accounts:save', { label: 'Mail', from, settings: { provider: 'unipile', baseUrl: sim.url, accountId: sim.info.accountId ?? '' }, secret: sim.info.apiKey });
    const scan = await file(1_000);
    const preview = await app.ok<RequestPreview>('preview:request', message(account.id, { attachments: [scan.ref] }));
    expect(preview.body.kind === 'multipart' && preview.body.parts.find((p) => p.file)?.file).toEqual({ filename: 'scan-1000.bin', size: 1_000, sha256: scan.sha256 });
    expect(preview.headers.find((h) => h.name === 'X-API-KEY')).toEqual({ name: 'X-API-KEY', value: '••••••••', masked: true });
    expect(sim.requests).toEqual([]);
  });
});
