import { expect, test } from '../fixtures.js';
import { connectAccounts } from '../composer-helpers.js';
import { openOutbox, outboxRow, setUndoDelay, simulatorAccount } from '../outbox-helpers.js';
import { closeAllSimulators, startAllSimulators, type VendorName } from '../vendors/all.js';
import type { VendorSimulator } from '../vendors/kit/server.js';

let sims: Record<VendorName, VendorSimulator>;
test.beforeAll(async () => {
  sims = await startAllSimulators();
});
test.afterAll(async () => {
  await closeAllSimulators(sims);
});
test.beforeEach(() => {
  for (const sim of Object.values(sims)) sim.reset();
});

test('a merge field with no value blocks Send with its name until the pasted table fills it; the vendor gets the filled message', async ({ app }) => {
  const { page } = app;
  const account = simulatorAccount('unipile', sims.unipile);
  await connectAccounts(page, [account]);
  await setUndoDelay(page, 0);
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  await composer.getByLabel('From').selectOption({ label: `${account.label} — ${account.from.email}` });
  const to = composer.getByLabel('To', { exact: true });
  await to.fill('Bea Lee <bea@example.org>');
  await to.press('Enter');
  await composer.getByLabel('Subject').fill('Invoice for {{company}}');
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type('Hello {{first_name}}, {{invoice_number | "your invoice"}} is due.');

  const send = composer.getByRole('button', { name: 'Send', exact: true });
  await expect(send).toBeDisabled();
  await expect(composer.locator('#send-reason')).toHaveText(/\{\{company\}\} has no value for bea@example\.org/);
  await expect(composer.getByRole('textbox', { name: 'Message body' }).getByTitle(/has no value for a recipient/)).toHaveCount(0);

  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type(' Regards, {{account_manager}}');
  await expect(composer.getByRole('textbox', { name: 'Message body' }).getByTitle('{{account_manager}} has no value for a recipient and no fallback')).toBeVisible();
  for (let i = 0; i < ' Regards, {{account_manager}}'.length; i++) await page.keyboard.press('Backspace');

  await composer.getByLabel(/^Merge table/).fill('email\tcompany\tinvoice_number\nbea@example.org\tLee & Daughters\tINV-7');
  await expect(composer.getByText('1 row; columns: company, invoice_number.')).toBeVisible();
  await expect(send).toBeEnabled();
  await send.click();

  await openOutbox(page);
  await expect(outboxRow(page, 'Invoice for Lee & Daughters', 'Sent')).toBeVisible({ timeout: 15_000 });
  expect(sims.unipile.requests).toHaveLength(1);
  const body = JSON.stringify(sims.unipile.requests[0]?.body);
  expect(body).toContain('Invoice for Lee & Daughters');
  expect(body).toContain('Hello Bea, INV-7 is due.');
  expect(body).not.toContain('{{');
});
