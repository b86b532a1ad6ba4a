import { expect, test } from '../fixtures.js';

test('spellcheck languages are chosen in Settings and kept after a restart of the page', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const setting = page.getByRole('region', { name: 'Spellcheck languages' });
  if (app.runtime === 'harness') await expect(setting).toContainText('Chromium’s own spellchecker');
  const languages = setting.getByRole('group', { name: /Check spelling in/ });
  test.skip((await languages.count()) === 0, 'macOS checks spelling with its own spellchecker: nothing to choose here.');

  await languages.getByRole('checkbox', { name: 'German', exact: true }).check();
  await languages.getByRole('checkbox', { name: 'British English', exact: true }).check();
  await expect(setting).toContainText(/German, British English/);
  await expect(setting.getByRole('checkbox', { checked: true })).toHaveCount(2);

  await page.reload();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(setting.getByRole('checkbox', { checked: true })).toHaveCount(2);
  await expect(setting.getByRole('checkbox', { name: 'German', exact: true })).toBeChecked();

  // Back to the system's languages: nothing is ticked and the page says what it follows.
  await setting.getByRole('button', { name: 'Follow the system’s languages' }).click();
  await expect(setting.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(setting.getByRole('button', { name: 'Follow the system’s languages' })).toHaveCount(0);
});
