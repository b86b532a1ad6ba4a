import { expect, test } from '../fixtures.js';
import { connectAccounts, queuePickedFiles } from '../composer-helpers.js';
import { openOutbox, outboxRow, setUndoDelay, simulatorAccount, writeMessage } from '../outbox-helpers.js';
import { startCrmGateway } from '../vendors/crm-gateway/simulator.js';
import { startRollout } from '../vendors/rollout/simulator.js';
import { startStuut } from '../vendors/stuut/simulator.js';
import { startUnipile } from '../vendors/unipile/simulator.js';

const CONTACT = '3b241101-e2bb-4255-8caf-4136c566a962';
const DEAL = '9a7f4c1e-2b3d-4e5f-8a6b-7c8d9e0f1a2b';

test('Log to… is offered only where the vendor logs to CRM records; a contact id that is no UUID blocks Send by name, a good one reaches the gateway', async ({ app }) => {
  const [gateway, rollout, stuut] = await Promise.all([startCrmGateway(), startRollout(), startStuut()]);
  try {
    const { page } = app;
    const gw = simulatorAccount('crm-gateway', gateway);
    const ro = simulatorAccount('rollout', rollout);
    const st = simulatorAccount('stuut', stuut);
    await connectAccounts(page, [gw, ro, st]);
    await setUndoDelay(page, 0);
    await writeMessage(app, { from: `${st.label} — ${st.from.email}`, to: 'bea@example.org', subject: 'Renewal', body: 'Your renewal terms for next year.' }, queuePickedFiles);
    const composer = page.getByRole('region', { name: 'New message' });
    // Stuut logs nothing and tracks nothing: nothing is offered.
    await expect(composer.getByRole('button', { name: /^Log to/ })).toHaveCount(0);
    await expect(composer.getByRole('checkbox', { name: 'Track opens and link clicks' })).toHaveCount(0);

    await composer.getByLabel('From').selectOption({ label: `${ro.label} — ${ro.from.email}` });
    await expect(composer.getByRole('button', { name: 'Log to Rollout…' })).toBeVisible();
    await composer.getByLabel('From').selectOption({ label: `${gw.label} — ${gw.from.email}` });
    await composer.getByRole('button', { name: 'Log to CRM gateway…' }).click();
    const log = composer.getByRole('group', { name: 'Log to CRM gateway' });
    await log.getByLabel('Contact ID').fill('3b241101');
    await expect(log.getByLabel('Contact ID')).toHaveAttribute('aria-invalid', 'true');
    await expect(log.getByLabel('Contact ID')).toHaveAccessibleDescription(/Contact ID “3b241101” is not an id the CRM takes \(a UUID/);
    const send = composer.getByRole('button', { name: 'Send', exact: true });
    await expect(send).toBeDisabled();
    await expect(send).toHaveAccessibleDescription(/Contact ID “3b241101” is not an id the CRM takes/);
    expect(gateway.requests).toHaveLength(0);

    await log.getByLabel('Contact ID').fill(CONTACT);
    await log.getByLabel('Deal ID').fill(DEAL);
    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    await openOutbox(page);
    await expect(outboxRow(page, 'Renewal', 'Sent')).toBeVisible({ timeout: 15_000 });
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]?.body).toMatchObject({ contact_id: CONTACT, deal_id: DEAL, subject: 'Renewal' });
  } finally {
    await Promise.all([gateway.close(), rollout.close(), stuut.close()]);
  }
});

test('Unipile’s tracking is off by default, says opens are approximate, and when turned on reaches Unipile as tracking_options', async ({ app }) => {
  const unipile = await startUnipile();
  try {
    const { page } = app;
    const account = simulatorAccount('unipile', unipile);
    await connectAccounts(page, [account]);
    await setUndoDelay(page, 0);
    await writeMessage(app, { from: `${account.label} — ${account.from.email}`, to: 'bea@example.org', subject: 'Webinar invitation', body: 'Join us on Thursday.' }, queuePickedFiles);
    const composer = page.getByRole('region', { name: 'New message' });
    const tracking = composer.getByRole('checkbox', { name: 'Track opens and link clicks' });
    await expect(tracking).not.toBeChecked();
    await expect(tracking).toHaveAccessibleDescription(/opens are approximate/);
    await tracking.check();
    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    await openOutbox(page);
    await expect(outboxRow(page, 'Webinar invitation', 'Accepted')).toBeVisible({ timeout: 15_000 });
    expect(unipile.requests[0]?.body).toMatchObject({ tracking_options: [JSON.stringify({ opens: true, links: true })] });
  } finally {
    await unipile.close();
  }
});
