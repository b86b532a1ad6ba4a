import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VendorSimulator } from '../kit/types.js';
import { startRebilly } from './simulator.js';

const SECRET = 'sk_live_rebilly_4f9a1c77e2';
// A slash and a space prove the organization id is encoded into the path.
const ORG = 'org/acme eu';

let sim: VendorSimulator;
beforeAll(async () => {
  sim = await startRebilly({ apiKey: SECRET, organizationId: ORG, credentialHashes: ['smtp_main'] });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

describe('rebilly simulator', () => {
  const post = (body: unknown, headers: Record<string, string> = {}, org = encodeURIComponent(ORG)) =>
    fetch(`${sim.url}/organizations/${org}/email-messages`, {
      method: 'POST',
      headers: { 'reb-apikey': SECRET, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const valid = { from: 'a@x.example', to: ['b@x.example'], subject: 's', html: '<p>t</p>', text: 't', status: 'outbox' };
  const fieldsOf = async (res: Response) => ((await res.json()) as { invalidFields: { field: string }[] }).invalidFields.map((f) => f.field);

  it('requires both text and html', async () => {
    const { text: _text, html: _html, ...neither } = valid;
    const res = await post(neither);
    expect(res.status).toBe(422);
    expect(await fieldsOf(res)).toEqual(expect.arrayContaining(['text', 'html']));
  });

  it('rejects a subject over 998 characters, a bad address, an empty To and unknown fields', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, subject: 'x'.repeat(999) }, 'subject'],
      [{ ...valid, to: ['not-an-address'] }, 'to[0]'],
      [{ ...valid, to: [] }, 'to'],
      [{ ...valid, htmlBody: '<p/>' }, 'htmlBody'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status).toBe(422);
      expect(await fieldsOf(res)).toContain(field);
    }
  });

  it('demands the key, the configured organization and JSON', async () => {
    expect((await post(valid, { 'reb-apikey': 'nope' })).status).toBe(401);
    expect((await post(valid, {}, 'org_other')).status).toBe(404);
    expect((await post(valid, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('stores a message created without status as a draft, as Rebilly does', async () => {
    const { status: _status, ...withoutStatus } = valid;
    const res = await post(withoutStatus);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id: expect.any(String), status: 'draft' });
  });
});
