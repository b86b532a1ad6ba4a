import { expect, test } from '../fixtures.js';
import { connectAccounts, queuePickedFiles } from '../composer-helpers.js';
import { openOutbox, outboxRow, restartHarness, setUndoDelay, simulatorAccount, simulatorsForSpec, writeMessage } from '../outbox-helpers.js';
import { CRM_GATEWAY_PATH, CRM_GATEWAY_TEST_KEY, crmGatewaySent, startCrmGateway } from '../vendors/crm-gateway/simulator.js';

const sims = simulatorsForSpec();

test('a merge field with no value blocks Send with its name until the pasted table fills it; the vendor gets the filled message', async ({ app }) => {
  const { page } = app;
  const account = simulatorAccount('unipile', sims.unipile);
  await connectAccounts(page, [account]);
  await setUndoDelay(page, 0);
  await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'Bea Lee <bea@example.org>', subject: 'Invoice for {{company}}', body: 'Hello {{first_name}}, {{invoice_number | "your invoice"}} is due.' }, queuePickedFiles);
  const composer = page.getByRole('region', { name: 'New message' });

  const send = composer.getByRole('button', { name: 'Send', exact: true });
  await expect(send).toBeDisabled();
  await expect(composer.locator('#send-reason')).toHaveText(/\{\{company\}\} has no value for bea@example\.org/);
  await expect(composer.getByRole('textbox', { name: 'Message body' }).getByTitle(/has no value for a recipient/)).toHaveCount(0);

  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type(' Regards, {{account_manager}}');
  await expect(composer.getByRole('textbox', { name: 'Message body' }).getByTitle('{{account_manager}} has no value for a recipient and no fallback')).toBeVisible();
  for (let i = 0; i < ' Regards, {{account_manager}}'.length; i++) await page.keyboard.press('Backspace');

  await composer.getByLabel(/^Merge table/).fill('email\tcompany\tinvoice_number\nbea@example.org\tLee & Daughters\tINV-7');
  await expect(composer.getByText('1 row; columns: company, invoice_number.')).toBeVisible();
  await expect(send).toBeEnabled();
  await send.click();

  await openOutbox(page);
  await expect(outboxRow(page, 'Invoice for Lee & Daughters', 'Accepted')).toBeVisible({ timeout: 15_000 });
  expect(sims.unipile.requests).toHaveLength(1);
  const body = JSON.stringify(sims.unipile.requests[0]?.body);
  expect(body).toContain('Invoice for Lee & Daughters');
  expect(body).toContain('Hello Bea, INV-7 is due.');
  expect(body).not.toContain('{{');
});

test('Send individually through Unipile: three messages, each with its recipient’s values and its own key, once each across a restart mid-batch', async ({ app }) => {
  test.skip(app.harness === null, 'A restart on the same data folder needs the harness.');
  // The pace spreads the three messages over twenty seconds.
  test.setTimeout(120_000);
  const { page } = app;
  const account = simulatorAccount('unipile', sims.unipile);
  await connectAccounts(page, [account]);
  await setUndoDelay(page, 0);
  // Six a minute: one every ten seconds, so the restart falls between the first and the rest.
  const pace = page.getByRole('region', { name: 'Sending pace' });
  await pace.getByLabel('At most per minute').fill('6');
  await pace.getByRole('button', { name: 'Save pace' }).click();
  await expect(pace.getByRole('status')).toHaveText('Pace saved.');

  await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'Bea Lee <bea@example.org>, Cy Ng <cy@acme.io>, dee@example.net', subject: 'Invoice {{invoice_number}}', body: 'Hello {{first_name | "there"}}, {{company}} owes {{amount}}.' }, queuePickedFiles);
  const composer = page.getByRole('region', { name: 'New message' });
  await expect(composer.locator('#send-reason')).toHaveText(/choose Send individually/);
  await composer.getByRole('checkbox', { name: 'Send individually' }).check();
  await expect(composer.getByText('3 separate messages, one per To recipient; no one sees the others.')).toBeVisible();
  await composer.getByLabel(/^Merge table/).fill(
    ['email\tinvoice_number\tcompany\tamount', 'bea@example.org\tINV-1\tLee Co\t$10', 'cy@acme.io\tINV-2\tAcme\t$20', 'dee@example.net\tINV-3\tDee Ltd\t$30'].join('\n'),
  );
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composer.getByText(/Queued: 3 separate messages to bea@example\.org and 2 more through Unipile desk/)).toBeVisible();

  await expect.poll(() => sims.unipile.requests.length, { timeout: 15_000 }).toBe(1);
  // The restart falls after the first message's answer is recorded (sent, or accepted as Unipile says): one cut off mid-request is
  // "may have been sent" by design (recovery.ts), which is another test's subject.
  const sentRows = () => page.evaluate(async () => {
    const rows = await window.mailer!.outbox.list();
    return rows.ok ? rows.value.filter((row) => row.state === 'sent' || row.state === 'accepted').length : -1;
  });
  await expect.poll(sentRows, { timeout: 15_000 }).toBe(1);
  await restartHarness(app);
  await openOutbox(page);
  const batch = page.getByRole('list', { name: 'Outbox messages' }).getByRole('listitem', { name: /^Invoice \{\{invoice_number\}\}: / }).first();
  await expect(batch).toHaveAccessibleName('Invoice {{invoice_number}}: 1 sent, 0 failed, 2 waiting');
  await batch.getByRole('button', { name: 'Show messages' }).click();
  await expect(batch.getByRole('list', { name: 'Messages of Invoice {{invoice_number}}' }).getByRole('listitem')).toHaveCount(3);
  await expect(batch).toHaveAccessibleName('Invoice {{invoice_number}}: 3 sent, 0 failed, 0 waiting', { timeout: 40_000 });

  const requests = sims.unipile.requests;
  expect(requests).toHaveLength(3);
  const field = (body: unknown, name: string) => ((body as Record<string, string[]>)[name] ?? []).join('');
  expect(requests.map((r) => [JSON.parse(field(r.body, 'to')).map((a: { identifier: string }) => a.identifier), field(r.body, 'subject')])).toEqual([
    [['bea@example.org'], 'Invoice INV-1'],
    [['cy@acme.io'], 'Invoice INV-2'],
    [['dee@example.net'], 'Invoice INV-3'],
  ]);
  expect(field(requests[2]?.body, 'body')).toContain('Hello there, Dee Ltd owes $30.');
  expect(new Set(requests.map((r) => r.headers['idempotency-key'])).size).toBe(3);
});

