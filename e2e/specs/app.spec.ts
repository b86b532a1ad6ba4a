import { expect, test } from '../fixtures.js';
import { channelNames } from '../../shared/ipc.js';

test('opens the main window with the app and where its data lives', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('main-window')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Write once, send through the API you already use' })).toBeVisible();
  // The sender cards come from main's provider registry, so what they say is what send() enforces.
  const senders = page.getByLabel('Supported senders');
  await expect(senders.getByRole('listitem')).toHaveCount(6);
  await expect(senders.getByRole('button', { name: 'Add a Rollout account' })).toContainText('No Bcc');
  await expect(senders.getByRole('button', { name: 'Add a Unipile account' })).toContainText('Attachments up to 25 MB');
  await expect(senders.getByRole('button', { name: 'Add a Sandbox account' })).toBeVisible();
  // The footer is filled from main over the bridge, so this proves app:info round-trips.
  await expect(page.getByTestId('app-version')).toHaveText(/^Composer \d+\.\d+\.\d+$/);
  await expect(page.getByLabel('About this app')).toContainText(app.dataDir);
  await expect(page).toHaveTitle('Composer');
});

test('the page cannot reach Node and sees only the contract on window.mailer', async ({ app }) => {
  const reach = await app.page.evaluate(() => {
    const scope = globalThis as Record<string, unknown>;
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      ipcRenderer: typeof scope.ipcRenderer,
      mailerKeys: Object.keys(window.mailer ?? {}).sort(),
      notifyKeys: Object.keys((window.mailer as unknown as Record<string, object>).notices ?? {}).sort(),
    };
  });
  expect(reach).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    ipcRenderer: 'undefined',
    // One entry per contract domain, derived so a new channel does not need this list edited.
    mailerKeys: [...new Set(channelNames.map((channel) => channel.split(':')[0])), 'on'].sort(),
    notifyKeys: ['dismiss', 'list'],
  });
});

test('a malformed request from the page gets a clear error instead of an answer', async ({ app }) => {
  const result = await app.page.evaluate(() =>
    (window.mailer as unknown as { notices: { dismiss(input: unknown): Promise<unknown> } }).notices.dismiss({ id: 42 }),
  );
  expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_input', message: expect.stringContaining('notices:dismiss was malformed') } });
});

test('a notice from main appears at once and goes away when dismissed', async ({ app }) => {
  test.skip(app.harness === null, 'Main posts notices on its own in Electron; the test hook lives in the harness.');
  const { page, harness } = app;
  await expect(page.getByTestId('app-version')).toBeVisible();
  const response = await page.request.post(`${harness!.origin}/__test/notice?token=${harness!.token}`, {
    data: { id: 'store-repaired', level: 'warning', text: 'Your drafts file was damaged; a copy was kept and a new one started.' },
  });
  expect(response.status()).toBe(204);
  const notice = page.getByRole('alert').filter({ hasText: 'Your drafts file was damaged' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toHaveCount(0);
});
