import { expect, test } from '../fixtures.js';
import { closedSimulatorUrl } from '../vendors/kit/send-fixtures.js';
import { startUnipile } from '../vendors/unipile/simulator.js';

test('Test connection reads from Unipile with the key as typed and says what it found; Stuut says it cannot be checked', async ({ app }) => {
  const { page } = app;
  const sim = await startUnipile({ apiKey: 'unipile_e2e_key_0001', accountId: 'acc_Ann', mailbox: 'ann.lee@gmail.example' });
  try {
    await page.getByRole('list', { name: 'Supported senders' }).getByRole('button', { name: 'Add a Unipile account' }).click();
    const testButton = page.getByRole('button', { name: 'Test connection' });
    // Nothing to test with yet: the button waits for the key and the settings, and says so.
    await expect(testButton).toBeDisabled();
    await expect(page.getByText('To test, fill in: API key, DSN, Unipile account id.')).toBeVisible();

    await page.getByLabel('API key').fill('unipile_wrong_key_0000');
    await page.getByLabel('DSN').fill(sim.url);
    await page.getByLabel('Unipile account id').fill('acc_Ann');
    await testButton.click();
    const status = page.getByRole('status').filter({ hasText: /Unipile/ });
    await expect(status).toHaveText(/^Unipile did not accept the key: "The provided credentials are invalid\." \(errors\/invalid_credentials\)\./);

    await page.getByLabel('API key').fill('unipile_e2e_key_0001');
    // The earlier answer was about other settings: it goes as soon as they change.
    await expect(status).toHaveCount(0);
    await testButton.click();
    await expect(page.getByRole('status').filter({ hasText: /Unipile/ })).toHaveText('Connected: Unipile accepted the key and found the mailbox "ann.lee@gmail.example" (Gmail). Nothing was sent.');

    await page.getByLabel('DSN').fill(await closedSimulatorUrl(() => startUnipile()));
    await testButton.click();
    await expect(page.getByRole('status').filter({ hasText: /Unipile/ })).toHaveText('Could not reach Unipile: the connection was refused. Nothing was sent; check the address and the internet connection.');
    // Reads only: the simulator saw two GETs of the account and no email.
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/accounts/acc_Ann', 'GET /api/v1/accounts/acc_Ann']);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('button', { name: /^Stuut/ }).click();
    await expect(page.getByText('Stuut offers no way to check a key without sending an email, so there is no connection test: the first message you send tells whether these settings work.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Test connection' })).toHaveCount(0);
  } finally {
    await sim.close();
  }
});
