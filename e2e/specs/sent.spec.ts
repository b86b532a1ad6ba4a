import type { Page } from '@playwright/test';
import type { AccountDraftInput } from '../../shared/accounts.js';
import type { HistoryThread } from '../../shared/history.js';
import { connectAccounts, sandboxDeliveries } from '../composer-helpers.js';
import { noUndoDelay, openSent, threadOf, writeAndSend } from '../sent-helpers.js';
import { expect, test } from '../fixtures.js';
import { CRM_GATEWAY_PATH, CRM_GATEWAY_TEST_KEY, startCrmGateway } from '../vendors/crm-gateway/simulator.js';
import type { VendorSimulator } from '../vendors/kit/types.js';
import { startRebilly } from '../vendors/rebilly/simulator.js';
import { startRollout } from '../vendors/rollout/simulator.js';
import { startStuut } from '../vendors/stuut/simulator.js';
import { startUnipile } from '../vendors/unipile/simulator.js';

const from = { name: 'Ann Sender', email: 'ann@northwind.example' };

interface VendorCase {
  name: string;
  start(): Promise<VendorSimulator>;
  account(url: string): AccountDraftInput;
  /** The thread field of the reply's request, as the vendor received it; null where the vendor has none. */
  threadField(sim: VendorSimulator): string | null;
  /** The history's id the field must carry: the original's vendor id or thread id. */
  expected(original: HistoryThread['messages'][number]): string | null;
}

const lastBody = (sim: VendorSimulator) => (sim.requests.at(-1)?.body ?? {}) as Record<string, unknown>;

const vendors: VendorCase[] = [
  {
    name: 'Stuut',
    start: () => startStuut(),
    account: (url) => ({ label: 'Stuut', from, settings: { provider: 'stuut', baseUrl: url, emailSender: 'sndr_e2e' }, secret: 'stuut_test_token' }),
    threadField: (sim) => String(lastBody(sim).parent_email ?? ''),
    expected: (original) => original.remoteId,
  },
  {
    name: 'Rollout',
    start: () => startRollout(),
    account: (url) => ({ label: 'Rollout', from, settings: { provider: 'rollout', baseUrl: url, credentialId: 'cred_test' }, secret: 'rollout_test_jwt' }),
    threadField: (sim) => String(lastBody(sim).threadId ?? ''),
    expected: (original) => original.remoteThreadId,
  },
  {
    name: 'CRM gateway',
    start: () => startCrmGateway(),
    account: (url) => ({ label: 'Gateway', from, settings: { provider: 'crm-gateway', endpointUrl: `${url}${CRM_GATEWAY_PATH}` }, secret: CRM_GATEWAY_TEST_KEY }),
    threadField: (sim) => String(lastBody(sim).thread_id ?? ''),
    expected: (original) => original.remoteThreadId,
  },
  {
    name: 'Unipile',
    start: () => startUnipile(),
    account: (url) => ({ label: 'Unipile', from, settings: { provider: 'unipile', baseUrl: url, accountId: 'acc_test' }, secret: 'unipile_test_key' }),
    // Multipart: every field arrives as a list of strings.
    threadField: (sim) => (lastBody(sim).reply_to as string[] | undefined)?.[0] ?? '',
    expected: (original) => original.remoteId,
  },
  {
    name: 'Rebilly',
    start: () => startRebilly(),
    account: (url) => ({ label: 'Rebilly', from, settings: { provider: 'rebilly', baseUrl: url, organizationId: 'org_test' }, secret: 'reb_test_key' }),
    threadField: () => null,
    expected: () => null,
  },
];

/** Sends, finds it in Sent, replies from the thread, and sees the reply join it. */
async function sendReplyAndCheck(page: Page, label: string): Promise<void> {
  const subject = `Contract renewal ${label}`;
  await noUndoDelay(page);
  await writeAndSend(page, 'Bea Buyer <bea@acme.example>', subject, 'Here is the renewal we discussed.');
  await openSent(page);
  await page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: new RegExp(subject) }).click();
  const thread = page.getByRole('region', { name: subject });
  await expect(thread.getByRole('article')).toHaveCount(1);
  await expect(thread.getByText('Sent', { exact: true }).or(thread.getByText('Accepted', { exact: true }))).toBeVisible();
  await thread.getByRole('button', { name: 'Reply', exact: true }).click();

  const composer = page.getByRole('region', { name: 'New message' });
  await expect(composer.getByLabel('Subject')).toHaveValue(`Re: ${subject}`);
  await expect(composer.getByRole('list', { name: 'To recipients' })).toContainText('Bea Buyer');
  const body = composer.getByRole('textbox', { name: 'Message body' });
  await expect(body.locator('blockquote')).toContainText('Here is the renewal we discussed.');
  await body.click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('Signed copy follows.');
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composer.getByLabel('Subject')).toHaveValue('');

  await openSent(page);
  await expect(page.getByRole('region', { name: subject }).getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('region', { name: subject })).toContainText('2 messages');
}

