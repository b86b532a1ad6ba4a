import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '../fixtures.js';
import { connectAccounts, queuePickedFiles, sandboxDeliveries, sha256 } from '../composer-helpers.js';
import { arrivedFiles, openOutbox, outboxRow, restartHarness, sandboxAccount, setUndoDelay, shownNotifications, simulatorAccount, simulatorsForSpec, writeMessage } from '../outbox-helpers.js';
import { startHarnessProcess, type HarnessProcess } from '../harness-process.js';
import { crmGatewaySent } from '../vendors/crm-gateway/simulator.js';
import type { VendorName } from '../vendors/all.js';

const sims = simulatorsForSpec();

/** Two files of awkward sizes: a small text one and a binary one past 64 KiB. */
async function twoFiles(dir: string) {
  const small = { name: 'terms.txt', bytes: Buffer.from('Payment within 30 days.\r\nThank you.\n') };
  const large = { name: 'scan.bin', bytes: Buffer.from(Array.from({ length: 70_001 }, (_, i) => (i * 37 + 11) % 256)) };
  for (const file of [small, large]) await writeFile(path.join(dir, file.name), file.bytes);
  return [small, large].map((f) => ({ path: path.join(dir, f.name), filename: f.name, size: f.bytes.length, sha256: sha256(f.bytes) }));
}

// Rollout, Rebilly and Stuut take no files (their capabilities say so and the composer refuses them): their messages go without.
const vendors: { vendor: VendorName; attaches: boolean }[] = [
  { vendor: 'rollout', attaches: false },
  { vendor: 'rebilly', attaches: false },
  { vendor: 'stuut', attaches: false },
  { vendor: 'unipile', attaches: true },
  { vendor: 'crm-gateway', attaches: true },
];

for (const { vendor, attaches } of vendors) {
  test(`composes, sends and shows sent through ${vendor}'s simulator${attaches ? ', every attachment arriving whole' : ''}`, async ({ app }) => {
    test.skip(app.harness === null, 'Files are queued for the dialog through the harness.');
    const { page } = app;
    const account = simulatorAccount(vendor, sims[vendor]);
    await connectAccounts(page, [account]);
    await setUndoDelay(page, 0);
    const files = attaches ? await twoFiles(app.dataDir) : [];
    const subject = `Invoice 1042 via ${vendor}`;
    await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'Bea Lee <bea@example.org>', subject, body: 'Hello Bea, here is the invoice.', files: files.map((f) => f.path) }, queuePickedFiles);
    await page.getByRole('region', { name: 'New message' }).getByRole('button', { name: 'Send', exact: true }).click();
    // With no undo delay the toast may already say it went.
    await expect(page.getByRole('status').filter({ hasText: /^(Sending|Sent) to Bea Lee through / })).toBeVisible();

    await openOutbox(page);
    // Rebilly, Stuut and Unipile take the message and send it later: the row says Accepted, not Sent.
    const settled = vendor === 'rebilly' || vendor === 'stuut' || vendor === 'unipile' ? 'Accepted' : 'Sent';
    await expect(outboxRow(page, subject, settled)).toBeVisible({ timeout: 15_000 });
    // Rebilly sends in two steps: the message as a draft, then a PATCH queueing that draft by id.
    expect(sims[vendor].requests.map((r) => r.method)).toEqual(vendor === 'rebilly' ? ['POST', 'PATCH'] : ['POST']);
    const request = sims[vendor].requests[0];
    expect(JSON.stringify(request?.body)).toContain('bea@example.org');
    expect(JSON.stringify(request?.body)).toContain(subject);
    expect(arrivedFiles(vendor, sims[vendor])).toEqual(files.map(({ filename, size, sha256: hash }) => ({ filename, size, sha256: hash })));
  });
}

test('composes, sends and shows sent through the sandbox, every attachment arriving whole', async ({ app }) => {
  test.skip(app.harness === null, 'Files are queued for the dialog through the harness.');
  const { page } = app;
  await connectAccounts(page, [sandboxAccount]);
  await setUndoDelay(page, 0);
  const notifyOnSent = page.getByRole('checkbox', { name: 'Notify me when a message is sent' });
  await expect(notifyOnSent).not.toBeChecked();
  await notifyOnSent.check();
  await expect(notifyOnSent).toBeChecked();
  const files = await twoFiles(app.dataDir);
  await writeMessage(app, { from: 'Try-out — ann@sandbox.example.com', to: 'bea@example.org', subject: 'Invoice 1042 via sandbox', body: 'Hello Bea.', files: files.map((f) => f.path) }, queuePickedFiles);
  await page.getByRole('region', { name: 'New message' }).getByRole('button', { name: 'Send', exact: true }).click();
  await openOutbox(page);
  await expect(outboxRow(page, 'Invoice 1042 via sandbox', 'Sent')).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => shownNotifications(app)).toEqual([{ title: 'Message sent', body: '“Invoice 1042 via sandbox” to bea@example.org was sent.' }]);
  const deliveries = await sandboxDeliveries(app);
  expect(deliveries).toHaveLength(1);
  expect(deliveries[0]?.attachments.map(({ filename, size, sha256: hash }) => ({ filename, size, sha256: hash }))).toEqual(
    files.map(({ filename, size, sha256: hash }) => ({ filename, size, sha256: hash })),
  );
});

