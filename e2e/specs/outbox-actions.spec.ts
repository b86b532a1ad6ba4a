import { expect, test } from '../fixtures.js';
import { connectAccounts, queuePickedFiles } from '../composer-helpers.js';
import { openOutbox, outboxRow, setUndoDelay, shownNotifications, simulatorAccount, writeMessage } from '../outbox-helpers.js';
import { openSent, threadOf } from '../sent-helpers.js';
import { crmGatewaySent, startCrmGateway } from '../vendors/crm-gateway/simulator.js';
import { rebillyFinishes, startRebilly } from '../vendors/rebilly/simulator.js';
import { startStuut } from '../vendors/stuut/simulator.js';

test('Retry now on a message waiting an hour for the vendor sends it at once, under the same key, once', async ({ app }) => {
  const gateway = await startCrmGateway();
  try {
    const { page } = app;
    const account = simulatorAccount('crm-gateway', gateway);
    await connectAccounts(page, [account]);
    await setUndoDelay(page, 0);
    // The vendor is down for maintenance and asks to be tried again in an hour.
    gateway.injectFault({ kind: 'status', status: 503, headers: { 'retry-after': '3600' }, body: { error: { code: 'maintenance', message: 'Back in an hour' } } });
    await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'bea@example.org', subject: 'Board pack', body: 'The pack for Thursday.' }, queuePickedFiles);
    await page.getByRole('region', { name: 'New message' }).getByRole('button', { name: 'Send', exact: true }).click();

    await openOutbox(page);
    const waiting = outboxRow(page, 'Board pack', 'Waiting to retry');
    await expect(waiting).toContainText(/next try at .* \(in (59|60) minutes|next try at .* \(in 1 hour/);
    await expect(waiting.getByRole('group', { name: 'Actions for “Board pack”' }).getByRole('button')).toHaveText(['Retry now', 'Edit', 'Cancel']);
    expect(gateway.requests).toHaveLength(1);

    await waiting.getByRole('button', { name: 'Retry now' }).click();
    await expect(outboxRow(page, 'Board pack', 'Sent')).toBeVisible({ timeout: 10_000 });
    expect(gateway.requests).toHaveLength(2);
    expect(new Set(gateway.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(crmGatewaySent(gateway).map((m) => m.body.subject)).toEqual(['Board pack']);
  } finally {
    await gateway.close();
  }
});

test('a message refused for its key keeps “auth” into Sent: the card says to fix the key, opens that account, and Retry then sends it once', async ({ app }) => {
  const stuut = await startStuut();
  try {
    const { page } = app;
    const account = simulatorAccount('stuut', stuut, 'stuut_revoked_token');
    await connectAccounts(page, [account]);
    await setUndoDelay(page, 0);
    await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'bea@example.org', subject: 'Statement of account', body: 'Your statement for November.' }, queuePickedFiles);
    await page.getByRole('region', { name: 'New message' }).getByRole('button', { name: 'Send', exact: true }).click();
    await openOutbox(page);
    await expect(outboxRow(page, 'Statement of account', 'Failed')).toBeVisible({ timeout: 15_000 });

    // History keeps why it failed, not only that it did.
    await expect.poll(async () => (await threadOf(page, 'Statement of account').catch(() => null))?.messages[0]?.error?.kind ?? null).toBe('auth');
    await openSent(page);
    await page.getByRole('checkbox', { name: 'Show unsent' }).check();
    await page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Statement of account/ }).click();
    const card = page.getByRole('region', { name: 'Statement of account' }).getByRole('article');
    await expect(card.getByRole('note')).toContainText(/the key was rejected — update it in Accounts/i);
    const actions = card.getByRole('group', { name: 'Message actions' });
    await expect(actions.getByRole('button', { name: 'Open Accounts' })).toBeVisible();

    await actions.getByRole('button', { name: 'Open Accounts' }).click();
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(account.label);
    await page.getByLabel('Bearer token', { exact: true }).fill(stuut.info.token ?? '');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem', { name: account.label })).toContainText(`Key ••••${(stuut.info.token ?? '').slice(-4)}`);

    await openSent(page);
    await page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Statement of account/ }).click();
    await page.getByRole('region', { name: 'Statement of account' }).getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => stuut.requests.length, { timeout: 15_000 }).toBe(2);
    await expect(page.getByRole('region', { name: 'Statement of account' }).getByText('Accepted', { exact: true }).filter({ visible: true })).toHaveCount(1);
    expect(stuut.requests.map((r) => r.headers.authorization)).toEqual(['Bearer stuut_revoked_token', `Bearer ${stuut.info.token}`]);
  } finally {
    await stuut.close();
  }
});

test('Rebilly accepts a message and its mail server later refuses it: the Outbox and Sent show Failed with Rebilly’s reason, and the desktop says so', async ({ app }) => {
  const rebilly = await startRebilly();
  try {
    const { page } = app;
    const account = simulatorAccount('rebilly', rebilly);
    await connectAccounts(page, [account]);
    await setUndoDelay(page, 0);
    await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'bea@example.org', subject: 'Invoice INV-88', body: 'Your invoice for November.' }, queuePickedFiles);
    await page.getByRole('region', { name: 'New message' }).getByRole('button', { name: 'Send', exact: true }).click();
    await openOutbox(page);
    await expect(outboxRow(page, 'Invoice INV-88', 'Accepted')).toBeVisible({ timeout: 15_000 });

    // Rebilly's mailer tries it and the recipient's server refuses it.
    expect(rebillyFinishes(rebilly, 'Invoice INV-88', { status: 'failed', responseCode: 550, responseBody: '5.1.1 Mailbox does not exist' })).toBe(true);
    const failed = outboxRow(page, 'Invoice INV-88', 'Failed');
    await expect(failed).toContainText(/After accepting it, Rebilly could not send the email .*5\.1\.1 Mailbox does not exist/, { timeout: 30_000 });
    await expect(failed.getByRole('group', { name: 'Actions for “Invoice INV-88”' }).getByRole('button')).toHaveText(['Retry', 'Edit']);
    if (app.harness) {
      await expect.poll(async () => (await shownNotifications(app)).map((n) => n.title)).toContain('Message not delivered');
    }

    await openSent(page);
    await expect(page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Invoice INV-88/ })).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Show unsent' }).check();
    await page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Invoice INV-88/ }).click();
    const card = page.getByRole('region', { name: 'Invoice INV-88' }).getByRole('article');
    await expect(card.getByText('Failed', { exact: true }).first()).toBeVisible();
    await expect(card.getByRole('note')).toContainText('5.1.1 Mailbox does not exist');
  } finally {
    await rebilly.close();
  }
});
