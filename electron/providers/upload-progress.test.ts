import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRM_GATEWAY_PATH, crmGatewaySent, startCrmGateway } from '../../e2e/vendors/crm-gateway/simulator.js';
import { sampleMessage } from '../../e2e/vendors/kit/send-fixtures.js';
import type { VendorSimulator } from '../../e2e/vendors/kit/types.js';
import { startUnipile } from '../../e2e/vendors/unipile/simulator.js';
import { fileAttachment, type FileAttachment } from '../services/attachments/test-support.js';
import { crmGatewayProvider } from './crm-gateway.js';
import { unipileProvider } from './unipile.js';

let dir: string;
let gateway: VendorSimulator;
let unipile: VendorSimulator;
let file: FileAttachment;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'upload-progress-'));
  [gateway, unipile] = await Promise.all([startCrmGateway(), startUnipile()]);
  // Big enough to take many chunks, an odd size so no count lands on a round number by luck.
  const bytes = randomBytes(900_001);
  file = await fileAttachment(dir, 'scan.bin', bytes);
});
afterAll(async () => {
  await Promise.all([gateway.close(), unipile.close()]);
  await rm(dir, { recursive: true, force: true });
});

function recorder() {
  const seen: { sent: number; total: number }[] = [];
  return { seen, onProgress: (sent: number, total: number) => void seen.push({ sent, total }) };
}

/** Progress only grows, never passes its total, ends at it, and the total is what the vendor received. */
function expectWholeUpload(seen: { sent: number; total: number }[], received: number): void {
  expect(seen.length).toBeGreaterThan(3);
  for (let i = 1; i < seen.length; i++) expect(seen[i]!.sent).toBeGreaterThan(seen[i - 1]!.sent);
  expect(new Set(seen.map((p) => p.total))).toEqual(new Set([received]));
  expect(seen.at(-1)?.sent).toBe(received);
}

describe('upload progress', () => {
  it('counts the gateway JSON body as it streams, with its exact Content-Length, and the file arrives whole', async () => {
    gateway.reset();
    const { seen, onProgress } = recorder();
    const account = { id: 'a', settings: { provider: 'crm-gateway' as const, endpointUrl: `${gateway.url}${CRM_GATEWAY_PATH}`, timeoutMs: 10_000 }, secret: gateway.info.apiKey ?? '' };
    await crmGatewayProvider.send(sampleMessage({ attachments: [file] }), account, undefined, onProgress);
    const [request] = gateway.requests;
    expect(request?.headers['content-length']).toBe(String(request?.rawBodyBytes));
    expect(request?.headers['transfer-encoding']).toBeUndefined();
    expectWholeUpload(seen, request!.rawBodyBytes);
    const sent = crmGatewaySent(gateway)[0]?.body.attachments as { content_base64: string }[];
    expect(createHash('sha256').update(Buffer.from(sent[0]!.content_base64, 'base64')).digest('hex')).toBe(file.sha256);
  });

  it('counts the Unipile multipart body, measured before it is sent, and the file arrives whole', async () => {
    unipile.reset();
    const { seen, onProgress } = recorder();
    const account = { id: 'a', settings: { provider: 'unipile' as const, baseUrl: unipile.url, accountId: unipile.info.accountId ?? '', timeoutMs: 10_000 }, secret: unipile.info.apiKey ?? '' };
    await unipileProvider.send(sampleMessage({ attachments: [file] }), account, undefined, onProgress);
    const [request] = unipile.requests;
    expect(request?.headers['content-length']).toBe(String(request?.rawBodyBytes));
    expect(request?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expectWholeUpload(seen, request!.rawBodyBytes);
    expect(request?.files.map(({ filename, size, sha256 }) => ({ filename, size, sha256 }))).toEqual([{ filename: 'scan.bin', size: file.size, sha256: file.sha256 }]);
  });

  it('sends exactly as before when nobody listens for progress', async () => {
    unipile.reset();
    const account = { id: 'a', settings: { provider: 'unipile' as const, baseUrl: unipile.url, accountId: unipile.info.accountId ?? '', timeoutMs: 10_000 }, secret: unipile.info.apiKey ?? '' };
    await unipileProvider.send(sampleMessage({ attachments: [file] }), account);
    expect(unipile.requests[0]?.files[0]?.sha256).toBe(file.sha256);
  });
});
