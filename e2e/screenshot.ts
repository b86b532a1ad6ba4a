import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { accountDraftSchema, type AccountDraftInput } from '../shared/accounts.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { startHarness } from './harness/server.js';
import { composerAccounts, fillComposer } from './screenshot-composer.js';
import { fillOutbox } from './screenshot-outbox.js';
import { fillTemplates } from './screenshot-templates.js';

/**
 * `npm run screenshot -- out.png`: the app in the harness with six connected accounts.
 * `--view add-error` shows the add form with a validation error instead; `--view welcome`
 * the first start with no account; `--view composer` a message being written from one of two
 * accounts (recipients, one of them invalid, a Cc, a formatted body and two attachments);
 * `--view outbox` the Outbox with a message sending, one failed, one scheduled and one sent.
 * `--view templates` the Templates screen with two templates and a snippet.
 * `--view mailto` the composer as a `mailto:` link on the command line opens it. `--width N` sets the
 * window's width (default 1280, the width the README's pictures show).
 */
const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { view: { type: 'string', default: 'accounts' }, width: { type: 'string', default: '1280' } } });
const out = path.resolve(positionals[0] ?? 'docs/screenshot.png');
const dataDir = await mkdtemp(path.join(tmpdir(), 'composer-shot-'));
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
const SHOT_MAILTO =
  'mailto:Bea%20Lee%20%3Cbea@northwind.example%3E,cid@contoso.example?cc=ar@northwind.example&subject=Invoice%20%23%204411%20%E2%80%94%20caf%C3%A9%20order&body=Hi%20Bea%2C%0D%0A%0D%0ACould%20you%20check%20invoice%204411%3F%0D%0AThe%20total%20looks%20off%20by%20%E2%82%AC12.%0D%0A%0D%0AThanks!';
const harness = await startHarness({ dataDir, staticDir: path.join(root, 'dist/harness'), version, ...(values.view === 'mailto' ? { mailto: SHOT_MAILTO } : {}) });

const sixAccounts: AccountDraftInput[] = [
  { label: 'Sales CRM', from: { name: 'Ann Lee', email: 'ann@northwind.example' }, settings: { provider: 'rollout', credentialId: 'cred_8842' }, secret: 'eyJhbGciOi.screenshot.k3Q9' },
  { label: 'Billing', from: { email: 'billing@northwind.example' }, settings: { provider: 'rebilly', organizationId: 'northwind' }, secret: 'sk_live_screenshot_7Hd2' },
  { label: 'Collections', from: { name: 'Northwind AR', email: 'ar@northwind.example' }, settings: { provider: 'stuut', emailSender: 'sndr_01HQ' }, secret: 'stt_screenshot_value_Pq41' },
  { label: 'Ann (Gmail)', from: { name: 'Ann Lee', email: 'ann.lee@gmail.example' }, settings: { provider: 'unipile', baseUrl: 'https://api1.unipile.com:13111', accountId: 'Xz81QmA' }, secret: 'unipile_screenshot_kW3e' },
  { label: 'Law desk', from: { email: 'desk@lawfirm.example' }, settings: { provider: 'crm-gateway', endpointUrl: 'https://data.leadlex.com/functions/v1/api-gateway/v1/email/send' }, secret: 'wbk_screenshot_value_M2s8' },
  { label: 'Sandbox', from: { name: 'Sandbox', email: 'sandbox@example.com' }, settings: { provider: 'sandbox' } },
];

let stopSimulators = async (): Promise<void> => undefined;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  if (values.view !== 'welcome' && values.view !== 'outbox') {
    for (const draft of values.view === 'composer' || values.view === 'mailto' ? composerAccounts : sixAccounts) await harness.core.accounts.save(accountDraftSchema.parse(draft));
  }
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: values.view === 'composer' ? 940 : 800 } });
  await page.goto(harness.url);
  await page.getByTestId('app-version').waitFor();
  if (values.view === 'accounts') {
    await page.getByRole('button', { name: 'Manage accounts' }).click();
    await page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem').nth(5).waitFor();
  } else if (values.view === 'add-error') {
    await page.getByRole('button', { name: 'Manage accounts' }).click();
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('button', { name: /^Unipile/ }).click();
    await page.getByLabel('Name', { exact: true }).fill('Support inbox');
    await page.getByLabel('DSN').fill('http://api1.unipile.com:13111');
    await page.getByLabel('From address').fill('support@northwind');
    await page.getByText('Use https://').waitFor();
  } else if (values.view === 'mailto') {
    await page.getByLabel('Subject').and(page.locator('[value^="Invoice"]')).waitFor();
  } else if (values.view === 'composer') {
    await fillComposer(page, dataDir);
  } else if (values.view === 'outbox') {
    stopSimulators = await fillOutbox(page, harness);
  } else if (values.view === 'templates') {
    await fillTemplates(page, harness);
  }
  await page.screenshot({ path: out, fullPage: values.view === 'add-error' });
  console.log(`wrote ${out}`);
} finally {
  await stopSimulators();
  await browser.close();
  await harness.close();
  await rm(dataDir, { recursive: true, force: true });
}
