import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures.js';
import { connectAccounts } from '../composer-helpers.js';

const billing = { label: 'Billing', from: { email: 'billing@sandbox.example.com' }, settings: { provider: 'sandbox' as const }, signatureHtml: '' };
const sales = { label: 'Sales', from: { email: 'sales@sandbox.example.com' }, settings: { provider: 'sandbox' as const }, signatureHtml: '' };

test('Templates screen: write a snippet, rename it, edit its body, filter by account, delete and undo', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [billing, sales]);
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  const screen = page.getByRole('region', { name: 'Templates' });
  await expect(screen.getByText('No template or snippet yet.')).toBeVisible();

  await screen.getByRole('button', { name: 'New snippet' }).click();
  await screen.getByRole('textbox', { name: 'Name', exact: true }).fill('Sign-off');
  await screen.getByLabel('Offered for').selectOption({ label: 'Billing' });
  await screen.getByRole('textbox', { name: 'Body of snippet' }).click();
  await page.keyboard.type('Kind regards, {{sender_name | "the billing team"}}');
  await screen.getByRole('button', { name: 'Save snippet' }).click();
  const list = screen.getByRole('list', { name: 'Templates and snippets' });
  await expect(list.getByRole('listitem', { name: 'Sign-off' })).toContainText('Kind regards, {{sender_name | "the billing team"}}');

  // A second one, for every account.
  await screen.getByRole('button', { name: 'New snippet' }).click();
  await screen.getByRole('textbox', { name: 'Name', exact: true }).fill('Thanks');
  await screen.getByRole('textbox', { name: 'Body of snippet' }).click();
  await page.keyboard.type('Thanks for your order!');
  await screen.getByRole('button', { name: 'Save snippet' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await list.getByRole('button', { name: 'Rename Thanks' }).click();
  await screen.getByLabel('New name').fill('sign-off');
  await screen.getByRole('button', { name: 'Rename', exact: true }).click();
  // "Sign-off" is offered for Billing only, so "sign-off" for every account is another scope: allowed.
  await expect(list.getByRole('listitem', { name: 'sign-off', exact: true })).toBeVisible();
  await list.getByRole('button', { name: 'Edit sign-off', exact: true }).click();
  await screen.getByLabel('Offered for').selectOption({ label: 'Billing' });
  await screen.getByRole('button', { name: 'Save snippet' }).click();
  await expect(screen.getByRole('alert')).toContainText('already a template or snippet named “sign-off” for this account');
  // Nothing typed is lost: the editor is still open with the choice, and a new name saves it.
  await screen.getByRole('textbox', { name: 'Name', exact: true }).fill('Thank you');
  await screen.getByRole('textbox', { name: 'Body of snippet' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' See you soon.');
  await screen.getByRole('button', { name: 'Save snippet' }).click();
  await expect(list.getByRole('listitem', { name: 'Thank you' })).toContainText('Thanks for your order! See you soon.');

  // Filtering: those offered for Sales are the ones for every account (none now).
  await screen.getByLabel('Show').selectOption({ label: 'Those offered for Sales' });
  await expect(screen.getByText('None for this choice.')).toBeVisible();
  await screen.getByLabel('Show').selectOption({ label: 'Those offered for Billing' });
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // Delete, then Undo from the toast: it comes back, also after reopening the screen.
  await list.getByRole('button', { name: 'Delete Sign-off', exact: true }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Sent', exact: true }).click();
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Templates and snippets' }).getByRole('listitem')).toHaveCount(2);
});

test('the Templates screen, with a row being renamed and the editor open, has no serious or critical accessibility violation', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [billing]);
  await page.evaluate(() => window.mailer!.templates.save({ kind: 'template', name: 'Overdue', accountId: null, subject: 'Invoice {{invoice_number}}', html: '<p>Hello {{first_name}}</p>', cc: [{ email: 'ar@example.com' }], bcc: [], attachments: [] }));
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  const screen = page.getByRole('region', { name: 'Templates' });
  await screen.getByRole('button', { name: 'Rename Overdue' }).click();
  await screen.getByRole('button', { name: 'Edit Overdue' }).click();
  await expect(screen.getByLabel('Subject')).toHaveValue('Invoice {{invoice_number}}');
  const results = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});
