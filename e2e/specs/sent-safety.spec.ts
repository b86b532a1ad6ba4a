import AxeBuilder from '@axe-core/playwright';
import { connectAccounts } from '../composer-helpers.js';
import { expect, test } from '../fixtures.js';
import { noUndoDelay, openSent, startImageServer, writeAndSend } from '../sent-helpers.js';

const from = { name: 'Ann Sender', email: 'ann@northwind.example' };

test('a sent message with a script and a remote image: nothing runs, nothing is fetched until allowed, then once', async ({ app }) => {
  const { page } = app;
  const image = await startImageServer();
  try {
    await connectAccounts(page, [{ label: 'Sandbox', from, settings: { provider: 'sandbox' } }]);
    await noUndoDelay(page);
    await page.evaluate(() => {
      (window as unknown as { ran: string[] }).ran = [];
      window.addEventListener('message', (event) => (window as unknown as { ran: unknown[] }).ran.push(event.data));
    });
    const html = `<p>Quarterly tracking pixel test</p><script>parent.postMessage('script ran', '*')</script><img src="${image.url}" alt="logo" onerror="parent.postMessage('handler ran', '*')"><img src="x:broken" onerror="parent.postMessage('handler ran', '*')">`;
    const accounts = await page.evaluate(() => window.mailer!.accounts.list());
    if (!accounts.ok) throw new Error(accounts.error.message);
    const accountId = accounts.value.accounts[0]!.id;
    const submitted = await page.evaluate(
      (message) => window.mailer!.outbox.submit(message),
      { accountId, to: [{ email: 'cy@acme.example' }], cc: [], bcc: [], subject: 'Pixel check', html, text: 'Quarterly tracking pixel test', attachments: [] },
    );
    expect(submitted.ok).toBe(true);
    await openSent(page);
    await page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Pixel check/ }).click();
    const frameElement = page.getByTitle('Message: Pixel check');
    await expect(frameElement).toHaveAttribute('sandbox', '');
    const frame = page.frameLocator('iframe[title="Message: Pixel check"]');
    await expect(frame.getByText('Quarterly tracking pixel test')).toBeVisible();
    // The frame's base stylesheet applies (the app's policy allows it by hash).
    await expect(frame.locator('body')).toHaveCSS('padding-left', '16px');
    await expect(page.getByText('A remote image was not loaded')).toBeVisible();
    expect(image.hits()).toBe(0);

    await page.getByRole('button', { name: 'Show remote images' }).click();
    await expect(frame.getByRole('img', { name: 'logo' })).toHaveJSProperty('complete', true);
    await expect.poll(image.hits).toBe(1);
    await expect(frame.getByText('Quarterly tracking pixel test')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { ran: unknown[] }).ran)).toEqual([]);

    // Deleting the thread takes it out of the list; Undo brings it back.
    await page.getByRole('region', { name: 'Pixel check' }).getByRole('button', { name: 'Delete thread' }).click();
    const rows = page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Pixel check/ });
    await expect(page.getByText('Nothing sent yet.')).toBeVisible();
    await expect(rows).toHaveCount(0);
    await page.getByRole('status').filter({ hasText: 'Thread “Pixel check” deleted.' }).getByRole('button', { name: 'Undo' }).click();
    await expect(rows).toHaveCount(1);
  } finally {
    image.server.close();
  }
});

test('the Sent view with a thread open and a search has no serious or critical accessibility violation', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [{ label: 'Sandbox', from, settings: { provider: 'sandbox' } }]);
  await noUndoDelay(page);
  await writeAndSend(page, 'Bea Buyer <bea@acme.example>', 'Access check', 'A short note about the access review.');
  await openSent(page);
  await page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Access check/ }).click();
  await expect(page.getByRole('region', { name: 'Access check' }).getByRole('article')).toHaveCount(1);
  const check = async () => {
    const results = await new AxeBuilder({ page }).include('.sent')
      // The message frames run no script, so axe cannot run inside them (their contents are the sender's HTML),
      // and its helper page for frame results cannot open beside a sandboxed frame: legacy mode needs none.
      .options({ iframes: false })
      .setLegacyMode(true)
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  expect(await check()).toEqual([]);
  await page.getByRole('searchbox', { name: 'Search sent mail' }).fill('review');
  await expect(page.getByRole('list', { name: 'Search results' }).locator('mark')).toHaveText(['review']);
  expect(await check()).toEqual([]);
});
