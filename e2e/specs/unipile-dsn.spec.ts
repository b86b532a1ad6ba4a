import { expect, test } from '../fixtures.js';

test('the Unipile DSN is taken as the dashboard shows it (host:port) and saved with https://', async ({ app }) => {
  const { page } = app;
  await page.getByRole('list', { name: 'Supported senders' }).getByRole('button', { name: 'Add a Unipile account' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Support inbox');
  await page.getByLabel('From address').fill('support@northwind.example');
  await page.getByLabel('API key').fill('unipile_test_key_0001');
  await page.getByLabel('DSN').fill('api1.unipile.com:13111');
  await page.getByLabel('Unipile account id').fill('Xz81QmA');
  await expect(page.getByText('Enter a full address that starts with https://')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save account' }).click();
  await expect(page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem', { name: 'Support inbox' })).toBeVisible();
  const saved = await page.evaluate(async () => {
    const list = await window.mailer!.accounts.list();
    return list.ok ? list.value.accounts.map((a) => ('baseUrl' in a.settings ? a.settings.baseUrl : null)) : [];
  });
  expect(saved).toEqual(['https://api1.unipile.com:13111']);
});
