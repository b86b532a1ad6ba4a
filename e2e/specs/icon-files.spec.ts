import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectAccounts } from '../composer-helpers.js';
import { expect, test, type AppUnderTest } from '../fixtures.js';

const personal = { label: 'Personal', from: { name: 'Ann Example', email: 'ann@example.com' }, settings: { provider: 'sandbox' as const, timeoutMs: 30_000 }, signatureHtml: '' };

/** Plays files dropped on the dock or taskbar icon (harness only): main copies them and tells the page. */
async function dropOnIcon(app: AppUnderTest, paths: string[]): Promise<void> {
  const { harness } = app;
  if (!harness) throw new Error('Dropping files on the icon from a spec needs the harness.');
  const response = await app.page.request.post(`${harness.origin}/__test/icon-files?token=${harness.token}`, { data: { paths } });
  if (response.status() !== 200) throw new Error(`The harness refused the dropped files: ${await response.text()}`);
}

let home = '';
test.beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'composer-icon-files-'));
});
test.afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

test('files dropped on the app icon are listed in the open composer, and one that vanished is named', async ({ app }) => {
  test.skip(app.harness === null, 'Plays a drop on the icon from outside the page, which only the harness allows.');
  const { page } = app;
  await connectAccounts(page, [personal]);
  // Start elsewhere: the drop brings the composer forward.
  await page.getByRole('button', { name: 'Manage accounts' }).click();
  const report = path.join(home, 'report.pdf');
  const numbers = path.join(home, 'numbers.csv');
  await writeFile(report, Buffer.alloc(3072));
  await writeFile(numbers, 'quarterly numbers\n');
  await dropOnIcon(app, [report, numbers]);

  const composer = page.getByRole('region', { name: 'New message' });
  const attachments = composer.getByRole('list', { name: 'Attachments' }).getByRole('listitem');
  await expect(attachments).toHaveText([/report\.pdf\s*3 KB/, /numbers\.csv\s*18 bytes/]);

  await dropOnIcon(app, [path.join(home, 'gone.txt')]);
  await expect(composer).toContainText('"gone.txt" could not be read');
  await expect(attachments).toHaveCount(2);
});

test('files dropped on the icon are refused, with the composer’s sentence, when the provider takes none', async ({ app }) => {
  test.skip(app.harness === null, 'Plays a drop on the icon from outside the page, which only the harness allows.');
  const { page } = app;
  const rollout = {
    label: 'CRM',
    from: { name: 'Ann', email: 'ann@crm.example.com' },
    settings: { provider: 'rollout' as const, baseUrl: 'https://crm.universal.rollout.com/api', credentialId: 'cred_1', timeoutMs: 30_000 },
    signatureHtml: '',
    secret: 'rollout-secret-key-0001',
  };
  await connectAccounts(page, [rollout]);
  const composer = page.getByRole('region', { name: 'New message' });
  await expect(composer.getByLabel('From')).toHaveValue(/.+/);
  const file = path.join(home, 'invoice.pdf');
  await writeFile(file, 'pdf');
  await dropOnIcon(app, [file]);
  await expect(composer).toContainText('cannot send attached files. Choose another account to attach files.');
  await expect(composer.getByRole('list', { name: 'Attachments' }).getByRole('listitem')).toHaveCount(0);
});
