import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { connectAccounts, queuePickedFiles } from '../composer-helpers.js';

const personal = { label: 'Personal', from: { name: 'Ann Example', email: 'ann@example.com' }, settings: { provider: 'sandbox' as const }, signatureHtml: '<p>Ann</p>' };
const billing = { label: 'Billing', from: { email: 'billing@example.com' }, settings: { provider: 'rebilly' as const, organizationId: 'acme' }, secret: 'sk_test_a11y_0001' };

/** Serious and critical violations, each as "rule: target, target" so a failure names them. */
async function seriousViolations(page: Page, include: string, skipRules: string[] = []): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include(include)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .disableRules(skipRules)
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Known and reported, in the accounts feature's files: the sidebar's account buttons and
 * "Make default" carry an aria-label that does not contain their visible text, so a
 * voice-control user saying what they see cannot press them. Remove this once fixed.
 */
const ACCOUNTS_KNOWN = ['label-content-name-mismatch'];

test('the composer, filled in, has no serious or critical accessibility violation', async ({ app }) => {
  test.skip(app.harness === null, 'Files are queued for the dialog through the harness.');
  const { page } = app;
  await connectAccounts(page, [personal]);
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  const to = composer.getByLabel('To', { exact: true });
  await to.fill('Bea Lee <bea@example.org>');
  await to.press('Enter');
  await to.fill('broken@');
  await to.press('Enter');
  await composer.getByRole('button', { name: 'Add Cc' }).click();
  await composer.getByRole('button', { name: 'Add Bcc' }).click();
  await composer.getByLabel('Cc', { exact: true }).fill('cid@example.net');
  await composer.getByLabel('Subject').fill('Accessible');
  const file = path.join(app.dataDir, 'notes.txt');
  await writeFile(file, 'notes\n');
  await queuePickedFiles(app, [file]);
  await composer.getByRole('button', { name: 'Attach files' }).click();
  await expect(composer.getByRole('list', { name: 'Attachments' }).getByRole('listitem')).toHaveCount(1);
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type('Hello');
  await page.keyboard.press('ControlOrMeta+k');
  await expect(composer.getByLabel('Link address')).toBeFocused();
  await composer.getByLabel('Link address').fill('javascript:alert(1)');

  expect(await seriousViolations(page, 'main')).toEqual([]);
  // The whole window around it too (the sidebar), less the accounts feature's known issue.
  expect(await seriousViolations(page, 'body', ACCOUNTS_KNOWN)).toEqual([]);
});

test('the Accounts screen and its add form have no serious or critical accessibility violation', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [personal, billing]);
  await page.getByRole('button', { name: 'Manage accounts' }).click();
  await expect(page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem')).toHaveCount(2);
  expect(await seriousViolations(page, 'body', ACCOUNTS_KNOWN)).toEqual([]);
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('button', { name: /^Unipile/ }).click();
  await page.getByLabel('From address').fill('support@northwind');
  expect(await seriousViolations(page, 'body', ACCOUNTS_KNOWN)).toEqual([]);
});

/** The accessible name of what has focus, or null once focus has left the composer. */
function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || !el.closest('section[aria-label="New message"]')) return null;
    const labelled = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent;
    return (labelled ?? '').trim();
  });
}

test('Tab walks To, Subject, the toolbar, the body; arrows reach every tool', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [personal]);
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  // A valid recipient and a subject, so Send is enabled (a disabled button takes no focus).
  await composer.getByLabel('To', { exact: true }).fill('bea@example.org');
  await composer.getByLabel('Subject').fill('Order of fields');
  await composer.getByRole('button', { name: 'Add Cc' }).click();
  await composer.getByLabel('From').focus();

  const visited: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const name = await focusedName(page);
    if (name === null) break;
    visited.push(name);
  }
  // The chip's remove button, the inputs, the toolbar as one stop, the body, the footer.
  expect(visited).toEqual(['Remove bea@example.org', 'To', 'Add Bcc', 'Merge fields', 'Cc', 'Subject', 'Bold', 'Message body', 'Send', 'Send later…', 'Attach files', 'Preview request']);

  // Inside the toolbar the arrow keys go round every enabled tool.
  await composer.getByRole('button', { name: 'Bold' }).focus();
  const tools: string[] = [];
  for (let i = 0; i < 30; i++) {
    const name = await focusedName(page);
    if (name === null || tools.includes(name)) break;
    tools.push(name);
    await page.keyboard.press('ArrowRight');
  }
  const toolbar = composer.getByRole('toolbar', { name: 'Formatting' });
  const enabled = await toolbar.getByRole('button').evaluateAll((buttons) => buttons.filter((b) => !(b as HTMLButtonElement).disabled).map((b) => b.getAttribute('aria-label')));
  expect(tools).toEqual(enabled);
  expect(tools).toContain('Clear formatting');
  // The stop stays where the person left it: Shift+Tab from the body comes back to that tool.
  const last = toolbar.getByRole('button', { name: enabled.at(-1) ?? '', exact: true });
  await page.keyboard.press('End');
  await expect(last).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(composer.getByRole('textbox', { name: 'Message body' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(last).toBeFocused();
});