for (const vendor of vendors) {
  test(`${vendor.name}: a reply from the Sent view lands in the thread, at the vendor too`, async ({ app }) => {
    const sim = await vendor.start();
    try {
      const { page } = app;
      await connectAccounts(page, [vendor.account(sim.url)]);
      await sendReplyAndCheck(page, vendor.name);
      const thread = await threadOf(page, `Contract renewal ${vendor.name}`);
      const [original, reply] = [...thread.messages].sort((a, b) => a.attemptedAt - b.attemptedAt);
      expect(reply?.status).toBe('sent');
      expect(reply?.inReplyToId).toBe(original?.id);
      const expected = original ? vendor.expected(original) : null;
      if (expected === null) {
        // Rebilly has no thread field: the reply is threaded here only, and the request carries none.
        // (Its last POST is the reply's draft; the PATCH after it carries only the status.)
        const created = sim.requests.filter((r) => r.method === 'POST').at(-1);
        expect(JSON.stringify(created?.body)).toContain('Contract renewal');
        expect(JSON.stringify(created?.body)).not.toMatch(/thread|parent|reply_to/i);
        expect(original?.replyThreading.atVendor).toBe(false);
      } else {
        expect(expected).toBeTruthy();
        expect(vendor.threadField(sim)).toBe(expected);
      }
    } finally {
      await sim.close();
    }
  });
}

test('Sandbox: reply threads, search finds a body word, autocomplete offers an address sent to before', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [{ label: 'Sandbox', from, settings: { provider: 'sandbox' } }]);
  await sendReplyAndCheck(page, 'Sandbox');
  const deliveries = await sandboxDeliveries(app);
  const thread = await threadOf(page, 'Contract renewal Sandbox');
  const original = [...thread.messages].sort((a, b) => a.attemptedAt - b.attemptedAt)[0];
  expect((deliveries.at(-1) as unknown as { inReplyTo?: unknown }).inReplyTo).toEqual({ remoteId: original?.remoteId, remoteThreadId: original?.remoteThreadId });

  const search = page.getByRole('searchbox', { name: 'Search sent mail' });
  await search.fill('renew');
  const hits = page.getByRole('list', { name: 'Search results' });
  await expect(hits.getByRole('listitem')).toHaveCount(2);
  await expect(hits.locator('mark').filter({ hasText: /^renew/i }).first()).toBeVisible();
  await search.fill('discussed');
  await expect(hits.getByRole('listitem')).toHaveCount(2);
  await search.fill('zebracorn');
  await expect(page.getByText('Nothing sent matches “zebracorn”')).toBeVisible();

  // Autocomplete: the address sent to before is offered with its name, picked with the keyboard.
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  const to = composer.getByRole('combobox', { name: 'To', exact: true });
  await to.pressSequentially('be');
  const offered = composer.getByRole('listbox', { name: 'Addresses sent to before, for To' }).getByRole('option');
  await expect(offered).toHaveCount(1);
  await expect(offered).toContainText('Bea Buyer');
  await expect(offered).toContainText('bea@acme.example');
  await to.press('ArrowDown');
  await expect(to).toHaveAttribute('aria-activedescendant', (await offered.getAttribute('id')) ?? 'missing');
  await expect(offered).toHaveAttribute('aria-selected', 'true');
  await to.press('Enter');
  const chips = composer.getByRole('list', { name: 'To recipients' }).getByRole('listitem');
  await expect(chips).toHaveCount(1);
  await expect(chips).toHaveAttribute('title', 'bea@acme.example');
  await expect(chips).toContainText('Bea Buyer');
  await expect(to).toHaveValue('');
  await expect(composer.getByRole('listbox')).toHaveCount(0);
});

