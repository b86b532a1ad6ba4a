import { expect, test } from '../fixtures.js';
import { connectAccounts } from '../composer-helpers.js';
import { openOutbox } from '../outbox-helpers.js';

const sandbox = { label: 'Try-out', from: { email: 'ann@sandbox.example.com' }, settings: { provider: 'sandbox' as const }, signatureHtml: '' };

test('Settings gathers sending, composing, notifications and this computer; the sidebar, Ctrl+, and the menu open it', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandbox]);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('region', { name: 'Settings' });
  for (const group of ['Sending', 'Composing', 'Notifications', 'This computer']) {
    await expect(settings.getByRole('heading', { name: group, level: 2 })).toBeVisible();
  }
  await expect(settings.getByRole('region', { name: 'Sending' }).getByLabel('Undo send delay in seconds')).toBeVisible();
  await expect(settings.getByRole('region', { name: 'Composing' }).getByRole('region', { name: 'Spellcheck languages' })).toBeVisible();
  await expect(settings.getByRole('region', { name: 'Notifications' }).getByRole('checkbox', { name: 'Notify me when a message is sent' })).toBeVisible();
  await expect(settings.getByRole('region', { name: 'This computer' }).getByRole('region', { name: 'Default mail app' })).toBeVisible();

  // A change is kept: the undo delay set here is the outbox's.
  await settings.getByLabel('Undo send delay in seconds').selectOption('20');
  await expect.poll(async () => page.evaluate(async () => {
    const result = await window.mailer!.outbox.getSettings();
    return result.ok ? result.value.undoDelayMs : null;
  })).toBe(20_000);

  // Not scattered any more: the Outbox and Accounts no longer carry them.
  await openOutbox(page);
  await expect(page.getByLabel('Undo send delay in seconds')).toHaveCount(0);
  await page.getByRole('button', { name: 'Manage accounts' }).click();
  await expect(page.getByRole('region', { name: 'Spellcheck languages' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Default mail app' })).toHaveCount(0);

  await page.keyboard.press('ControlOrMeta+Comma');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  if (app.harness) {
    await openOutbox(page);
    app.harness.core.bus.emit('menus:command', 'settings');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  }
});
