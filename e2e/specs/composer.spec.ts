import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../fixtures.js';
import { connectAccounts, nextFrame, pasteText, queuePickedFiles, sandboxDeliveries, sha256 } from '../composer-helpers.js';

const personal = { label: 'Personal', from: { name: 'Ann Example', email: 'ann@example.com' }, settings: { provider: 'sandbox' as const, timeoutMs: 30_000 }, signatureHtml: '<p>Ann — personal signature</p>' };
const work = { label: 'Work', from: { email: 'ann@work.example.com' }, settings: { provider: 'sandbox' as const, timeoutMs: 30_000 }, signatureHtml: '<p>Ann — work signature</p>' };
const rollout = {
  label: 'CRM',
  from: { name: 'Ann', email: 'ann@crm.example.com' },
  settings: { provider: 'rollout' as const, baseUrl: 'https://crm.universal.rollout.com/api', credentialId: 'cred_1', timeoutMs: 30_000 },
  signatureHtml: '',
  secret: 'rollout-secret-key-0001',
};

test('writes, attaches and sends a formatted message through the sandbox', async ({ app }) => {
  test.skip(app.harness === null, 'Files are queued for the dialog through the harness.');
  const { page } = app;
  await connectAccounts(page, [personal, work]);
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  await expect(composer.getByLabel('From')).toHaveValue(/.+/);
  await composer.getByLabel('From').selectOption({ label: 'Personal — ann@example.com' });

  // Recipients: typed, then a pasted list with one bad address that blocks Send until removed.
  const to = composer.getByLabel('To', { exact: true });
  await to.fill('Bea Lee <bea@example.org>');
  await to.press('Enter');
  await pasteText(to, 'cid@example.net; broken@, "Lee, Dee" <dee@example.com>');
  const chips = composer.getByRole('list', { name: 'To recipients' }).getByRole('listitem');
  await expect(chips).toHaveCount(4);
  const send = composer.getByRole('button', { name: 'Send', exact: true });
  await expect(send).toBeDisabled();
  await expect(composer.getByText('“broken@”', { exact: false }).first()).toBeVisible();
  await composer.getByRole('button', { name: 'Remove broken@' }).click();
  await expect(chips).toHaveCount(3);

  await composer.getByLabel('Subject').fill('Quarterly numbers');

  // Body: bold, a link and a nested list, typed the way a person would.
  const body = composer.getByRole('textbox', { name: 'Message body' });
  await body.click();
  await page.keyboard.type('Hello team');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
  // The editor takes a new selection from the browser's selectionchange event, a frame later.
  await nextFrame(page);
  await page.keyboard.press('ControlOrMeta+b');
  await expect(composer.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('End');
  await nextFrame(page);
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(', the report: ');
  await page.keyboard.press('ControlOrMeta+k');
  await composer.getByLabel('Link address').fill('example.com/report');
  await composer.getByRole('button', { name: 'Add link' }).click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('- first point');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('a detail');
  await expect(composer.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'false');

  // Two files from the dialog.
  const fileA = path.join(app.dataDir, 'numbers.csv');
  const fileB = path.join(app.dataDir, 'chart.bin');
  const bytesA = Buffer.from('quarter,revenue\nQ1,100\nQ2,140\n');
  const bytesB = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
  await writeFile(fileA, bytesA);
  await writeFile(fileB, bytesB);
  await queuePickedFiles(app, [fileA, fileB]);
  await composer.getByRole('button', { name: 'Attach files' }).click();
  await expect(composer.getByRole('list', { name: 'Attachments' }).getByRole('listitem')).toHaveCount(2);

  // Switching account swaps the signature (never stacks it) and keeps the body.
  await composer.getByLabel('From').selectOption({ label: 'Work — ann@work.example.com' });
  await expect(body).toContainText('Ann — work signature');
  await expect(body).not.toContainText('personal signature');
  await composer.getByLabel('From').selectOption({ label: 'Personal — ann@example.com' });
  await expect(body.getByText('Ann — personal signature')).toHaveCount(1);
  await expect(body).not.toContainText('work signature');
  await expect(body).toContainText('a detail');

  await send.click();
  await expect(page.getByRole('status').filter({ hasText: /^Sending to Bea Lee and 2 others through Sandbox/ })).toBeVisible();

  // The outbox holds it for the undo delay (5 s by default), then the worker sends it.
  await expect.poll(() => sandboxDeliveries(app), { timeout: 20_000 }).toHaveLength(1);
  const [delivered] = await sandboxDeliveries(app);
  expect(delivered?.to).toEqual([{ name: 'Bea Lee', email: 'bea@example.org' }, { email: 'cid@example.net' }, { name: 'Lee, Dee', email: 'dee@example.com' }]);
  expect(delivered?.subject).toBe('Quarterly numbers');
  expect(delivered?.html).toMatch(/<strong[^>]*>team<\/strong>/);
  expect(delivered?.html).toMatch(/<a href="https:\/\/example\.com\/report"[^>]*>example\.com\/report<\/a>/);
  expect(delivered?.html).toMatch(/<ul[^>]*>\s*<li[^>]*>.*first point.*<ul[^>]*>\s*<li[^>]*>.*a detail/s);
  expect(delivered?.html).toContain('Ann — personal signature');
  expect(delivered?.html).not.toContain('work signature');
  expect(delivered?.text).toContain('Hello team, the report: example.com/report <https://example.com/report>');
  expect(delivered?.text).toMatch(/\* first point\n\s+\* a detail/);
  expect(delivered?.attachments).toEqual([
    { filename: 'numbers.csv', mimeType: 'text/csv', size: bytesA.length, sha256: sha256(bytesA) },
    { filename: 'chart.bin', mimeType: 'application/octet-stream', size: bytesB.length, sha256: sha256(bytesB) },
  ]);
  // The composer starts over, ready for the next message.
  await expect(composer.getByLabel('Subject')).toHaveValue('');
});

test('refuses Cc through Rollout with its reason and says what each vendor drops', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [personal, rollout]);
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  await composer.getByLabel('From').selectOption({ label: 'CRM — ann@crm.example.com' });
  await composer.getByLabel('To', { exact: true }).fill('bea@example.org');
  await composer.getByLabel('Subject').click();
  await composer.getByRole('button', { name: 'Add Cc' }).click();
  const cc = composer.getByLabel('Cc', { exact: true });
  await cc.fill('cid@example.net');
  await cc.press('Enter');
  await expect(composer.getByText('Rollout cannot send Cc recipients. Remove them or choose another account.').first()).toBeVisible();
  await expect(composer.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  // Switching to an account that carries Cc lifts the refusal at once, with nothing retyped.
  await composer.getByLabel('From').selectOption({ label: 'Personal — ann@example.com' });
  await expect(composer.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  await expect(composer.getByRole('list', { name: 'Cc recipients' }).getByRole('listitem')).toHaveCount(1);
});

test('asks before sending without a subject or with a forgotten attachment', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [personal]);
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  await composer.getByLabel('To', { exact: true }).fill('bea@example.org');
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type('The contract is attached.');
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  const ask = page.getByRole('alertdialog', { name: 'Before sending' });
  await expect(ask).toContainText('no subject');
  await expect(ask).toContainText('You wrote “attached”, but nothing is attached.');
  await ask.getByRole('button', { name: 'Go back' }).click();
  await expect(ask).toHaveCount(0);
  expect(await sandboxDeliveries(app)).toEqual([]);
  await page.keyboard.press('ControlOrMeta+Enter');
  await page.getByRole('alertdialog', { name: 'Before sending' }).getByRole('button', { name: 'Send anyway' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Sending to bea@example.org through Sandbox/ })).toBeVisible();
  await expect.poll(() => sandboxDeliveries(app), { timeout: 20_000 }).toHaveLength(1);
});
