import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../fixtures.js';

// The drafts UI comes later; this drives the page's own window.mailer over the real bridge.
test('a page attaches a picked file and saves a draft; it never sees a path, and the list is announced', async ({ app }) => {
  test.skip(app.harness === null, 'The browser\u2019s own file chooser is the harness\u2019s; Electron shows its native dialog.');
  const { page, dataDir } = app;
  await expect(page.getByTestId('app-version')).toBeVisible();
  // Inside the test's data folder so it goes with it; the app copies it under attachments/.
  const original = path.join(dataDir, 'home', 'report.txt');
  await mkdir(path.dirname(original), { recursive: true });
  await writeFile(original, 'quarterly report');
  const chooser = page.waitForEvent('filechooser');
  const evaluated = page.evaluate(async () => {
    const mailer = window.mailer!;
    const announced = new Promise<unknown>((resolve) => {
      const stop = mailer.on('drafts:changed', (list) => {
        stop();
        resolve(list);
      });
    });
    const picked = await mailer.attachments.pick();
    if (!picked.ok) return { picked };
    const saved = await mailer.drafts.save({
      content: {
        accountId: null,
        to: [{ email: 'ann@' }],
        cc: [],
        bcc: [],
        subject: 'Report',
        doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Attached.' }] }] },
        showCc: false,
        showBcc: false,
        attachments: picked.value,
      },
    });
    return { picked, saved, announced: await announced };
  });
  await (await chooser).setFiles(original);
  const outcome = await evaluated;
  expect(outcome.picked).toEqual({ ok: true, value: [{ token: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/), filename: 'report.txt', mimeType: 'text/plain', size: 16 }] });
  expect(outcome.saved).toMatchObject({ ok: true, value: { revision: 1 } });
  expect(outcome.announced).toEqual([expect.objectContaining({ subject: 'Report', recipients: 'ann@', snippet: 'Attached.', lastError: null })]);
});
