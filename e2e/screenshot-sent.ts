import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { accountDraftSchema } from '../shared/accounts.js';
import type { Address } from '../shared/address.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { startHarness } from './harness/server.js';

/**
 * `tsx e2e/screenshot-sent.ts out.png [--view thread]` (after `vite build --mode harness`): the
 * Sent view with a small recorded history over three accounts; `--view thread` opens a thread
 * of three messages, one with a remote image held back.
 */
const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { view: { type: 'string', default: 'sent' } } });
const out = path.resolve(positionals[0] ?? 'docs/sent.png');
const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-shot-sent-'));
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
const harness = await startHarness({ dataDir, staticDir: path.join(root, 'dist/harness'), version, testHooks: false });

const me: Address = { name: 'Ann Lee', email: 'ann@northwind.example' };
const bea: Address = { name: 'Bea Buyer', email: 'bea@acme.example' };
const carl: Address = { name: 'Carl Ortiz', email: 'carl.ortiz@globex.example' };
const dana: Address = { email: 'dana@initech.example' };

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const { core } = harness;
  const sales = await core.accounts.save(accountDraftSchema.parse({ label: 'Sales CRM', from: me, settings: { provider: 'rollout', credentialId: 'cred_8842' }, secret: 'eyJhbGciOi.screenshot.k3Q9' }));
  const billing = await core.accounts.save(accountDraftSchema.parse({ label: 'Billing', from: { email: 'billing@northwind.example' }, settings: { provider: 'rebilly', organizationId: 'northwind' }, secret: 'sk_live_screenshot_7Hd2' }));
  const ar = await core.accounts.save(accountDraftSchema.parse({ label: 'Collections', from: me, settings: { provider: 'stuut', emailSender: 'sndr_01HQ' }, secret: 'stt_screenshot_value_Pq41' }));
  const hour = 3_600_000;
  const now = Date.now();
  let remote = 0;
  const sent = (threadId?: string) => ({ status: 'sent' as const, result: { remoteId: `em_${++remote}`, status: 'sent' as const, ...(threadId ? { remoteThreadId: threadId } : {}) } });
  const html = (text: string) => `<p>${text}</p><p>Best,<br>Ann</p>`;
  const record = (accountId: string, provider: 'rollout' | 'rebilly' | 'stuut', to: Address[], subject: string, body: string, at: number, outcome: Parameters<typeof core.history.record>[0]['outcome'], replyTo?: string) =>
    core.history.record({ accountId, provider, from: me, content: { to, cc: [], bcc: [], subject, html: body, text: body.replace(/<[^>]+>/g, ' ') }, attachments: [], attemptedAt: at, outcome, ...(replyTo ? { replyToHistoryId: replyTo } : {}) });

  const first = await record(sales.id, 'rollout', [bea, carl], 'Contract renewal for 2027', `${html('Here is the renewal we discussed on Tuesday. The new terms start in January; the logo below is from the proposal.')}<p><img src="https://cdn.acme.example/logo.png" alt="Acme logo" width="120"></p>`, now - 30 * hour, sent('thr_renew'));
  const second = await record(sales.id, 'rollout', [bea, carl], 'Re: Contract renewal for 2027', `${html('Bea, the signed copy is on its way. Carl asked about the payment schedule: quarterly works for us.')}<blockquote><p>Here is the renewal we discussed on Tuesday.</p></blockquote>`, now - 6 * hour, sent('thr_renew'), first.id);
  await record(sales.id, 'rollout', [bea, carl], 'Re: Contract renewal for 2027', html('One more thing: the start date can move to February if that helps.'), now - 2 * hour, sent('thr_renew'), second.id);
  await record(billing.id, 'rebilly', [dana], 'Invoice INV-2041', html('Your invoice for October is ready.'), now - 3 * hour, { status: 'failed', error: { kind: 'provider', message: 'Rebilly refused the message: the sender address is not verified. Verify it in Rebilly, then retry.' } });
  await record(ar.id, 'stuut', [carl], 'Payment reminder: order 7781', html('A friendly reminder that order 7781 is due on Friday.'), now - 26 * hour, { status: 'unknown_outcome', error: { kind: 'timeout', message: 'Stuut did not answer within 30 seconds, so it is not known whether the email went out. Check in Stuut before sending it again.' } });
  for (let i = 0; i < 14; i++) {
    const who = [bea, carl, dana][i % 3] as Address;
    await record([sales.id, billing.id, ar.id][i % 3] as string, (['rollout', 'rebilly', 'stuut'] as const)[i % 3]!, [who], ['Meeting notes', 'Quarterly report', 'Shipping update', 'Support ticket follow-up', 'Welcome aboard'][i % 5]! + ` #${40 - i}`, html('Thanks for your time today; the notes are below.'), now - (50 + i * 20) * hour, sent());
  }

  const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
  await page.goto(harness.url);
  await page.getByTestId('app-version').waitFor();
  await page.getByRole('navigation', { name: 'Mailboxes' }).getByRole('button', { name: 'Sent' }).click();
  const list = page.getByRole('list', { name: 'Sent threads' });
  await list.getByRole('listitem').nth(10).waitFor();
  if (values.view === 'thread') {
    await list.getByRole('button', { name: /Contract renewal/ }).click();
    await page.getByRole('region', { name: 'Contract renewal for 2027' }).getByRole('article').nth(2).waitFor();
  } else {
    await list.getByRole('button', { name: /Invoice INV-2041/ }).click();
    await page.getByRole('region', { name: 'Invoice INV-2041' }).getByRole('article').waitFor();
  }
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await harness.close();
  await rm(dataDir, { recursive: true, force: true });
}
