import { expect, test } from '../fixtures.js';
import { connectAccounts } from '../composer-helpers.js';
import { noUndoDelay, openSent } from '../sent-helpers.js';

const sandbox = { label: 'Sandbox', from: { name: 'Sandbox', email: 'sandbox@example.com' }, settings: { provider: 'sandbox' as const }, signatureHtml: '<p>Ann Lee · Finance</p>' };

test('Sent and Drafts say things once and in words: snippets, the account, the quote header, Delete message', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandbox]);
  await noUndoDelay(page);
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  await page.keyboard.type('Bea Lee <bea@example.org>');
  await page.keyboard.press('Enter');
  await composer.getByLabel('Subject').fill('Quarter words');
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type('- Revenue is up');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Costs are down');
  // The draft's snippet is what was written, not the signature.
  const drafts = page.getByRole('list', { name: 'Drafts list' });
  await expect(drafts.getByRole('button', { name: /^Quarter words/ })).toContainText('Revenue is up Costs are down');
  await expect(drafts.getByRole('button', { name: /^Quarter words/ })).not.toContainText('Finance');
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composer.getByLabel('Subject')).toHaveValue('');

  await openSent(page);
  const row = page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Quarter words/ });
  await expect(row).toContainText('Revenue is up Costs are down');
  await expect(row).not.toContainText('*');
  await row.click();
  const thread = page.getByRole('region', { name: 'Quarter words' });
  const card = thread.getByRole('article');
  await expect(card.getByRole('button', { name: 'Delete message', exact: true })).toBeVisible();
  await expect(card.getByRole('definition').filter({ hasText: 'Sandbox' })).toHaveText('Sandbox');

  await thread.getByRole('button', { name: 'Reply', exact: true }).click();
  const body = page.getByRole('region', { name: 'New message' }).getByRole('textbox', { name: 'Message body' });
  await expect(body).toContainText(/On \w{3}, \w{3} \d{1,2}, \d{4} at \d{1,2}:\d{2} [AP]M, Sandbox <sandbox@example\.com> wrote:/);
  await expect(body).not.toContainText('GMT');
});
