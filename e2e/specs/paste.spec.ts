import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { connectAccounts } from '../composer-helpers.js';

const sandbox = { label: 'Personal', from: { email: 'ann@example.com' }, settings: { provider: 'sandbox' as const }, signatureHtml: '' };
const rebilly = { label: 'Billing', from: { email: 'billing@example.com' }, settings: { provider: 'rebilly' as const, organizationId: 'acme' }, secret: 'sk_test_paste_0001', signatureHtml: '' };
const wordSample = path.resolve(import.meta.dirname, '../../renderer/features/composer/fixtures/word-paste.html');

/** Delivers a paste the way the system clipboard would: these types, and these files. */
async function paste(target: Locator, data: { html?: string; text?: string; files?: { name: string; type: string; bytes: number[] }[] }): Promise<void> {
  await target.evaluate((element, input) => {
    const transfer = new DataTransfer();
    if (input.html !== undefined) transfer.setData('text/html', input.html);
    if (input.text !== undefined) transfer.setData('text/plain', input.text);
    for (const file of input.files ?? []) transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

async function openComposer(page: Page): Promise<{ composer: Locator; body: Locator }> {
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  const body = composer.getByRole('textbox', { name: 'Message body' });
  await body.click();
  return { composer, body };
}

// A PNG's signature and the start of its header: enough for a file the page calls an image.
const PNG_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

test('a Word fragment keeps its heading, bold, link and nested lists; scripts, styles and handlers are dropped', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandbox]);
  const { body } = await openComposer(page);
  const word = (await readFile(wordSample, 'utf8'))
    .replace('<!--StartFragment-->', '<!--StartFragment--><script>window.__pasteRan = "script"</script><img src="x" onerror="window.__pasteRan = \'onerror\'">')
    .replace('Costs flat', '<a href="javascript:window.__pasteRan=\'link\'">Costs flat</a><style>body { display: none }</style>');
  await paste(body, { html: word, text: 'Quarterly report' });

  await expect(body.getByRole('heading', { name: 'Quarterly report' })).toBeVisible();
  await expect(body.locator('strong', { hasText: 'key figures' })).toBeVisible();
  await expect(body.getByRole('link', { name: 'the full report' })).toHaveAttribute('href', 'https://intranet.example.com/q3');
  // Word's list paragraphs became real lists: a bullet list with a nested one, and a numbered list.
  await expect(body.locator('ul > li', { hasText: 'Revenue up 12%' }).locator('ul > li', { hasText: 'Mostly in Europe' })).toBeVisible();
  await expect(body.locator('ol > li')).toHaveText(['Approve the budget', 'Hire two engineers']);
  await expect(body).toContainText('Costs flat');
  await expect(body.locator('script, style, img, iframe, table, [style*="mso"], [class^="Mso"], [onerror]')).toHaveCount(0);
  await expect(body.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pasteRan?: string }).__pasteRan ?? null)).toBeNull();
  await expect(page.locator('body')).toBeVisible();
});

test('Ctrl+Shift+V pastes the clipboard as plain text; Ctrl+V keeps its formatting', async ({ app }) => {
  test.skip(app.harness === null, 'The clipboard is filled through Chromium permissions granted to the harness page.');
  const { page } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await connectAccounts(page, [sandbox]);
  const { body } = await openComposer(page);
  const html = '<p><strong>Loud</strong> and <a href="https://example.com">linked</a></p><ul><li><p>item</p></li></ul>';
  await page.evaluate(
    (copied) =>
      navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([copied], { type: 'text/html' }), 'text/plain': new Blob(['Loud and linked\nitem'], { type: 'text/plain' }) }),
      ]),
    html,
  );
  await page.keyboard.press('ControlOrMeta+Shift+V');
  await expect(body).toContainText('Loud and linked');
  await expect(body.locator('strong, a, ul, li')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+V');
  await expect(body.locator('strong', { hasText: 'Loud' })).toHaveCount(1);
  await expect(body.getByRole('link', { name: 'linked' })).toHaveAttribute('href', 'https://example.com/');
  await expect(body.locator('ul > li', { hasText: 'item' })).toHaveCount(1);
});

test('a pasted image becomes an attachment on the sandbox and a clear message on Rebilly', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [sandbox, rebilly]);
  const { composer, body } = await openComposer(page);
  await composer.getByLabel('From').selectOption({ label: 'Personal — ann@example.com' });
  await body.click();
  await paste(body, { files: [{ name: 'screenshot.png', type: 'image/png', bytes: PNG_BYTES }] });
  const attachments = composer.getByRole('list', { name: 'Attachments' }).getByRole('listitem');
  await expect(attachments).toHaveCount(1);
  await expect(attachments.first()).toContainText('screenshot.png');
  await expect(attachments.first()).toContainText('29 bytes');
  // The image went to the attachment list, not into the body.
  await expect(body.locator('img')).toHaveCount(0);
  await composer.getByRole('button', { name: 'Remove attachment screenshot.png' }).click();

  await composer.getByLabel('From').selectOption({ label: 'Billing — billing@example.com' });
  await expect(composer.getByRole('button', { name: 'Attach files' })).toBeDisabled();
  await body.click();
  await paste(body, { files: [{ name: 'screenshot.png', type: 'image/png', bytes: PNG_BYTES }] });
  await expect(composer.getByText('Rebilly cannot send attached files. Choose another account to attach files.')).toBeVisible();
  await expect(composer.getByRole('list', { name: 'Attachments' })).toHaveCount(0);
  await expect(body.locator('img')).toHaveCount(0);
});