test('Preview request for Rollout with Cc shows the request its adapter would make, Cc marked dropped and no secret', async ({ app }) => {
  const { page } = app;
  const account = simulatorAccount('rollout', sims.rollout);
  await connectAccounts(page, [account]);
  await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'Bea Lee <bea@example.org>', subject: 'Renewal', body: 'Hello Bea.' }, queuePickedFiles);
  const composer = page.getByRole('region', { name: 'New message' });
  await composer.getByRole('button', { name: 'Add Cc' }).click();
  const cc = composer.getByLabel('Cc', { exact: true });
  await cc.fill('boss@example.com');
  await cc.press('Enter');
  // Send is refused (Rollout has no Cc), but what the vendor would receive can still be seen.
  await expect(composer.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  await composer.getByRole('button', { name: 'Preview request' }).click();

  const preview = composer.getByRole('region', { name: 'Request preview' });
  await expect(preview.getByRole('list', { name: 'Dropped by this vendor' })).toContainText('Cc — dropped: Rollout has no Cc field: boss@example.com would not get it.');
  await expect(preview.getByText(`POST ${sims.rollout.url}/emailMessages`)).toBeVisible();
  await expect(preview.getByRole('row', { name: /Authorization/ })).toContainText('Bearer •••••••• (secret, masked)');
  await expect(preview.getByLabel('Body')).toContainText('"subject": "Renewal"');
  await expect(preview.getByLabel('Body')).not.toContainText('boss@example.com');
  expect(await page.content()).not.toContain(sims.rollout.info.jwt ?? 'no secret configured');
  expect(sims.rollout.requests).toEqual([]);
  await preview.getByRole('button', { name: 'Close preview' }).click();
  await expect(preview).toBeHidden();
});

test('a gateway 429 at its daily cap: the Outbox row says until when the limit resets, and the message goes once it has', async ({ app }) => {
  // The message waits for the gateway's reset, twenty seconds out.
  test.setTimeout(120_000);
  const { page } = app;
  // The gateway's day (UTC) ends 20 s from now on its own clock, so its reset is soon.
  const day = 86_400_000;
  const offset = Math.ceil(Date.now() / day) * day - 20_000 - Date.now();
  const gateway = await startCrmGateway({ dailyLimit: 1, now: () => Date.now() + offset });
  try {
    // Today's one send is used up before the message is written.
    const used = await fetch(`${gateway.url}${CRM_GATEWAY_PATH}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${CRM_GATEWAY_TEST_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: 'x@example.org', subject: 'earlier', body_text: 'earlier' }),
    });
    expect(used.status).toBe(200);
    const account = simulatorAccount('crm-gateway', gateway);
    await connectAccounts(page, [account]);
    await setUndoDelay(page, 0);
    await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'bea@example.org', subject: 'Over the cap', body: 'Hello.' }, queuePickedFiles);
    await page.getByRole('region', { name: 'New message' }).getByRole('button', { name: 'Send', exact: true }).click();

    await openOutbox(page);
    const row = outboxRow(page, 'Over the cap', 'Waiting to retry');
    await expect(row).toContainText(/limit resets at \d\d:\d\d:\d\d UTC: Composer waits until then \(\d+ s\) and sends it, without using up a retry\./, { timeout: 15_000 });
    const refused = gateway.requests.length;
    expect(refused).toBe(2);
    await expect(outboxRow(page, 'Over the cap', 'Sent')).toBeVisible({ timeout: 45_000 });
    // One wait, one send: no retries burned against the cap while it lasted.
    expect(gateway.requests).toHaveLength(3);
    expect(crmGatewaySent(gateway).map((m) => m.body.subject)).toEqual(['earlier', 'Over the cap']);
  } finally {
    await gateway.close();
  }
});