test('a rejected key says to update it in Accounts and keeps the message; after the key is fixed, Retry sends it once', async ({ app }) => {
  const { page } = app;
  const sim = sims.stuut;
  const account = simulatorAccount('stuut', sim, 'stuut_old_revoked_token');
  await connectAccounts(page, [account]);
  await setUndoDelay(page, 0);
  await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'bea@example.org', subject: 'Overdue reminder', body: 'Hello Bea, a gentle reminder.' }, queuePickedFiles);
  await page.getByRole('region', { name: 'New message' }).getByRole('button', { name: 'Send', exact: true }).click();

  await openOutbox(page);
  const failed = outboxRow(page, 'Overdue reminder', 'Failed');
  await expect(failed).toBeVisible({ timeout: 15_000 });
  await expect(failed).toContainText(/the key was rejected — update it in Accounts/i);
  // A rejected key is not retried on its own: one request reached the vendor, with the old key.
  expect(sim.requests).toHaveLength(1);
  expect(sim.requests[0]?.headers.authorization).toBe('Bearer stuut_old_revoked_token');
  if (app.harness) {
    const [note] = await shownNotifications(app);
    expect(note?.title).toBe('Message not sent');
    expect(note?.body).toContain('The key was rejected — update it in Accounts');
  }

  await failed.getByRole('button', { name: 'Open Accounts' }).click();
  await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible();
  // The button opens that account's form, ready for the new key.
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(account.label);
  await page.getByLabel('Bearer token', { exact: true }).fill(sim.info.token ?? '');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem', { name: account.label })).toContainText(`Key ••••${(sim.info.token ?? '').slice(-4)}`);

  await openOutbox(page);
  await outboxRow(page, 'Overdue reminder', 'Failed').getByRole('button', { name: 'Retry' }).click();
  await expect(outboxRow(page, 'Overdue reminder', 'Accepted')).toBeVisible({ timeout: 15_000 });
  expect(sim.requests).toHaveLength(2);
  expect(sim.requests.filter((r) => r.headers.authorization === `Bearer ${sim.info.token}`)).toHaveLength(1);
  expect((sim.requests[1]?.body as { subject?: string }).subject).toBe('Overdue reminder');
});

test('Undo send brings the message back exactly as it was; the edited version is the only one delivered', async ({ app }) => {
  test.skip(app.harness === null, 'Files are queued for the dialog through the harness.');
  const { page } = app;
  const work = { ...sandboxAccount, label: 'Work', from: { email: 'ann@work.example.com' } };
  await connectAccounts(page, [sandboxAccount, work]);
  const [file] = await twoFiles(app.dataDir);
  await writeMessage(app, { from: 'Work — ann@work.example.com', to: 'Bea Lee <bea@example.org>', subject: 'Contract draft', body: 'First version of the note.', files: [file!.path] }, queuePickedFiles);
  const composer = page.getByRole('region', { name: 'New message' });
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  // The default undo delay (5 s) holds it.
  await page.getByRole('status').getByRole('button', { name: /^Undo/ }).click();

  await expect(composer.getByLabel('From').locator('option:checked')).toHaveText('Work — ann@work.example.com');
  await expect(composer.getByRole('list', { name: 'To recipients' }).getByRole('listitem')).toHaveText([/Bea Lee/]);
  await expect(composer.getByLabel('Subject')).toHaveValue('Contract draft');
  const body = composer.getByRole('textbox', { name: 'Message body' });
  await expect(body).toHaveText('First version of the note.');
  await expect(composer.getByRole('list', { name: 'Attachments' }).getByRole('listitem')).toHaveText([/terms\.txt/]);

  await body.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' Edited after undo.');
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Sending to Bea Lee through Sandbox/ })).toBeVisible();

  await openOutbox(page);
  await expect(outboxRow(page, 'Contract draft', 'Sent')).toBeVisible({ timeout: 20_000 });
  await expect(outboxRow(page, 'Contract draft', 'Cancelled')).toBeVisible();
  const deliveries = await sandboxDeliveries(app);
  expect(deliveries).toHaveLength(1);
  expect(deliveries[0]?.text).toContain('First version of the note. Edited after undo.');
  expect(deliveries[0]?.attachments).toEqual([{ filename: 'terms.txt', mimeType: 'text/plain', size: file!.size, sha256: file!.sha256 }]);
  expect(deliveries[0]?.to).toEqual([{ name: 'Bea Lee', email: 'bea@example.org' }]);
});

