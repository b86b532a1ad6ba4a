import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectAccounts, pasteText, queuePickedFiles, sandboxDeliveries } from '../composer-helpers.js';
import { expect, test } from '../fixtures.js';

const personal = { label: 'Personal', from: { name: 'Ann Example', email: 'ann@example.com' }, settings: { provider: 'sandbox' as const, timeoutMs: 30_000 }, signatureHtml: '' };

test.describe('opened from a link whose display name is another address', () => {
  test.use({ launch: { mailto: 'mailto:%22support@bank.com%22%20%3Cattacker@evil.com%3E' } });

  test('the chip shows the real address beside the name', async ({ app }) => {
    await connectAccounts(app.page, [personal]);
    const chip = app.page.getByRole('region', { name: 'New message' }).getByRole('list', { name: 'To recipients' }).getByRole('listitem');
    await expect(chip).toHaveCount(1);
    await expect(chip).toContainText('support@bank.com <attacker@evil.com>');
  });
});

test('a typed or pasted address becomes exactly that address, or says why not', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [personal]);
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  const to = composer.getByLabel('To', { exact: true });
  const chips = composer.getByRole('list', { name: 'To recipients' }).getByRole('listitem');
  await to.fill('javascript:alert(1)@x.io');
  await to.press('Enter');
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toContainText('javascript:alert(1)@x.io');
  await expect(chips.first()).toContainText('has a character an address cannot contain (:)');
  await pasteText(to, 'ann@example.com\r\nBcc: evil@x.io');
  await expect(chips).toHaveCount(2);
  await expect(chips.nth(1)).toContainText('holds a line break and a second header (Bcc:)');
  await expect(composer.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
});

test('an empty file is asked about, and a name hiding its type shows it', async ({ app }) => {
  test.skip(app.harness === null, 'Files are queued for the dialog through the harness.');
  const { page } = app;
  await connectAccounts(page, [personal]);
  const folder = await mkdtemp(path.join(tmpdir(), 'composer-files-'));
  test.info().attach('files', { body: folder });
  const empty = path.join(folder, 'empty.txt');
  const disguised = path.join(folder, 'invoice 🧾 \u202Efdp.exe');
  await writeFile(empty, '');
  await writeFile(disguised, 'MZ not really a pdf');
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  const files = composer.getByRole('list', { name: 'Attachments' }).getByRole('listitem');

  await queuePickedFiles(app, [empty, disguised]);
  await composer.getByRole('button', { name: 'Attach files' }).click();
  const question = page.getByRole('alertdialog', { name: 'Empty file' });
  await expect(question).toContainText('“empty.txt” is empty — attach it anyway?');
  await question.getByRole('button', { name: 'Don’t attach' }).click();
  await expect(question).toHaveCount(0);
  await expect(files).toHaveCount(1);
  await expect(files.first()).toContainText('invoice 🧾 ⟨RLO⟩fdp.exe');
  await expect(files.first().getByRole('note')).toHaveText('Its name hides its type: this is a .exe file.');

  // Asked again, the answer is yes: the empty file goes with the message.
  await queuePickedFiles(app, [empty]);
  await composer.getByRole('button', { name: 'Attach files' }).click();
  await question.getByRole('button', { name: 'Attach anyway' }).click();
  await expect(files).toHaveCount(2);

  await composer.getByLabel('To', { exact: true }).fill('bea@example.org');
  await composer.getByLabel('Subject').fill('Invoice\u202Eexe.pdf\u2028Bcc: evil@x.io');
  await expect(composer.getByLabel('Subject')).toHaveValue('Invoice\u202Eexe.pdf Bcc: evil@x.io');
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type('Here it is.');
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(async () => (await sandboxDeliveries(app)).length, { timeout: 15_000 }).toBe(1);
  const [sent] = await sandboxDeliveries(app);
  expect(sent?.attachments.map((a) => a.size).sort()).toEqual([0, 19]);
  await page.getByRole('navigation', { name: 'Mailboxes' }).getByRole('button', { name: 'Sent' }).click();
  await expect(page.getByRole('list', { name: 'Sent threads' })).toContainText('Invoice⟨RLO⟩exe.pdf Bcc: evil@x.io');
  await rm(folder, { recursive: true, force: true });
});
