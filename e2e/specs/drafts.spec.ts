import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';
import { connectAccounts, queuePickedFiles, sandboxDeliveries, sha256 } from '../composer-helpers.js';
import { startHarnessProcess } from '../harness-process.js';
import { expect, test } from '../fixtures.js';
import { startStuut } from '../vendors/stuut/simulator.js';

const personal = { label: 'Personal', from: { email: 'ann@example.com' }, settings: { provider: 'sandbox' as const, timeoutMs: 30_000 }, signatureHtml: '' };

function composerOf(page: Page) {
  return page.getByRole('region', { name: 'New message' });
}

async function writeDraft(page: Page, to: string, subject: string, body: string): Promise<void> {
  const composer = composerOf(page);
  await composer.getByLabel('To', { exact: true }).fill(to);
  await composer.getByLabel('To', { exact: true }).press('Enter');
  await composer.getByLabel('Subject').fill(subject);
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type(body);
}

async function saved(page: Page): Promise<void> {
  await expect(composerOf(page).getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
}

test('a draft is there after the window is closed and opened again', async ({ app }) => {
  test.skip(app.harness === null, 'Reopening the window goes through the harness URL.');
  const { page } = app;
  await connectAccounts(page, [personal]);
  await page.getByRole('button', { name: 'New message' }).click();
  await writeDraft(page, 'Bea Lee <bea@example.org>', 'Plans for May', 'The venue is booked for the 14th.');
  await composerOf(page).getByRole('button', { name: 'Add Cc' }).click();
  await saved(page);
  await page.close();

  const again = await app.page.context().newPage();
  await again.goto(app.harness!.url);
  const composer = composerOf(again);
  await expect(composer.getByLabel('Subject')).toHaveValue('Plans for May');
  await expect(composer.getByRole('list', { name: 'To recipients' })).toContainText('Bea Lee');
  await expect(composer.getByRole('textbox', { name: 'Message body' })).toHaveText('The venue is booked for the 14th.');
  await expect(composer.getByLabel('Cc', { exact: true })).toBeVisible();
  await expect(again.getByRole('list', { name: 'Drafts list' }).getByRole('listitem')).toHaveCount(1);
});

test('killing the process mid-typing loses at most the last second', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-e2e-kill-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    let harness = await startHarnessProcess(dataDir);
    let page = await (await browser.newContext()).newPage();
    await page.goto(harness.url);
    await connectAccounts(page, [personal]);
    await page.getByRole('button', { name: 'New message' }).click();
    await composerOf(page).getByRole('textbox', { name: 'Message body' }).click();

    // Type without a pause, noting when each character went in; kill the process mid-word.
    const text = 'Typing steadily without any pause so that autosave must save while the keys keep coming in';
    const typedAt: number[] = [];
    for (const char of text.slice(0, 70)) {
      await page.keyboard.type(char);
      typedAt.push(Date.now());
      await page.waitForTimeout(40); // a typist's pace, not a wait for the app
    }
    await harness.kill();
    const killedAt = Date.now();
    const mustSurvive = typedAt.filter((at) => at <= killedAt - 1_000).length;

    harness = await startHarnessProcess(dataDir);
    page = await (await browser.newContext()).newPage();
    await page.goto(harness.url);
    const body = composerOf(page).getByRole('textbox', { name: 'Message body' });
    await expect(body).toContainText(text.slice(0, Math.max(1, mustSurvive)));
    const restored = (await body.innerText()).trim();
    expect(text.startsWith(restored)).toBe(true);
    expect(restored.length).toBeGreaterThanOrEqual(mustSurvive);
    await harness.stop();
  } finally {
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('two drafts edited in turn never leak into each other', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [personal]);
  await page.getByRole('button', { name: 'New message' }).click();
  await writeDraft(page, 'alpha@example.org', 'Alpha', 'first draft text');
  await saved(page);
  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(composerOf(page).getByLabel('Subject')).toHaveValue('');
  await writeDraft(page, 'beta@example.org', 'Beta', 'second draft text');
  await saved(page);

  const list = page.getByRole('list', { name: 'Drafts list' });
  const body = composerOf(page).getByRole('textbox', { name: 'Message body' });
  for (let round = 0; round < 2; round++) {
    await list.getByRole('button', { name: /^Alpha/ }).click();
    await expect(composerOf(page).getByLabel('Subject')).toHaveValue('Alpha');
    await body.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(` a${round}`);
    await list.getByRole('button', { name: /^Beta/ }).click();
    await expect(composerOf(page).getByLabel('Subject')).toHaveValue('Beta');
    await body.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(` b${round}`);
  }
  await saved(page);
  await expect(body).toHaveText('second draft text b0 b1');
  await list.getByRole('button', { name: /^Alpha/ }).click();
  await expect(body).toHaveText('first draft text a0 a1');
  await expect(composerOf(page).getByRole('list', { name: 'To recipients' })).toContainText('alpha@example.org');
  await expect(composerOf(page).getByRole('list', { name: 'To recipients' })).not.toContainText('beta');
});

