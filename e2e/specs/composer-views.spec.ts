import { connectAccounts } from '../composer-helpers.js';
import { expect, test } from '../fixtures.js';

const personal = { label: 'Personal', from: { email: 'ann@example.com' }, settings: { provider: 'sandbox' as const }, signatureHtml: '<p>Ann — signature</p>' };

test('the message being written is still there after a visit to the Outbox and Accounts', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [personal]);
  const composer = page.getByRole('region', { name: 'New message' });
  const body = composer.getByRole('textbox', { name: 'Message body' });
  await expect(body).toContainText('Ann — signature');
  await composer.getByLabel('Subject').fill('Before a visit');
  await body.click();
  await page.keyboard.type('Words typed before');
  await page.getByRole('button', { name: 'Outbox' }).click();
  await page.getByRole('button', { name: 'Drafts' }).click();
  await expect(body).toContainText('Words typed before');
  await page.getByRole('button', { name: 'Manage accounts' }).click();
  await page.getByRole('button', { name: 'Drafts' }).click();
  await expect(composer.getByLabel('Subject')).toHaveValue('Before a visit');
  await expect(body).toContainText('Words typed before');
  // One signature, not one more per visit.
  await expect(body.getByText('Ann — signature')).toHaveCount(1);

  // Typing on saves the whole text: the draft, opened afresh, has both parts.
  await body.getByText('Words typed before').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' and after');
  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(composer.getByLabel('Subject')).toHaveValue('');
  await page.getByRole('list', { name: 'Drafts list' }).getByRole('button', { name: /^Before a visit/ }).click();
  await expect(body).toContainText('Words typed before and after');
});
