import type { Page } from '@playwright/test';
import { connectAccounts } from '../composer-helpers.js';
import { expect, test } from '../fixtures.js';
import { noUndoDelay, openSent } from '../sent-helpers.js';

// Undo belongs to the message being written: opening another one never hands it the last one's history.
const personal = { label: 'Personal', from: { email: 'ann@example.com' }, settings: { provider: 'sandbox' as const, timeoutMs: 30_000 }, signatureHtml: '<p>Ann from Personal</p>' };

function composerOf(page: Page) {
  return page.getByRole('region', { name: 'New message' });
}

function bodyOf(page: Page) {
  return composerOf(page).getByRole('textbox', { name: 'Message body' });
}

function undoButton(page: Page) {
  return composerOf(page).getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Undo' });
}

async function writeDraft(page: Page, subject: string, body: string): Promise<void> {
  await composerOf(page).getByLabel('Subject').fill(subject);
  await bodyOf(page).click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type(body);
  await expect(composerOf(page).getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
}

test.beforeEach(async ({ app }) => {
  await connectAccounts(app.page, [personal]);
  await app.page.getByRole('button', { name: 'New message' }).click();
});

test('a new draft starts with Undo disabled, and Ctrl+Z cannot bring back the previous draft', async ({ app }) => {
  const { page } = app;
  await writeDraft(page, 'Alpha', 'Alpha body the reader must never see twice');
  await expect(undoButton(page)).toBeEnabled();

  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(composerOf(page).getByLabel('Subject')).toHaveValue('');
  await expect(bodyOf(page)).toContainText('Ann from Personal');
  await expect(undoButton(page)).toBeDisabled();

  await bodyOf(page).click();
  for (let press = 0; press < 5; press++) await page.keyboard.press('ControlOrMeta+z');
  await expect(bodyOf(page)).not.toContainText('Alpha body');
  // The signature came with the new message; it is not an edit to take back.
  await expect(bodyOf(page)).toContainText('Ann from Personal');
  await page.keyboard.press('Tab'); // blur: autosave flushes now if it thinks anything changed
  await page.waitForTimeout(1_500); // longer than autosave's one-second promise, so a stray save would have landed
  const drafts = page.getByRole('list', { name: 'Drafts list' }).getByRole('listitem');
  await expect(drafts).toHaveCount(1);
  await expect(drafts.first()).toContainText('Alpha');
});

test('opening a draft starts its own history: Ctrl+Z leaves its body as saved', async ({ app }) => {
  const { page } = app;
  await writeDraft(page, 'Alpha', 'Alpha body');
  await page.getByRole('button', { name: 'New draft' }).click();
  await writeDraft(page, 'Beta', 'Beta body');

  await page.getByRole('list', { name: 'Drafts list' }).getByRole('button', { name: /^Alpha/ }).click();
  await expect(composerOf(page).getByLabel('Subject')).toHaveValue('Alpha');
  await expect(bodyOf(page)).toContainText('Alpha body');
  await expect(undoButton(page)).toBeDisabled();
  await bodyOf(page).click();
  await page.keyboard.press('ControlOrMeta+z');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(bodyOf(page)).toContainText('Alpha body');
  await expect(bodyOf(page)).not.toContainText('Beta body');

  // What is typed in this draft is still undoable, and only back to how it was opened.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' more');
  await expect(undoButton(page)).toBeEnabled();
  await undoButton(page).click();
  await expect(bodyOf(page)).not.toContainText('more');
  await expect(bodyOf(page)).toContainText('Alpha body');
  await expect(undoButton(page)).toBeDisabled();
});

test('leaving the composer and coming back does not make the restored text undoable', async ({ app }) => {
  const { page } = app;
  await writeDraft(page, 'Gamma', 'Gamma body');
  const mailboxes = page.getByRole('navigation', { name: 'Mailboxes' });
  await mailboxes.getByRole('button', { name: /^Outbox/ }).click();
  await mailboxes.getByRole('button', { name: 'Drafts' }).click();
  await expect(bodyOf(page)).toContainText('Gamma body');
  await expect(undoButton(page)).toBeDisabled();
  await bodyOf(page).click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(bodyOf(page)).toContainText('Gamma body');
});

test('a reply opened from Sent starts with Undo disabled; Ctrl+Z keeps the quoted message', async ({ app }) => {
  const { page } = app;
  await noUndoDelay(page);
  await writeDraft(page, 'Delta', 'Delta body to quote');
  await composerOf(page).getByLabel('To', { exact: true }).fill('bea@example.org');
  await composerOf(page).getByLabel('To', { exact: true }).press('Enter');
  await composerOf(page).getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composerOf(page).getByLabel('Subject')).toHaveValue('');
  await openSent(page);
  await page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Delta/ }).click();
  await page.getByRole('region', { name: 'Delta' }).getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(composerOf(page).getByLabel('Subject')).toHaveValue('Re: Delta');
  await expect(bodyOf(page).locator('blockquote')).toContainText('Delta body to quote');
  await expect(undoButton(page)).toBeDisabled();
  await bodyOf(page).click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(bodyOf(page).locator('blockquote')).toContainText('Delta body to quote');
});
