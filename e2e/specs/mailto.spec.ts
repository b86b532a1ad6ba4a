import { connectAccounts } from '../composer-helpers.js';
import { expect, test } from '../fixtures.js';

const personal = { label: 'Personal', from: { name: 'Ann Example', email: 'ann@example.com' }, settings: { provider: 'sandbox' as const, timeoutMs: 30_000 }, signatureHtml: '<p>Ann — signature</p>' };

const LINK = 'mailto:bea@example.org,cid@example.net?cc=dee@example.com&subject=Caf%C3%A9%20on%20Friday&body=Hi%20both%2C%0D%0A%0D%0AShall%20we%20meet%20at%205%3F%0D%0ABring%20the%20notes.&in-reply-to=%3Cx%40y%3E';

test.describe('started with a mailto: link', () => {
  test.use({ launch: { mailto: LINK } });

  test('the composer opens with the link’s recipients, subject and body', async ({ app }) => {
    const { page } = app;
    // A first start has no account: the link waits in the composer until one is connected.
    await connectAccounts(page, [personal]);
    const composer = page.getByRole('region', { name: 'New message' });
    await expect(composer.getByRole('list', { name: 'To recipients' }).getByRole('listitem')).toHaveText([/bea@example\.org/, /cid@example\.net/]);
    await expect(composer.getByRole('list', { name: 'Cc recipients' }).getByRole('listitem')).toHaveText([/dee@example\.com/]);
    await expect(composer.getByLabel('Subject')).toHaveValue('Café on Friday');
    const body = composer.getByRole('textbox', { name: 'Message body' });
    const paragraphs = body.locator('> p');
    await expect(paragraphs).toHaveCount(2);
    await expect(paragraphs.first()).toHaveText('Hi both,');
    expect(await paragraphs.nth(1).innerText()).toBe('Shall we meet at 5?\nBring the notes.');
    // The account's signature follows the text, as on any new message.
    await expect(body.getByText('Ann — signature')).toBeVisible();
    await expect(composer.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  });
});

test.describe('started with a malformed mailto: link', () => {
  test.use({ launch: { mailto: 'mailto:bea@example.org?subject=%E2%82' } });

  test('an empty composer opens with a notice that says why', async ({ app }) => {
    const { page } = app;
    await connectAccounts(page, [personal]);
    const composer = page.getByRole('region', { name: 'New message' });
    await expect(composer.getByText(/A mail link could not be opened: .+/)).toBeVisible();
    await expect(composer.getByRole('list', { name: 'To recipients' })).toHaveCount(0);
    await expect(composer.getByLabel('Subject')).toHaveValue('');
    await expect(composer.getByRole('textbox', { name: 'Message body' })).toHaveText('Ann — signature');
  });
});

test('a link opened while a message is being written keeps that message as a draft', async ({ app }) => {
  test.skip(app.harness === null, 'Hands a link to the running app from outside the page, which only the harness allows.');
  const { page, harness } = app;
  if (!harness) return;
  await connectAccounts(page, [personal]);
  const composer = page.getByRole('region', { name: 'New message' });
  await composer.getByLabel('Subject').fill('Started before the link');
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type('Words I typed');

  harness.core.compose.openMailto('mailto:zed@example.org?subject=From%20a%20link&cc=bad%40');
  await expect(composer.getByLabel('Subject')).toHaveValue('From a link');
  await expect(composer.getByRole('list', { name: 'To recipients' }).getByRole('listitem')).toHaveText([/zed@example\.org/, /bad@/]);
  // The recipient that is not an address is kept for fixing, with a sentence about it.
  await expect(composer.getByText(/not an email address/)).toBeVisible();
  const drafts = page.getByRole('list', { name: 'Drafts list' });
  await expect(drafts.getByRole('button', { name: /^Started before the link/ })).toBeVisible();
  await drafts.getByRole('button', { name: /^Started before the link/ }).click();
  await expect(composer.getByRole('textbox', { name: 'Message body' })).toContainText('Words I typed');
  // The link's message was saved too, so going back to the typed one lost nothing of it either.
  await expect(drafts.getByRole('button', { name: /^From a link/ })).toBeVisible();
});
