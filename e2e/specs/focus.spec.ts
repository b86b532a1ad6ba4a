import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { connectAccounts } from '../composer-helpers.js';
import { noUndoDelay, openSent, writeAndSend } from '../sent-helpers.js';

const sandbox = { label: 'Try-out', from: { name: 'Ann Example', email: 'ann@sandbox.example.com' }, settings: { provider: 'sandbox' as const }, signatureHtml: '' };
const composerOf = (page: Page) => page.getByRole('region', { name: 'New message' });

test('New message and New draft put the caret in To; × on a chip leaves it in the field', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandbox]);
  const composer = composerOf(page);
  await page.getByRole('button', { name: 'New message' }).click();
  const to = composer.getByLabel('To', { exact: true });
  await expect(to).toBeFocused();
  await page.keyboard.type('bea@example.org, cid@example.org,');
  await composer.getByRole('button', { name: 'Remove bea@example.org' }).click();
  await expect(to).toBeFocused();
  await expect(composer.getByRole('list', { name: 'To recipients' }).getByRole('listitem')).toHaveText([/cid@example\.org/]);
  await composer.getByLabel('Subject').fill('Focus check');
  await page.getByRole('region', { name: 'Drafts' }).getByRole('button', { name: 'New draft' }).click();
  await expect(composer.getByLabel('Subject')).toHaveValue('');
  await expect(to).toBeFocused();
});

test('Tab from Subject goes to the body; the toolbar is one stop before it, with arrow keys inside', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandbox]);
  const composer = composerOf(page);
  await page.getByRole('button', { name: 'New message' }).click();
  await composer.getByLabel('Subject').fill('Keyboard only');
  await composer.getByLabel('Subject').press('Tab');
  const body = composer.getByRole('textbox', { name: 'Message body' });
  await expect(body).toBeFocused();
  await page.keyboard.type('Typed without the mouse.');
  await expect(body).toContainText('Typed without the mouse.');
  await page.keyboard.press('Shift+Tab');
  const toolbar = composer.getByRole('toolbar', { name: 'Formatting' });
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
  // One Tab stop: Tab leaves the toolbar for the body.
  await page.keyboard.press('Tab');
  await expect(body).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(toolbar.getByRole('button', { name: 'Italic' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(composer.getByLabel('Subject')).toBeFocused();
});

test('Ctrl+Enter with an invalid recipient says why and moves focus to that chip', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandbox]);
  const composer = composerOf(page);
  await page.getByRole('button', { name: 'New message' }).click();
  await page.keyboard.type('bea@example.org, carl@example,');
  await composer.getByLabel('Subject').fill('Invalid one');
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type('Hello.');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Not sent: “carl@example” has no domain ending' })).toBeAttached();
  await expect(composer.getByRole('listitem', { name: /^carl@example has no domain/ })).toBeFocused();
  // Delete on the focused chip removes it; then Send can go.
  await page.keyboard.press('Delete');
  await expect(composer.getByLabel('To', { exact: true })).toBeFocused();
  await expect(composer.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
});

test('Reply and Reply all put the caret in the body above the quote', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandbox]);
  await noUndoDelay(page);
  await writeAndSend(page, 'Bea Buyer <bea@acme.example>, cid@acme.example', 'Focus thread', 'The original words.');
  await openSent(page);
  await page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Focus thread/ }).click();
  const thread = page.getByRole('region', { name: 'Focus thread' });
  for (const action of ['Reply', 'Reply all']) {
    await thread.getByRole('button', { name: action, exact: true }).click();
    const body = composerOf(page).getByRole('textbox', { name: 'Message body' });
    await expect(body).toBeFocused();
    await page.keyboard.type(`Typed after ${action}.`);
    await expect(body.locator('p').first()).toHaveText(`Typed after ${action}.`);
    await expect(body.locator('blockquote')).toContainText('The original words.');
    await openSent(page);
    await page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Focus thread/ }).click();
  }
});

test('first start: New message leads to the choices, Drafts is not highlighted, a provider card opens its form', async ({ app }) => {
  const { page } = app;
  const mailboxes = page.getByRole('navigation', { name: 'Mailboxes' });
  await expect(page.getByRole('heading', { name: 'Write once, send through the API you already use' })).toBeVisible();
  await expect(mailboxes.getByRole('button', { name: 'Drafts' })).not.toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'New message' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'To write a message, first try the sandbox or connect an account.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try the sandbox' })).toBeFocused();

  await page.getByRole('list', { name: 'Supported senders' }).getByRole('button', { name: 'Add a Unipile account' }).click();
  await expect(page.getByRole('heading', { name: 'Add a Unipile account' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('button', { name: /^Stuut/ }).click();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await mailboxes.getByRole('button', { name: 'Drafts' }).click();
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(composerOf(page).getByLabel('To', { exact: true })).toBeFocused();
  await expect(mailboxes.getByRole('button', { name: 'Drafts' })).toHaveAttribute('aria-current', 'page');
});
