import { connectAccounts, saveDraft } from '../composer-helpers.js';
import { expect, test } from '../fixtures.js';

const DRAFTS = 120;
const personal = { label: 'Personal', from: { email: 'ann@example.com' }, settings: { provider: 'sandbox' as const, timeoutMs: 30_000 }, signatureHtml: '' };

test('with many drafts the newest opens at start, and the oldest is reached by scrolling the list and opens', async ({ app }) => {
  test.skip(app.harness === null, 'Reopening the window goes through the harness URL.');
  const { page } = app;
  await connectAccounts(page, [personal]);
  const saved = await page.evaluate(async (count) => {
    const accounts = await window.mailer!.accounts.list();
    if (!accounts.ok) return accounts.error.message;
    const account = accounts.value.accounts[0];
    for (let i = 0; i < count; i++) {
      const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Body of draft ${i}` }] }] };
      const result = await window.mailer!.drafts.save({
        content: { accountId: account?.id ?? null, to: [{ email: `p${i}@example.org` }], cc: [], bcc: [], subject: `Draft number ${i}`, doc, showCc: false, showBcc: false, attachments: [] },
      });
      if (!result.ok) return result.error.message;
    }
    return 'ok';
  }, DRAFTS);
  expect(saved).toBe('ok');

  await page.reload();
  const composer = page.getByRole('region', { name: 'New message' });
  await expect(composer.getByLabel('Subject')).toHaveValue(`Draft number ${DRAFTS - 1}`);
  await expect(composer.getByRole('textbox', { name: 'Message body' })).toHaveText(`Body of draft ${DRAFTS - 1}`);

  const list = page.getByRole('list', { name: 'Drafts list' });
  const oldest = list.getByRole('button', { name: /^Draft number 0\b/ });
  // The list grows as its end comes into view, as a person scrolls it.
  await expect(async () => {
    await list.getByRole('listitem').last().scrollIntoViewIfNeeded();
    await expect(oldest).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(list.getByRole('listitem')).toHaveCount(DRAFTS);
  await oldest.click();
  await expect(composer.getByLabel('Subject')).toHaveValue('Draft number 0');
  await expect(composer.getByRole('textbox', { name: 'Message body' })).toHaveText('Body of draft 0');
});

test('a key typed at start while the newest draft is still on its way is kept, and that draft stays in the list', async ({ app }) => {
  test.skip(app.harness === null, 'The bridge is the harness WebSocket here.');
  const { page } = app;
  await connectAccounts(page, [personal]);
  await saveDraft(page, 'Earlier draft', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Written yesterday' }] }] });

  // The draft's own answer arrives late, as on a slow disk: the person is already typing.
  const slow = new Set<number>();
  await page.routeWebSocket(/\/bridge\?/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      if (typeof message === 'string') {
        const request = JSON.parse(message) as { id?: number; channel?: string };
        if (request.channel === 'drafts:newest' && typeof request.id === 'number') slow.add(request.id);
      }
      server.send(message);
    });
    server.onMessage((message) => {
      const id = typeof message === 'string' ? (JSON.parse(message) as { id?: number }).id : undefined;
      if (id !== undefined && slow.has(id)) setTimeout(() => socket.send(message), 1_500);
      else socket.send(message);
    });
  });
  await page.reload();
  const composer = page.getByRole('region', { name: 'New message' });
  const body = composer.getByRole('textbox', { name: 'Message body' });
  await body.click();
  await page.keyboard.type('Typed at once');
  await expect.poll(() => slow.size).toBeGreaterThan(0);
  await page.waitForTimeout(2_000);
  await expect(body).toHaveText('Typed at once');
  await expect(composer.getByLabel('Subject')).toHaveValue('');
  await expect(page.getByRole('list', { name: 'Drafts list' }).getByRole('button', { name: /^Earlier draft/ })).toBeVisible();
});

test('a draft reopened at start is shown as it was saved: a web address in it is not made a link on opening', async ({ app }) => {
  test.skip(app.harness === null, 'Reopening the window goes through the harness URL.');
  const { page } = app;
  await connectAccounts(page, [personal]);
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  await saveDraft(page, 'With an address', { type: 'doc', content: [paragraph('The report is at https://example.com/q3 '), paragraph('Thanks, Ann')] });

  await page.reload();
  const body = page.getByRole('region', { name: 'New message' }).getByRole('textbox', { name: 'Message body' });
  await expect(body).toContainText('The report is at https://example.com/q3');
  await expect(body.getByRole('link')).toHaveCount(0);
  // Typing after it is an edit: the address typed before a space becomes a link then, as it always did.
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' see https://example.org/next ');
  await expect(body.getByRole('link', { name: 'https://example.org/next' })).toBeVisible();
});
