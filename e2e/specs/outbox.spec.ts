import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../fixtures.js';
import { connectAccounts, queuePickedFiles, sandboxDeliveries, sha256 } from '../composer-helpers.js';
import { arrivedFiles, openOutbox, outboxRow, sandboxAccount, setUndoDelay, simulatorAccount, writeMessage } from '../outbox-helpers.js';
import { closeAllSimulators, startAllSimulators, type VendorName } from '../vendors/all.js';
import type { VendorSimulator } from '../vendors/kit/server.js';

let sims: Record<VendorName, VendorSimulator>;
test.beforeAll(async () => {
  sims = await startAllSimulators();
});
test.afterAll(async () => {
  await closeAllSimulators(sims);
});
test.beforeEach(() => {
  for (const sim of Object.values(sims)) sim.reset();
});

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
    await expect(page.getByRole('status').filter({ hasText: /^Sending to Bea Lee through / })).toBeVisible();

    await openOutbox(page);
    await expect(outboxRow(page, subject, 'Sent')).toBeVisible({ timeout: 15_000 });
    expect(sims[vendor].requests).toHaveLength(1);
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
  const files = await twoFiles(app.dataDir);
  await writeMessage(app, { from: 'Try-out — ann@sandbox.example.com', to: 'bea@example.org', subject: 'Invoice 1042 via sandbox', body: 'Hello Bea.', files: files.map((f) => f.path) }, queuePickedFiles);
  await page.getByRole('region', { name: 'New message' }).getByRole('button', { name: 'Send', exact: true }).click();
  await openOutbox(page);
  await expect(outboxRow(page, 'Invoice 1042 via sandbox', 'Sent')).toBeVisible({ timeout: 15_000 });
  const deliveries = await sandboxDeliveries(app);
  expect(deliveries).toHaveLength(1);
  expect(deliveries[0]?.attachments.map(({ filename, size, sha256: hash }) => ({ filename, size, sha256: hash }))).toEqual(
    files.map(({ filename, size, sha256: hash }) => ({ filename, size, sha256: hash })),
  );
});