test('a message sent later waits across a restart of the harness and goes out after it', async ({ app }) => {
  test.skip(app.harness === null, 'Restarting on the same data folder is done through the harness.');
  const { page } = app;
  await connectAccounts(page, [sandboxAccount]);
  await setUndoDelay(page, 0);
  await writeMessage(app, { from: 'Try-out — ann@sandbox.example.com', to: 'bea@example.org', subject: 'Monday plan', body: 'See you on Monday.' }, queuePickedFiles);
  const composer = page.getByRole('region', { name: 'New message' });
  await composer.getByRole('button', { name: 'Send later…' }).click();
  // A few seconds ahead, in the page's own local time, with seconds (the picker keeps them).
  const at = await page.evaluate(() => {
    const d = new Date(Date.now() + 6_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  });
  await composer.getByLabel('Send at').fill(at);
  await composer.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Scheduled for / })).toBeVisible();
  await openOutbox(page);
  await expect(outboxRow(page, 'Monday plan', 'Scheduled')).toContainText('scheduled for');

  const again = await restartHarness(app);
  try {
    // Nothing went out before the restart: the message waited on disk.
    expect(await sandboxDeliveries(app)).toEqual([]);
    await openOutbox(page);
    await expect(outboxRow(page, 'Monday plan', 'Sent')).toBeVisible({ timeout: 20_000 });
    const deliveries = await sandboxDeliveries(app);
    expect(deliveries.map((d) => d.subject)).toEqual(['Monday plan']);
  } finally {
    await again.close();
  }
});

test('SIGKILL of the harness while the gateway holds the request: after a restart the message is sent once, under the same key', async ({ app }) => {
  test.skip(app.harness === null, 'The harness is what is killed here.');
  const { page } = app;
  const sim = sims['crm-gateway'];
  // A folder of its own: the fixture's harness must not share the database with the child processes.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-e2e-kill-'));
  const children: HarnessProcess[] = [];
  try {
    const first = await startHarnessProcess(dataDir);
    children.push(first);
    await page.goto(first.url);
    const account = simulatorAccount('crm-gateway', sim);
    await connectAccounts(page, [account]);
    await setUndoDelay(page, 0);
    sim.injectFault({ kind: 'delay', ms: 3_000 });
    const noFiles = () => Promise.reject(new Error('This message has no files.'));
    await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'bea@example.org', subject: 'Signed engagement letter', body: 'Please find the letter below.' }, noFiles);
    await page.getByRole('region', { name: 'New message' }).getByRole('button', { name: 'Send', exact: true }).click();

    // The gateway has the whole request and is holding its answer: the row shows the upload done, and the harness is killed now.
    await expect.poll(() => sim.requests.length, { timeout: 15_000 }).toBe(1);
    await openOutbox(page);
    const upload = outboxRow(page, 'Signed engagement letter', 'Sending').getByRole('progressbar', { name: 'Upload progress' });
    await expect(upload).toHaveAttribute('value', String(sim.requests[0]?.rawBodyBytes ?? -1), { timeout: 10_000 });
    await expect(upload).toHaveAttribute('max', String(sim.requests[0]?.rawBodyBytes ?? -1));
    await first.kill();
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startHarnessProcess(dataDir);
    children.push(second);
    await page.goto(second.url);
    await openOutbox(page);
    await expect(outboxRow(page, 'Signed engagement letter', 'Sent')).toBeVisible({ timeout: 20_000 });
    // Wait out the held first request too, so a late second acceptance would show.
    await expect.poll(() => sim.handledCount(), { timeout: 10_000 }).toBe(sim.requests.length);
    expect(sim.requests.length).toBeGreaterThanOrEqual(2);
    expect(crmGatewaySent(sim)).toHaveLength(1);
    const keys = new Set(sim.requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/.+/);
    expect(crmGatewaySent(sim)[0]?.body.subject).toBe('Signed engagement letter');
  } finally {
    for (const child of children) await child.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
