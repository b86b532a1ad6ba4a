import { randomBytes } from 'node:crypto';
import { truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../fixtures.js';
import { connectAccounts, queuePickedFiles, sha256 } from '../composer-helpers.js';
import { openOutbox, outboxRow, setUndoDelay, simulatorAccount, writeMessage } from '../outbox-helpers.js';
import { startUnipile } from '../vendors/unipile/simulator.js';

test('in the browser, Attach files opens the browser\'s own file chooser; the chosen bytes reach the vendor whole', async ({ app }) => {
  test.skip(app.harness === null, 'Electron shows its native dialog instead.');
  const { page } = app;
  const sim = await startUnipile();
  try {
    const account = simulatorAccount('unipile', sim);
    await connectAccounts(page, [account]);
    await setUndoDelay(page, 0);
    // Several chunks' worth, with every byte value: nothing may be lost or re-encoded on the way.
    const report = randomBytes(3 * 1024 * 1024 + 4321);
    const reportPath = path.join(app.dataDir, 'quarterly report.pdf');
    await writeFile(reportPath, report);
    const emptyPath = path.join(app.dataDir, 'empty.txt');
    await writeFile(emptyPath, '');

    await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'Bea Lee <bea@example.org>', subject: 'Quarterly report', body: 'Hello Bea, the report is attached.' }, queuePickedFiles);
    const composer = page.getByRole('region', { name: 'New message' });

    // What the page hears while the bytes travel: the composer shows it as "Attaching … of …".
    await page.evaluate(() => {
      const heard: unknown[] = [];
      Object.assign(window, { heardProgress: heard });
      window.mailer!.on('attachments:progress', (progress) => heard.push(progress));
    });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), composer.getByRole('button', { name: 'Attach files' }).click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([reportPath, emptyPath]);
    // A 0-byte file is asked about, as with the app's own dialog.
    const question = page.getByRole('alertdialog', { name: 'Empty file' });
    await expect(question).toContainText('“empty.txt” is empty — attach it anyway?');
    await question.getByRole('button', { name: 'Don’t attach' }).click();
    const attachments = composer.getByRole('list', { name: 'Attachments' }).getByRole('listitem');
    await expect(attachments).toHaveCount(1);
    await expect(attachments.first()).toContainText('quarterly report.pdf');

    const heard = (await page.evaluate(() => (window as unknown as { heardProgress: { filename: string; received: number; size: number }[] }).heardProgress)).filter((p) => p.filename === 'quarterly report.pdf');
    expect(heard.length).toBe(4);
    expect(heard.at(-1)).toEqual({ filename: 'quarterly report.pdf', received: report.length, size: report.length });
    await expect(composer.getByRole('status').filter({ hasText: /^Attaching/ })).toHaveCount(0);

    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    await openOutbox(page);
    await expect(outboxRow(page, 'Quarterly report', 'Accepted')).toBeVisible({ timeout: 15_000 });
    const files = sim.requests[0]?.files ?? [];
    expect(files.map((f) => ({ filename: f.filename, size: f.size, sha256: f.sha256 }))).toEqual([{ filename: 'quarterly report.pdf', size: report.length, sha256: sha256(report) }]);
  } finally {
    await sim.close();
  }
});

test('in the browser, a file over the picker\'s limit is refused before its bytes are sent, in the app\'s words', async ({ app }) => {
  test.skip(app.harness === null, 'Electron shows its native dialog instead.');
  const { page } = app;
  await connectAccounts(page, [{ label: 'Try-out', from: { email: 'ann@sandbox.example.com' }, settings: { provider: 'sandbox' } }]);
  const huge = path.join(app.dataDir, 'backup.zip');
  await writeFile(huge, '');
  // Sparse: 101 MB on paper, nothing on disk; the refusal comes from its size alone.
  await truncate(huge, 101 * 1024 * 1024);
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), composer.getByRole('button', { name: 'Attach files' }).click()]);
  await chooser.setFiles(huge);
  await expect(composer.getByText('"backup.zip" is 101 MB; files over 100 MB cannot be attached. Share it through a link instead.')).toBeVisible();
  await expect(composer.getByRole('list', { name: 'Attachments' })).toHaveCount(0);
});
