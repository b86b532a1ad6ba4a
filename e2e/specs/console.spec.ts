import type { ConsoleMessage } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { openOutbox } from '../outbox-helpers.js';
import { noUndoDelay, openSent } from '../sent-helpers.js';

test('no view logs a console error, and a sent message shows with the styles the composer wrote', async ({ app }) => {
  const { page } = app;
  const errors: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  };
  page.on('console', onConsole);
  page.on('pageerror', (error) => errors.push(error.message));
  await page.reload();

  // First start, then the sandbox and a formatted message.
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await noUndoDelay(page);
  const composer = page.getByRole('region', { name: 'New message' });
  await page.keyboard.type('Bea Lee <bea@example.org>');
  await page.keyboard.press('Enter');
  await composer.getByLabel('Subject').fill('Styled note');
  const body = composer.getByRole('textbox', { name: 'Message body' });
  await body.click();
  await page.keyboard.type('Centred words');
  const more = composer.getByRole('button', { name: 'More formatting' });
  if (await more.isVisible()) {
    await more.click();
    await page.getByRole('menuitemcheckbox', { name: 'Align center' }).click();
  } else {
    await composer.getByRole('button', { name: 'Align center' }).click();
  }
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('Bold words');
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composer.getByLabel('Subject')).toHaveValue('');

  // Accounts with the signature editor, and the add form.
  await page.getByRole('button', { name: 'Manage accounts' }).click();
  await page.getByRole('button', { name: 'Edit Sandbox' }).click();
  await expect(page.getByRole('textbox', { name: 'Signature' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('button', { name: /^Unipile/ }).click();
  await expect(page.getByRole('textbox', { name: 'Signature' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await openOutbox(page);
  await openSent(page);
  await page.getByRole('list', { name: 'Sent threads' }).getByRole('button', { name: /Styled note/ }).click();
  const frame = page.frameLocator('iframe[title="Message: Styled note"]');
  await expect(frame.getByText('Centred words')).toHaveCSS('text-align', 'center');
  await expect(frame.getByText('Bold words')).toBeVisible();
  // Its own document, not a srcdoc that inherits the window's policy.
  await expect(page.locator('iframe[title="Message: Styled note"]')).toHaveAttribute('src', /^\/frames\//);
  await expect(page.locator('iframe[title="Message: Styled note"]')).toHaveAttribute('sandbox', '');

  expect(errors).toEqual([]);
});

test('a start breaks no rule of the window’s content policy (nothing probes for eval)', async ({ app }) => {
  test.skip(app.harness === null, 'The harness serves the policy as a header; the app sets it on its own.');
  const { page } = app;
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { policyViolations: string[] }).policyViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI}`));
  });
  await page.reload();
  await expect(page.getByTestId('app-version')).toBeAttached();
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(page.getByRole('textbox', { name: 'Message body' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { policyViolations: string[] }).policyViolations)).toEqual([]);
});
