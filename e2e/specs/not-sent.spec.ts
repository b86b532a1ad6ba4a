import { expect, test } from '../fixtures.js';
import { connectAccounts, queuePickedFiles } from '../composer-helpers.js';
import { openOutbox, outboxRow, setUndoDelay, writeMessage } from '../outbox-helpers.js';

/**
 * A request that never left the machine must not read "may have been sent": port 9 is on the
 * fetch standard's list of blocked ports, so fetch refuses before opening any connection.
 */
test('an account whose address uses port 9 ends in the Outbox as not sent, with what to correct', async ({ app }) => {
  const { page } = app;
  const account = {
    label: 'Blocked port desk',
    from: { name: 'Ann Example', email: 'ann@stuut.example.com' },
    signatureHtml: '',
    settings: { provider: 'stuut' as const, baseUrl: 'http://127.0.0.1:9', emailSender: 'sndr_01HQE2E' },
    secret: 'stuut_port_nine_token',
  };
  await connectAccounts(page, [account]);
  await setUndoDelay(page, 0);
  await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'bea@example.org', subject: 'Port nine', body: 'Hello Bea.' }, queuePickedFiles);
  await page.getByRole('region', { name: 'New message' }).getByRole('button', { name: 'Send', exact: true }).click();

  await openOutbox(page);
  const row = outboxRow(page, 'Port nine', 'Failed');
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('The email was not sent');
  await expect(row).toContainText(/correct the address in the account settings/);
  await expect(row).not.toContainText(/may (or may not )?have been sent/);
});
