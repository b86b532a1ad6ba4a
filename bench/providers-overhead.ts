import { randomUUID } from 'node:crypto';
import { CRM_GATEWAY_PATH, CRM_GATEWAY_TEST_KEY, startCrmGateway } from '../e2e/vendors/crm-gateway/simulator.js';
import { crmGatewayBody, crmGatewayProvider } from '../electron/providers/crm-gateway.js';
import type { OutgoingMessage } from '../shared/outgoing.js';
import { percentile } from './stats.js';
import type { Metric } from './types.js';

const N = 200;
const WARM_UP = 30;

/** ~20 KB of ordinary HTML: paragraphs, a table, links. */
function html20kb(): string {
  const row = (i: number) => `<tr><td>Item ${i}</td><td>${(i * 3.7).toFixed(2)} EUR</td><td><a href="https://acme.example/i/${i}">details</a></td></tr>`;
  const parts = ['<p>Hello Bo,</p><p>Please find the statement below.</p><table>'];
  for (let i = 0; parts.join('').length < 20_000; i++) parts.push(row(i));
  parts.push('</table><p>Regards,<br>Ann</p>');
  return parts.join('');
}

function message(html: string, idempotencyKey: string): OutgoingMessage {
  return {
    from: { name: 'Ann Agent', email: 'ann@acme.example' },
    to: [{ name: 'Bo Buyer', email: 'bo@client.example' }],
    cc: [{ email: 'cc@client.example' }],
    bcc: [],
    subject: 'Statement',
    html,
    text: '',
    attachments: [],
    idempotencyKey,
  };
}

/**
 * Adapter send vs a bare fetch of the same bytes with the same headers to the same simulator,
 * interleaved (alternating which goes first) so drift in the machine's load hits both alike.
 * Unique idempotency keys on both sides: the gateway does the full work, never a replay.
 */
export async function adapterOverhead(): Promise<Metric> {
  const sim = await startCrmGateway({ dailyLimit: 1_000_000 });
  const endpoint = `${sim.url}${CRM_GATEWAY_PATH}`;
  const account = {
    id: 'bench',
    settings: { provider: 'crm-gateway' as const, endpointUrl: endpoint, timeoutMs: 30_000 },
    secret: CRM_GATEWAY_TEST_KEY,
  };
  const html = html20kb();
  // The same serialized body the adapter sends (its builder, so the bytes match).
  const body = JSON.stringify(await crmGatewayBody(message(html, 'x')));

  const viaAdapter = async () => {
    const started = performance.now();
    await crmGatewayProvider.send(message(html, randomUUID()), account);
    return performance.now() - started;
  };
  const bare = async () => {
    const started = performance.now();
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${CRM_GATEWAY_TEST_KEY}`,
        'Idempotency-Key': randomUUID(),
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body,
    });
    await res.text();
    if (res.status < 200 || res.status > 299) throw new Error(`bare request answered ${res.status}`);
    return performance.now() - started;
  };

  try {
    for (let i = 0; i < WARM_UP; i++) {
      await viaAdapter();
      await bare();
    }
    const adapterMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < N; i++) {
      if (i % 2 === 0) {
        adapterMs.push(await viaAdapter());
        bareMs.push(await bare());
      } else {
        bareMs.push(await bare());
        adapterMs.push(await viaAdapter());
      }
      // The simulator records every request; 400 × 20 KB is fine, but keep it flat anyway.
      if (i % 50 === 49) sim.requests.length = 0;
    }
    const ratio = (p: number) => Math.round((percentile(adapterMs, p) / percentile(bareMs, p)) * 1000) / 1000;
    return { median: ratio(50), p95: ratio(95), unit: 'ratio' };
  } finally {
    await sim.close();
  }
}
