import { expect, test } from '../fixtures.js';
import { noUndoDelay, writeAndSend } from '../sent-helpers.js';
import { CRM_GATEWAY_PATH, startCrmGateway } from '../vendors/crm-gateway/simulator.js';
import type { VendorSimulator } from '../vendors/kit/types.js';

const OLD_KEY = 'gw_old_Vq7Xz2Lm9Pr4Tk';
const NEW_KEY = 'gw_new_Qz8WvKc3Lp9XrT';

/** Every header and body a server received, as one text to search for a key. */
const everything = (sim: VendorSimulator) => JSON.stringify(sim.requests).toLowerCase();

test('moving an account to another address asks for its key again, and the old key never reaches the new host', async ({ app }) => {
  const { page } = app;
  const home = await startCrmGateway({ apiKey: OLD_KEY });
  // The capture server: where someone would like the key to go.
  const capture = await startCrmGateway({ apiKey: NEW_KEY });
  try {
    await page.getByRole('button', { name: 'Manage accounts' }).click();
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('button', { name: /^CRM gateway/ }).click();
    await page.getByLabel('Name', { exact: true }).fill('Law desk');
    await page.getByLabel('From address').fill('desk@lawfirm.example');
    await page.getByLabel('API key', { exact: true }).fill(OLD_KEY);
    await page.getByLabel('Endpoint URL', { exact: true }).fill(`${home.url}${CRM_GATEWAY_PATH}`);
    await page.getByRole('button', { name: 'Save account' }).click();
    const list = page.getByRole('list', { name: 'Accounts', exact: true });
    await expect(list.getByRole('listitem', { name: 'Law desk' })).toBeVisible();

    // Edit the endpoint to the capture server and leave the key empty: the form asks for the key.
    await page.getByRole('button', { name: 'Edit Law desk' }).click();
    const endpoint = page.getByLabel('Endpoint URL', { exact: true });
    await expect(endpoint).toHaveAccessibleDescription(new RegExp(`Changing the address asks for the key again: the stored key is sent only to ${home.url.replace(/[.]/g, '\\.')}\\.`));
    await endpoint.fill(`${capture.url}${CRM_GATEWAY_PATH}`);
    const key = page.getByLabel('API key', { exact: true });
    await expect(key).toHaveAccessibleDescription(/The address changed to http:\/\/127\.0\.0\.1:\d+: enter the key again/);
    await expect(key).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();

    // Main refuses the same edit when it comes without the form.
    const refused = await page.evaluate(async (endpointUrl) => {
      const listed = await window.mailer!.accounts.list();
      if (!listed.ok) throw new Error(listed.error.message);
      const account = listed.value.accounts.find((a) => a.label === 'Law desk')!;
      return window.mailer!.accounts.save({ id: account.id, label: account.label, from: account.from, settings: { provider: 'crm-gateway', endpointUrl } });
    }, `${capture.url}${CRM_GATEWAY_PATH}`);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/enter the key again/);
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Sending still goes to the account's own host, with its own key.
    await noUndoDelay(page);
    await writeAndSend(page, 'Bea Buyer <bea@acme.example>', 'Engagement letter', 'Here is the letter we discussed.');
    await expect.poll(() => home.requests.length).toBe(1);
    expect(home.requests[0]?.headers.authorization).toBe(`Bearer ${OLD_KEY}`);
    expect(capture.requests).toHaveLength(0);

    // With the new host's own key typed, the move is saved and the next message carries only that key.
    await page.getByRole('button', { name: 'Manage accounts' }).click();
    await page.getByRole('button', { name: 'Edit Law desk' }).click();
    await page.getByLabel('Endpoint URL', { exact: true }).fill(`${capture.url}${CRM_GATEWAY_PATH}`);
    await page.getByLabel('API key', { exact: true }).fill(NEW_KEY);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(list.getByRole('listitem', { name: 'Law desk' })).toBeVisible();
    await writeAndSend(page, 'Bea Buyer <bea@acme.example>', 'Engagement letter, signed', 'Thank you for signing.');
    await expect.poll(() => capture.requests.length).toBe(1);
    expect(capture.requests[0]?.headers.authorization).toBe(`Bearer ${NEW_KEY}`);
    for (const run of [OLD_KEY, OLD_KEY.slice(4, 14), Buffer.from(OLD_KEY).toString('base64').slice(0, 12)]) {
      expect(everything(capture)).not.toContain(run.toLowerCase());
    }
  } finally {
    await home.close();
    await capture.close();
  }
});
