import { expect, test } from '../fixtures.js';
import { connectAccounts, sandboxDeliveries } from '../composer-helpers.js';
import { openOutbox, outboxRow, sandboxAccount } from '../outbox-helpers.js';
import type { Page } from '@playwright/test';

const composerOf = (page: Page) => page.getByRole('region', { name: 'New message' });

async function writeAndSchedule(page: Page, subject: string): Promise<void> {
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = composerOf(page);
  await composer.getByLabel('To', { exact: true }).fill('Bea Lee <bea@example.org>');
  await composer.getByLabel('To', { exact: true }).press('Enter');
  await composer.getByLabel('Subject').fill(subject);
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type('See you on Thursday.');
  await expect(composer.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await composer.getByRole('button', { name: 'Send later…' }).click();
  await composer.getByRole('group', { name: 'Send later' }).getByRole('button', { name: 'Schedule' }).click();
}

/** Live outbox rows (waiting, sending, failed, unknown) per subject, read through the contract. */
async function liveRows(page: Page, subject: string): Promise<string[]> {
  return page.evaluate(async (s) => {
    const list = await window.mailer!.outbox.list();
    return list.ok ? list.value.filter((r) => r.subject === s && !['sent', 'accepted', 'cancelled'].includes(r.state)).map((r) => r.state) : [];
  }, subject);
}

test('a scheduled message offers Send now, Change time, Edit and Cancel; Cancel sends nothing and it is back in Drafts', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandboxAccount]);
  await writeAndSchedule(page, 'Thursday plan');
  // Drafts marks it with its time: it is not an ordinary draft with Send.
  await expect(page.getByRole('list', { name: 'Drafts list' }).getByRole('button', { name: /^Thursday plan/ })).toContainText('Scheduled for');

  await openOutbox(page);
  const row = outboxRow(page, 'Thursday plan', 'Scheduled');
  await expect(row).toContainText(/scheduled for .* \(in (\d+ minutes|1 hours|\d+ hours)\)/);
  const actions = row.getByRole('group', { name: 'Actions for “Thursday plan”' }).getByRole('button');
  await expect(actions).toHaveText(['Send now', 'Change time', 'Edit', 'Cancel']);
  await row.getByRole('button', { name: 'Cancel' }).click();
  await expect(outboxRow(page, 'Thursday plan', 'Cancelled')).toBeVisible();
  expect(await sandboxDeliveries(app)).toHaveLength(0);
  expect(await liveRows(page, 'Thursday plan')).toEqual([]);
});

test('editing a scheduled message takes it out of the Outbox first; sending it then delivers it once, never two copies', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandboxAccount]);
  await page.evaluate(() => window.mailer!.outbox.setSettings({ undoDelayMs: 0 }));
  await writeAndSchedule(page, 'Later message');
  await expect.poll(() => liveRows(page, 'Later message')).toEqual(['scheduled']);

  // Opened from Drafts: taken out of the outbox, and the composer says so.
  await page.getByRole('list', { name: 'Drafts list' }).getByRole('button', { name: /^Later message/ }).click();
  const composer = composerOf(page);
  await expect(composer.getByText(/Taken out of the Outbox to edit/)).toBeVisible();
  expect(await liveRows(page, 'Later message')).toEqual([]);
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Edited.');
  // Scheduled again, then sent now: the second send replaces the first, it never adds one.
  await composer.getByRole('button', { name: 'Send later…' }).click();
  await composer.getByRole('group', { name: 'Send later' }).getByRole('button', { name: 'Schedule' }).click();
  await expect.poll(() => liveRows(page, 'Later message')).toEqual(['scheduled']);
  await openOutbox(page);
  await outboxRow(page, 'Later message', 'Scheduled').getByRole('button', { name: 'Send now' }).click();
  await expect(outboxRow(page, 'Later message', 'Sent')).toBeVisible({ timeout: 20_000 });
  const deliveries = await sandboxDeliveries(app);
  expect(deliveries).toHaveLength(1);
  expect(deliveries[0]?.text).toContain('See you on Thursday. Edited.');
});
