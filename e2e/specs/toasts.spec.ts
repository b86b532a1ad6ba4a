import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { connectAccounts, sandboxDeliveries } from '../composer-helpers.js';
import { openOutbox, outboxRow } from '../outbox-helpers.js';

const sandbox = { label: 'Sandbox', from: { name: 'Sandbox', email: 'sandbox@example.com' }, settings: { provider: 'sandbox' as const }, signatureHtml: '' };

async function write(page: Page, subject: string) {
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  await expect(composer.getByLabel('To', { exact: true })).toBeFocused();
  await page.keyboard.type('Bea Lee <bea@example.org>');
  await page.keyboard.press('Enter');
  await composer.getByLabel('Subject').fill(subject);
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type('The numbers are in the table below.');
  return composer;
}

test('the send toast names the route once, counts down in seconds, and Undo says it worked and puts the caret in the body', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandbox]);
  const composer = await write(page, 'Quarter close');
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  const toast = page.getByRole('status').filter({ hasText: /^Sending to Bea Lee/ });
  await expect(toast).toContainText('Sending to Bea Lee through Sandbox, from sandbox@example.com.');
  // "Sandbox" once for the vendor; the account and sender of the same name are not repeated.
  expect((await toast.locator('.toast-text').innerText()).match(/Sandbox/g)).toHaveLength(1);
  await expect(toast.getByRole('button', { name: /^Undo \([1-5] s\)$/ })).toBeVisible();
  await toast.getByRole('button', { name: /^Undo/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Brought back to the composer.' })).toBeVisible();
  await expect(toast).toHaveCount(0);
  await expect(composer.getByLabel('Subject')).toHaveValue('Quarter close');
  await expect(composer.getByRole('textbox', { name: 'Message body' })).toBeFocused();
  expect(await sandboxDeliveries(app)).toHaveLength(0);
});

test('the send toast ends when the Outbox shows the message sent; there is one toast of each kind', async ({ app }) => {
  test.setTimeout(60_000);
  const { page } = app;
  await connectAccounts(page, [sandbox]);
  await page.evaluate(() => window.mailer!.outbox.setSettings({ undoDelayMs: 2_000 }));
  let composer = await write(page, 'First note');
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  composer = await write(page, 'Second note');
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  // The second send replaced the first one's toast.
  await expect(page.getByRole('status').filter({ hasText: /^Sending to/ })).toHaveCount(1);
  await openOutbox(page);
  await expect(outboxRow(page, 'Second note', 'Sent')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Sending to/ })).toHaveCount(0);
  const sent = page.getByRole('status').filter({ hasText: 'Sent to Bea Lee through Sandbox, from sandbox@example.com.' });
  await expect(sent).toBeVisible();
  await expect(sent).toHaveCount(0, { timeout: 8_000 });
});

test('"Draft deleted" is dismissible, offers Undo, and goes by itself', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandbox]);
  await write(page, 'Keep me');
  const drafts = page.getByRole('list', { name: 'Drafts list' });
  await expect(drafts.getByRole('button', { name: /^Keep me/ })).toBeVisible();
  await drafts.getByRole('button', { name: 'Delete draft: Keep me' }).click();
  const toast = page.getByRole('status').filter({ hasText: 'Draft “Keep me” deleted.' });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(drafts.getByRole('button', { name: /^Keep me/ })).toBeVisible();
  await expect(toast).toHaveCount(0);

  await drafts.getByRole('button', { name: 'Delete draft: Keep me' }).click();
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toHaveCount(0);
  await page.getByRole('button', { name: 'New message' }).click();
  await page.getByRole('region', { name: 'New message' }).getByLabel('Subject').fill('Gone soon');
  await expect(drafts.getByRole('button', { name: /^Gone soon/ })).toBeVisible();
  await drafts.getByRole('button', { name: 'Delete draft: Gone soon' }).click();
  const later = page.getByRole('status').filter({ hasText: 'Draft “Gone soon” deleted.' });
  await expect(later).toBeVisible();
  await expect(later).toHaveCount(0, { timeout: 12_000 });
});
