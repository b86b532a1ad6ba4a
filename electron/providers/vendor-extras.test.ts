import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSendFailure, sampleMessage } from '../../e2e/vendors/kit/send-fixtures.js';
import type { VendorSimulator } from '../../e2e/vendors/kit/types.js';
import { CRM_GATEWAY_PATH, startCrmGateway } from '../../e2e/vendors/crm-gateway/simulator.js';
import { startRollout } from '../../e2e/vendors/rollout/simulator.js';
import { startStuut } from '../../e2e/vendors/stuut/simulator.js';
import { startUnipile } from '../../e2e/vendors/unipile/simulator.js';
import type { OutgoingMessage } from '../../shared/outgoing.js';
import { crmGatewayProvider } from './crm-gateway.js';
import { rolloutProvider } from './rollout.js';
import { stuutProvider } from './stuut.js';
import { unipileProvider } from './unipile.js';

/**
 * "Log to" CRM records and Unipile's tracking reach the vendors that take them, under the
 * vendors' own field names, and are refused (not dropped) by the ones that do not.
 */

const CONTACT = '3b241101-e2bb-4255-8caf-4136c566a962';
const DEAL = '9a7f4c1e-2b3d-4e5f-8a6b-7c8d9e0f1a2b';
const message = (extra: Partial<OutgoingMessage> = {}) => sampleMessage({ cc: [], bcc: [], ...extra });
const sims: VendorSimulator[] = [];
let gateway: VendorSimulator;
let rollout: VendorSimulator;
let unipile: VendorSimulator;
let stuut: VendorSimulator;
beforeAll(async () => {
  [gateway, rollout, unipile, stuut] = await Promise.all([startCrmGateway(), startRollout(), startUnipile(), startStuut()]);
  sims.push(gateway, rollout, unipile, stuut);
});
afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
});

describe('Log to CRM records', () => {
  it('the CRM gateway gets contact_id and deal_id, and its own check of them passes', async () => {
    const account = { id: 'gw', settings: { provider: 'crm-gateway' as const, endpointUrl: `${gateway.url}${CRM_GATEWAY_PATH}`, timeoutMs: 2_000 }, secret: gateway.info.apiKey ?? '' };
    await crmGatewayProvider.send(message({ crm: { contactId: CONTACT, dealId: DEAL } }), account);
    expect(gateway.requests.at(-1)?.body).toMatchObject({ contact_id: CONTACT, deal_id: DEAL });
  });

  it('Rollout gets personId and userId in the email message it creates', async () => {
    const account = { id: 'ro', settings: { provider: 'rollout' as const, baseUrl: rollout.url, credentialId: rollout.info.credentialId ?? '', timeoutMs: 2_000 }, secret: rollout.info.jwt ?? '' };
    await rolloutProvider.send(message({ crm: { personId: 'per_81', userId: 'usr_4' } }), account);
    expect(rollout.requests.at(-1)?.body).toMatchObject({ personId: 'per_81', userId: 'usr_4' });
  });

  it('a vendor that logs nothing refuses the ids with a sentence, before any request', async () => {
    const account = { id: 'st', settings: { provider: 'stuut' as const, baseUrl: stuut.url, emailSender: 'sndr_1', timeoutMs: 2_000 }, secret: stuut.info.token ?? '' };
    const before = stuut.requests.length;
    const error = await expectSendFailure(stuutProvider.send(message({ crm: { contactId: CONTACT } }), account), []);
    expect(error.message).toMatch(/^Stuut cannot log an email to these CRM records\. Clear “Log to”/);
    expect(stuut.requests).toHaveLength(before);
  });
});

describe('Unipile tracking', () => {
  const account = () => ({ id: 'un', settings: { provider: 'unipile' as const, baseUrl: unipile.url, accountId: unipile.info.accountId ?? '', timeoutMs: 2_000 }, secret: unipile.info.apiKey ?? '' });

  it('off unless asked: no tracking_options field; asked: opens and links in one JSON field', async () => {
    await unipileProvider.send(message(), account());
    expect(unipile.requests.at(-1)?.body).not.toHaveProperty('tracking_options');
    await unipileProvider.send(message({ tracking: { opens: true, links: true }, idempotencyKey: 'c7e1d2a9-4b3f-4e6d-8a1c-2f9b0e7d5c31' }), account());
    expect(unipile.requests.at(-1)?.body).toMatchObject({ tracking_options: [JSON.stringify({ opens: true, links: true })] });
  });

  it('another vendor refuses tracking rather than send without it', async () => {
    const gw = { id: 'gw', settings: { provider: 'crm-gateway' as const, endpointUrl: `${gateway.url}${CRM_GATEWAY_PATH}`, timeoutMs: 2_000 }, secret: gateway.info.apiKey ?? '' };
    const error = await expectSendFailure(crmGatewayProvider.send(message({ tracking: { opens: true, links: false } }), gw), []);
    expect(error.message).toMatch(/cannot track opens or link clicks/);
  });
});
