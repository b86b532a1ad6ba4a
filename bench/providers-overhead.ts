import { randomUUID } from 'node:crypto';
import { CRM_GATEWAY_PATH, CRM_GATEWAY_TEST_KEY, startCrmGateway } from '../e2e/vendors/crm-gateway/simulator.js';
import { crmGatewayBody, crmGatewayProvider } from '../electron/providers/crm-gateway.js';
import type { OutgoingMessage } from '../shared/outgoing.js';
import type { Address } from '../shared/address.js';
import { contacts, corpusWords, seeded, skewed } from './fixtures/history-corpus.js';
import { summarizeRatios } from './stats.js';
import type { Metric } from './types.js';

const N = 200;
/** A trial: ten messages each way, its ratio the adapter's total time over the bare total. */
const TRIAL = 10;
const WARM_UP = 30;
/**
 * An address book the size of a busy sender's: each message goes to 1–3 people and copies 0–2,
 * frequent contacts far more often (as in the history corpus), so most addresses of a run
 * are checked for the first time and a few recur, as they do in a working day.
 */
const CONTACTS = 5_000;

/** ~20 KB of ordinary HTML: paragraphs, a table, links. */
function html20kb(): string {
  const row = (i: number) => `<tr><td>Item ${i}</td><td>${(i * 3.7).toFixed(2)} EUR</td><td><a href="https://acme.example/i/${i}">details</a></td></tr>`;
  const parts = ['<p>Hello Bo,</p><p>Please find the statement below.</p><table>'];
  for (let i = 0; parts.join('').length < 20_000; i++) parts.push(row(i));
  parts.push('</table><p>Regards,<br>Ann</p>');
  return parts.join('');
}

interface Recipients {
  to: Address[];
  cc: Address[];
}

function recipientsPicker(): () => Recipients {
  const random = seeded(2026);
  const people = contacts(random, corpusWords(), CONTACTS);
  const some = (min: number, max: number) => Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => skewed(random, people));
  return () => ({ to: some(1, 3), cc: some(0, 2) });
}

function message(html: string, idempotencyKey: string, recipients: Recipients): OutgoingMessage {
  return {
    from: { name: 'Ann Agent', email: 'ann@acme.example' },
    ...recipients,
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
  const nextRecipients = recipientsPicker();

  const viaAdapter = async (recipients: Recipients) => {
    const sent = message(html, randomUUID(), recipients);
    const started = performance.now();
    await crmGatewayProvider.send(sent, account);
    return performance.now() - started;
  };
  const bare = async (recipients: Recipients) => {
    // The same serialized body the adapter sends (its builder, so the bytes match), built before the clock starts.
    const body = await crmGatewayBody(message(html, 'x', recipients));
    if (typeof body !== 'string') throw new Error('a message without files has a plain JSON body');
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
    // Warm-up draws from the same address book, as a session that has been sending a while.
    for (let i = 0; i < WARM_UP; i++) {
      await viaAdapter(nextRecipients());
      await bare(nextRecipients());
    }
    const trials: [number, number][] = [];
    let adapterTotal = 0;
    let bareTotal = 0;
    for (let i = 0; i < N; i++) {
      // Both sides send one message's recipients; the adapter sees them first half of the time.
      const recipients = nextRecipients();
      if (i % 2 === 0) {
        adapterTotal += await viaAdapter(recipients);
        bareTotal += await bare(recipients);
      } else {
        bareTotal += await bare(recipients);
        adapterTotal += await viaAdapter(recipients);
      }
      if (i % TRIAL === TRIAL - 1) {
        trials.push([adapterTotal, bareTotal]);
        adapterTotal = bareTotal = 0;
      }
      // The simulator records every request; 400 × 20 KB is fine, but keep it flat anyway.
      if (i % 50 === 49) sim.requests.length = 0;
    }
    return summarizeRatios(trials);
  } finally {
    await sim.close();
  }
}
