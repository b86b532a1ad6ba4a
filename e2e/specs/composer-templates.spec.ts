import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../fixtures.js';
import { connectAccounts } from '../composer-helpers.js';
import { setUndoDelay, simulatorAccount } from '../outbox-helpers.js';
import type { VendorSimulator } from '../vendors/kit/server.js';
import { startUnipile } from '../vendors/unipile/simulator.js';

let unipile: VendorSimulator;
test.beforeAll(async () => {
  unipile = await startUnipile();
});
test.afterAll(async () => {
  await unipile.close();
});
test.beforeEach(() => unipile.reset());

const field = (body: unknown, name: string) => ((body as Record<string, string[]>)[name] ?? []).join('');

test('a message saved as a template, picked with / by keyboard in a new message, sends individually with each recipient’s own first name', async ({ app }) => {
  test.setTimeout(90_000);
  const { page } = app;
  const account = simulatorAccount('unipile', unipile);
  await connectAccounts(page, [account]);
  await setUndoDelay(page, 0);

  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  await composer.getByLabel('From').selectOption({ label: `${account.label} — ${account.from.email}` });
  await composer.getByLabel('Subject').fill('Your order, {{first_name}}');
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type('Hi {{first_name}}, your order has shipped.');
  await composer.getByRole('button', { name: 'Save as template' }).click();
  const saveBar = composer.getByRole('dialog', { name: 'Save as template' });
  await expect(saveBar.getByLabel('Template name')).toHaveValue('Your order, {{first_name}}');
  await saveBar.getByLabel('Template name').fill('Shipping note');
  await saveBar.getByRole('button', { name: 'Save template' }).click();
  await expect(composer.getByText('Saved as template “Shipping note”.', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'New message' }).click();
  await expect(composer.getByLabel('Subject')).toHaveValue('');
  const to = composer.getByLabel('To', { exact: true });
  await to.fill('Bea Lee <bea@example.org>, Cy Ng <cy@acme.io>');
  await to.press('Enter');
  const body = composer.getByRole('textbox', { name: 'Message body' });
  await body.click();
  await page.keyboard.type('/shi');
  const list = page.getByRole('listbox', { name: 'Templates and snippets' });
  await expect(list.getByRole('option')).toHaveText([/Shipping note/]);
  await expect(list.getByRole('option', { name: /Shipping note/ })).toHaveAttribute('aria-selected', 'true');
  await expect(body).toHaveAttribute('aria-activedescendant', (await list.getByRole('option').first().getAttribute('id')) ?? 'none');
  // Escape closes the list and leaves what was typed, for the rest of that word; a new / opens it again.
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(body).toContainText('/shi');
  await page.keyboard.type('p');
  await expect(list).toHaveCount(0);
  for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(';SHIP');
  await expect(list).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(list).toHaveCount(0);
  await expect(composer.getByLabel('Subject')).toHaveValue('Your order, {{first_name}}');
  await expect(body).toContainText('Hi {{first_name}}, your order has shipped.');
  await expect(body).not.toContainText('SHIP');

  await composer.getByRole('checkbox', { name: 'Send individually' }).check();
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composer.getByText(/Queued: 2 separate messages/)).toBeVisible();
  await expect.poll(() => unipile.requests.length, { timeout: 30_000 }).toBe(2);
  const sent = unipile.requests.map((r) => [JSON.parse(field(r.body, 'to')).map((a: { identifier: string }) => a.identifier), field(r.body, 'subject'), field(r.body, 'body')]);
  expect(sent.map(([to, subject]) => [to, subject])).toEqual([
    [['bea@example.org'], 'Your order, Bea'],
    [['cy@acme.io'], 'Your order, Cy'],
  ]);
  expect(sent[0]?.[2]).toContain('Hi Bea, your order has shipped.');
  expect(sent[1]?.[2]).toContain('Hi Cy, your order has shipped.');
});

const sandbox = { label: 'Try-out', from: { email: 'ann@sandbox.example.com' }, settings: { provider: 'sandbox' as const }, signatureHtml: '<p>Ann from Try-out</p>' };

test('a snippet goes in at the caret; a template over written text asks first; the toolbar finds both; the signature stays', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandbox]);
  await page.evaluate(async () => {
    const none = { subject: '', cc: [], bcc: [], attachments: [] };
    await window.mailer!.templates.save({ kind: 'snippet', name: 'Sign-off', accountId: null, html: '<p>Kind regards, {{sender | "the team"}}</p>', ...none });
    await window.mailer!.templates.save({ kind: 'template', name: 'Renewal', accountId: null, html: '<p>Your plan renews soon.</p>', ...none, subject: 'Renewal for {{company}}', cc: [{ email: 'ar@example.com' }] });
  });
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  const body = composer.getByRole('textbox', { name: 'Message body' });
  await body.click();
  await page.keyboard.type('Thanks for the call. ');
  await page.keyboard.type('/');
  const list = page.getByRole('listbox', { name: 'Templates and snippets' });
  await expect(list.getByRole('option')).toHaveText([/Renewal/, /Sign-off/]);
  const axe = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { name: /Sign-off/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  // In the line where the caret was, not a paragraph of its own.
  await expect(body.locator('p').first()).toHaveText('Thanks for the call. Kind regards, {{sender | "the team"}}');
  await expect(body).toContainText('Ann from Try-out');

  // The toolbar's Insert finds the template; the body has text, so it asks first.
  await composer.getByRole('button', { name: 'Insert template or snippet' }).click();
  const bar = composer.getByRole('dialog', { name: 'Insert template or snippet' });
  await bar.getByRole('combobox', { name: 'Find' }).fill('ren');
  await expect(bar.getByRole('option')).toHaveText([/Renewal/]);
  await page.keyboard.press('Enter');
  const question = composer.getByRole('alertdialog', { name: 'Use template “Renewal”?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(body).toContainText('Thanks for the call.');
  await expect(composer.getByLabel('Subject')).toHaveValue('');

  await composer.getByRole('button', { name: 'Insert template or snippet' }).click();
  await bar.getByRole('option', { name: /Renewal/ }).click();
  await question.getByRole('button', { name: 'Replace the body' }).click();
  await expect(body).not.toContainText('Thanks for the call.');
  await expect(body).toContainText('Your plan renews soon.');
  await expect(body).toContainText('Ann from Try-out');
  await expect(composer.getByLabel('Subject')).toHaveValue('Renewal for {{company}}');
  await expect(composer.getByRole('button', { name: 'Remove ar@example.com' })).toBeVisible();
  // One Undo brings the written text back.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(body).toContainText('Thanks for the call. Kind regards');
});