test('an attachment survives its original being deleted and arrives intact', async ({ app }) => {
  test.skip(app.harness === null, 'Files are queued for the dialog through the harness.');
  const { page } = app;
  await connectAccounts(page, [personal]);
  await page.evaluate(() => window.mailer!.outbox.setSettings({ undoDelayMs: 0 }));
  await page.getByRole('button', { name: 'New message' }).click();
  await writeDraft(page, 'bea@example.org', 'The report', 'Here it is, attached.');
  const original = path.join(app.dataDir, 'report.pdf');
  const bytes = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7) % 256));
  await writeFile(original, bytes);
  await queuePickedFiles(app, [original]);
  await composerOf(page).getByRole('button', { name: 'Attach files' }).click();
  await expect(composerOf(page).getByRole('list', { name: 'Attachments' }).getByRole('listitem')).toHaveCount(1);
  await saved(page);
  await rm(original);

  await composerOf(page).getByRole('button', { name: 'Send', exact: true }).click();
  await expect.poll(() => sandboxDeliveries(app), { timeout: 15_000 }).toHaveLength(1);
  const [delivered] = await sandboxDeliveries(app);
  expect(delivered?.attachments).toEqual([{ filename: 'report.pdf', mimeType: 'application/pdf', size: bytes.length, sha256: sha256(bytes) }]);
  // Sent: the draft goes.
  await expect(page.getByRole('list', { name: 'Drafts list' }).getByRole('listitem')).toHaveCount(0);
});

test('a failed send keeps the draft whole, with the reason on it', async ({ app }) => {
  const stuut = await startStuut();
  try {
    const { page } = app;
    await connectAccounts(page, [
      { label: 'Stuut', from: { email: 'ann@example.com' }, settings: { provider: 'stuut', baseUrl: stuut.url, emailSender: 'sndr_test', timeoutMs: 30_000 }, signatureHtml: '', secret: stuut.info.token ?? '' },
    ]);
    await page.evaluate(() => window.mailer!.outbox.setSettings({ undoDelayMs: 0 }));
    stuut.injectFault({ kind: 'status', status: 500, body: { error: { type: 'server_error', message: 'Mailbox backend down' } } });
    await page.getByRole('button', { name: 'New message' }).click();
    await writeDraft(page, 'bea@example.org', 'Will fail', 'Every word of this stays.');
    await composerOf(page).getByRole('button', { name: 'Send', exact: true }).click();

    const row = page.getByRole('list', { name: 'Drafts list' }).getByRole('listitem');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Not sent:');
    await row.getByRole('button', { name: /^Will fail/ }).click();
    const composer = composerOf(page);
    await expect(composer.getByLabel('Subject')).toHaveValue('Will fail');
    await expect(composer.getByRole('textbox', { name: 'Message body' })).toHaveText('Every word of this stays.');
    await expect(composer.getByRole('alert').filter({ hasText: 'The last attempt to send this draft failed' })).toBeVisible();
  } finally {
    await stuut.close();
  }
});

test('an earlier version can be looked at and restored', async ({ app }) => {
  const { page } = app;
  await connectAccounts(page, [personal]);
  await page.getByRole('button', { name: 'New message' }).click();
  await writeDraft(page, 'bea@example.org', 'Versions', 'The long first version of this text, worth keeping around.');
  // "Saved" may still name a save made mid-typing: the drafts list shows the whole text once it is on disk.
  const listed = page.getByRole('list', { name: 'Drafts list' }).getByRole('button', { name: /^Versions/ });
  await expect(listed).toContainText('worth keeping around.');
  // Deleting most of it is a large deletion: the version before it is always kept.
  const body = composerOf(page).getByRole('textbox', { name: 'Message body' });
  await body.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Short.');
  await expect(body).toHaveText('Short.');
  // "Saved" may still be the earlier save's: the drafts list shows the new text once it is on disk.
  await expect(listed).toContainText('Short.');

  await composerOf(page).getByRole('button', { name: 'Versions' }).click();
  const panel = page.getByRole('dialog', { name: 'Versions of this draft' });
  await panel.getByRole('button', { name: /worth keeping/ }).click();
  await expect(panel.getByLabel('Version text')).toHaveText('The long first version of this text, worth keeping around.');
  await panel.getByRole('button', { name: 'Restore this version' }).click();
  await expect(body).toHaveText('The long first version of this text, worth keeping around.');
});

test('two windows on one draft: the later save is told, nothing is overwritten, and Keep both keeps both', async ({ app }) => {
  test.skip(app.harness === null, 'A second window opens the harness URL.');
  const { page } = app;
  await connectAccounts(page, [personal]);
  await page.getByRole('button', { name: 'New message' }).click();
  await writeDraft(page, 'bea@example.org', 'Shared plan', 'First line.');
  await saved(page);

  const other = await page.context().newPage();
  await other.goto(app.harness!.url);
  await expect(composerOf(other).getByLabel('Subject')).toHaveValue('Shared plan');

  // This window saves first…
  await composerOf(page).getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Edited here.');
  await saved(page);
  // …so the other window's save is refused, and it is told.
  await composerOf(other).getByRole('textbox', { name: 'Message body' }).click();
  await other.keyboard.press('ControlOrMeta+End');
  await other.keyboard.type(' Edited there.');
  const conflict = composerOf(other).getByRole('alert').filter({ hasText: 'changed in another window' });
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Keep both' }).click();
  await expect(conflict).toHaveCount(0);

  const list = other.getByRole('list', { name: 'Drafts list' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const stored = await other.evaluate(async () => {
    const drafts = await window.mailer!.drafts.list();
    return drafts.ok ? drafts.value.map((d) => d.snippet).sort() : [];
  });
  expect(stored).toEqual(['First line. Edited here.', 'First line. Edited there.']);
  // And the other window can open the first one, with the first window's edit in it.
  await list.getByRole('listitem').filter({ hasText: 'Edited here.' }).getByRole('button', { name: /^Shared plan/ }).click();
  await expect(composerOf(other).getByRole('textbox', { name: 'Message body' })).toHaveText('First line. Edited here.');
});