test('a failed message stays out of Sent unless unsent ones are shown; after Retry it is one Sent message with two attempts; Forward carries its stored file', async ({ app }) => {
  const sim = await startRollout();
  try {
    const { page } = app;
    await connectAccounts(page, [vendors[1]!.account(sim.url), { label: 'Sandbox', from, settings: { provider: 'sandbox' } }]);
    await noUndoDelay(page);
    sim.injectFault({ kind: 'status', status: 422, body: { message: 'Recipient rejected' } });
    await writeAndSend(page, 'Bea Buyer <bea@acme.example>', 'Delivery window', 'Thursday morning suits us.');
    // The failure is recorded before Sent is looked at, so its absence there means something.
    await expect.poll(async () => (await threadOf(page, 'Delivery window').catch(() => null))?.messages[0]?.status ?? null).toBe('failed');
    await openSent(page);
    const list = page.getByRole('list', { name: 'Sent threads' });
    await expect(page.getByText(/Nothing sent yet/)).toBeVisible();
    await expect(list.getByRole('button', { name: /Delivery window/ })).toHaveCount(0);

    const showUnsent = page.getByRole('checkbox', { name: 'Show unsent' });
    await expect(showUnsent).not.toBeChecked();
    await showUnsent.check();
    await list.getByRole('button', { name: /Delivery window/ }).click();
    await expect(list.getByRole('button', { name: /Delivery window/ })).toContainText('Failed');
    const thread = page.getByRole('region', { name: 'Delivery window' });
    await expect(thread.getByRole('article')).toHaveCount(1);
    await expect(thread.getByText('Failed', { exact: true })).toBeVisible();
    await expect(thread.getByRole('note')).toBeVisible();
    await thread.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('region', { name: 'Sent', exact: true }).getByRole('status').filter({ hasText: 'Its progress is in the Outbox.' })).toBeVisible();

    // One message, as it ended; its two tries are folded under it, the failed one first.
    await expect(thread.getByText('Sent', { exact: true }).filter({ visible: true })).toHaveCount(1);
    await expect(thread.getByRole('article')).toHaveCount(1);
    await expect(thread.getByText('Failed', { exact: true }).filter({ visible: true })).toHaveCount(0);
    await expect(thread.getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await thread.getByText('2 attempts').click();
    const attempts = thread.getByRole('list', { name: 'Attempts' }).getByRole('listitem');
    await expect(attempts).toHaveCount(2);
    await expect(attempts.nth(0)).toContainText('Failed');
    await expect(attempts.nth(0)).toContainText('Recipient rejected');
    await expect(attempts.nth(1)).toContainText('Sent');
    await showUnsent.uncheck();
    await expect(list.getByRole('button', { name: /Delivery window/ })).toHaveCount(1);
    await expect(list.getByRole('button', { name: /Delivery window/ })).toContainText('Sent');
    await expect(list.getByRole('button', { name: /Delivery window/ })).not.toContainText('Failed');
    expect(sim.requests).toHaveLength(2);
    expect((sim.requests[1]?.body as { subject?: string }).subject).toBe('Delivery window');
    // The outbox's own failed row went again: no second copy that a later Retry in the Outbox could send twice.
    const rows = await page.evaluate(async () => {
      const list = await window.mailer!.outbox.list();
      return list.ok ? list.value.filter((row) => row.subject === 'Delivery window').map((row) => row.state) : [];
    });
    expect(rows).toEqual(['sent']);

    // Forward from a sandbox message that carried a file: the stored copy comes along.
    const sandboxId = await page.evaluate(async () => {
      const list = await window.mailer!.accounts.list();
      return list.ok ? list.value.accounts.find((a) => a.label === 'Sandbox')!.id : '';
    });
    const file = await page.evaluate(() => window.mailer!.attachments.import({ filename: 'terms.txt', mimeType: 'text/plain', dataBase64: btoa('the terms') }));
    if (!file.ok) throw new Error(file.error.message);
    const submitted = await page.evaluate(
      (message) => window.mailer!.outbox.submit(message),
      { accountId: sandboxId, to: [{ email: 'cy@acme.example' }], cc: [], bcc: [], subject: 'Terms', html: '<p>The terms, as agreed.</p>', text: 'The terms, as agreed.', attachments: [file.value] },
    );
    expect(submitted.ok).toBe(true);
    await page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Terms/ }).click();
    const terms = page.getByRole('region', { name: 'Terms' });
    await expect(terms.getByRole('list', { name: 'Attachments' })).toContainText('terms.txt');
    await terms.getByRole('button', { name: 'Forward' }).click();
    const composer = page.getByRole('region', { name: 'New message' });
    await expect(composer.getByLabel('Subject')).toHaveValue(/^Fwd: Terms$/i);
    await expect(composer.getByText('terms.txt')).toBeVisible();
    await expect(composer.getByRole('list', { name: 'To recipients' }).getByRole('listitem')).toHaveCount(0);
  } finally {
    await sim.close();
  }
});
