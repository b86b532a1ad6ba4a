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
    window.mailer!.on('menu:command', (command) => seen.push(['menu:command', command]));
    window.mailer!.on('compose:open', (request) => seen.push(['compose:open', request.to, request.subject]));
  });
  // A link that arrived before the page listened waits for compose:pending.
  harness.core.compose.openMailto('mailto:ann@x.io?subject=Before');
  const pending = await page.evaluate(() => window.mailer!.compose.pending());
  expect(pending).toEqual({ ok: true, value: [expect.objectContaining({ to: [{ email: 'ann@x.io' }], subject: 'Before', notice: null })] });
  harness.core.compose.openMailto('mailto:bob@y.org?subject=After');
  harness.core.bus.emit('menu:command', 'send');
  await expect.poll(() => page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([
    ['compose:open', [{ email: 'bob@y.org' }], 'After'],
    ['menu:command', 'send'],
  ]);
});
