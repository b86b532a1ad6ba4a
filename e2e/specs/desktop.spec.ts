import { connectAccounts, sandboxDeliveries } from '../composer-helpers.js';
import { expect, test } from '../fixtures.js';

test('the page has an icon: the favicon it links and /favicon.ico are both served', async ({ app }) => {
  const { page } = app;
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBe('./favicon.svg');
  const svg = await page.request.get(new URL(href ?? '', page.url()).toString());
  expect(svg.status()).toBe(200);
  expect(svg.headers()['content-type']).toBe('image/svg+xml');
  expect(await svg.text()).toContain('#2f6fde');
  const ico = await page.request.get(new URL('/favicon.ico', page.url()).toString());
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toBe('image/x-icon');
});

test('menu commands and mailto: links reach the page through the contract', async ({ app }) => {
  test.skip(app.harness === null, 'Drives main from outside the page, which only the harness allows.');
  const { page, harness } = app;
  if (!harness) return;
  await page.evaluate(() => {
    const seen: unknown[] = [];
    (window as unknown as { seen: unknown[] }).seen = seen;
    window.mailer!.on('menus:command', (command) => seen.push(['menus:command', command]));
    window.mailer!.on('compose:open', (request) => seen.push(['compose:open', request.to, request.subject]));
  });
  // The window asked for the links that came before it listened as it started, so none are left.
  await expect(page.getByTestId('app-version')).toBeVisible();
  expect(await page.evaluate(() => window.mailer!.compose.pending())).toEqual({ ok: true, value: [] });
  harness.core.compose.openMailto('mailto:bob@y.org?subject=After');
  harness.core.bus.emit('menus:command', 'send');
  await expect.poll(() => page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([
    ['compose:open', [{ email: 'bob@y.org' }], 'After'],
    ['menus:command', 'send'],
  ]);
});

const personal = { label: 'Personal', from: { name: 'Ann Example', email: 'ann@example.com' }, settings: { provider: 'sandbox' as const, timeoutMs: 30_000 }, signatureHtml: '' };

test('the menu’s New message, Send and Save draft act on the composer', async ({ app }) => {
  test.skip(app.harness === null, 'Uses the menu from outside the page, which only the harness allows.');
  const { page, harness } = app;
  if (!harness) return;
  await connectAccounts(page, [personal]);
  await page.evaluate(() => window.mailer!.outbox.setSettings({ undoDelayMs: 0 }));
  const composer = page.getByRole('region', { name: 'New message' });
  const drafts = page.getByRole('list', { name: 'Drafts list' });

  // Save draft: the message is in the Drafts list; New message then starts an empty one.
  await composer.getByLabel('Subject').fill('Kept by the menu');
  harness.core.bus.emit('menus:command', 'save-draft');
  await expect(drafts.getByRole('button', { name: /^Kept by the menu/ })).toBeVisible();
  harness.core.bus.emit('menus:command', 'new-message');
  await expect(composer.getByLabel('Subject')).toHaveValue('');

  // Send from the menu, twice in a row: the same checks as the button, and one message goes out.
  const to = composer.getByLabel('To', { exact: true });
  await to.fill('bea@example.org');
  await to.press('Enter');
  await composer.getByLabel('Subject').fill('Sent from the menu');
  harness.core.bus.emit('menus:command', 'send');
  harness.core.bus.emit('menus:command', 'send');
  await expect(page.getByRole('status').filter({ hasText: /bea@example\.org|Bea/ })).toBeVisible();
  await expect.poll(() => sandboxDeliveries(app), { timeout: 20_000 }).toHaveLength(1);
  expect((await sandboxDeliveries(app))[0]?.subject).toBe('Sent from the menu');
  await expect(composer.getByLabel('Subject')).toHaveValue('');
});

test('the menu’s Send asks first when the subject is empty, like the button', async ({ app }) => {
  test.skip(app.harness === null, 'Uses the menu from outside the page, which only the harness allows.');
  const { page, harness } = app;
  if (!harness) return;
  await connectAccounts(page, [personal]);
  const composer = page.getByRole('region', { name: 'New message' });
  const to = composer.getByLabel('To', { exact: true });
  await to.fill('bea@example.org');
  await to.press('Enter');
  harness.core.bus.emit('menus:command', 'send');
  await expect(composer.getByRole('alertdialog', { name: 'Before sending' })).toContainText('no subject');
  expect(await sandboxDeliveries(app)).toEqual([]);
});

test('files dropped on the window are attached to the open message', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [personal]);
  const composer = page.getByRole('region', { name: 'New message' });
  await expect(composer.getByLabel('From')).toHaveValue(/.+/);
  // Dropped on the sidebar, away from the editor: the window itself takes the files.
  await page.getByRole('navigation', { name: 'Mailboxes' }).evaluate((target) => {
    const data = new DataTransfer();
    data.items.add(new File(['quarterly numbers\n'], 'numbers.csv', { type: 'text/csv' }));
    data.items.add(new File([new Uint8Array(2048)], 'photo.png', { type: 'image/png' }));
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  const attachments = composer.getByRole('list', { name: 'Attachments' }).getByRole('listitem');
  await expect(attachments).toHaveText([/numbers\.csv\s*18 bytes/, /photo\.png\s*2 KB/]);
});

test('Settings shows the Default mail app setting in the runtime’s own words', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const setting = page.getByRole('region', { name: 'Default mail app' });
  if (app.runtime === 'harness') {
    // A browser page cannot register for email links: it says so and offers no button.
    await expect(setting).toContainText('Only the installed Composer app can become your default mail app; this copy cannot.');
    await expect(setting.getByRole('button')).toHaveCount(0);
  } else {
    await expect(setting).toContainText(/Composer/);
  }
});

test('the menu’s Find in the Sent view opens Sent with its search box focused', async ({ app }) => {
  test.skip(app.harness === null, 'Uses the menu from outside the page, which only the harness allows.');
  const { page, harness } = app;
  if (!harness) return;
  await connectAccounts(page, [personal]);
  harness.core.bus.emit('menus:command', 'find-sent');
  await expect(page.getByRole('heading', { name: 'Sent', exact: true })).toBeVisible();
  await expect(page.getByLabel('Search sent mail')).toBeFocused();
});
