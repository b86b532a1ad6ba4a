import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { AccountDraftInput } from '../shared/accounts.js';
import { test, type AppUnderTest } from './fixtures.js';
import { startHarness, type Harness } from './harness/server.js';
import { CRM_GATEWAY_PATH } from './vendors/crm-gateway/simulator.js';
import { closeAllSimulators, startAllSimulators, type VendorName } from './vendors/all.js';
import type { VendorSimulator } from './vendors/kit/server.js';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Every vendor's simulator for the tests of one spec file: started once, emptied before each
 * test, closed after the last. The object is filled when the file's first test starts.
 */
export function simulatorsForSpec(): Record<VendorName, VendorSimulator> {
  const sims = {} as Record<VendorName, VendorSimulator>;
  test.beforeAll(async () => {
    Object.assign(sims, await startAllSimulators());
  });
  test.afterAll(async () => {
    await closeAllSimulators(sims);
  });
  test.beforeEach(() => {
    for (const sim of Object.values(sims)) sim.reset();
  });
  return sims;
}

/** An account on each vendor's simulator, with the key the simulator accepts (or `secret` instead). */
export function simulatorAccount(vendor: VendorName, sim: VendorSimulator, secret?: string): AccountDraftInput & { label: string } {
  const from = { name: 'Ann Example', email: `ann@${vendor}.example.com` };
  const base = { from, signatureHtml: '' };
  switch (vendor) {
    case 'rollout':
      return { ...base, label: 'Rollout desk', settings: { provider: 'rollout', baseUrl: sim.url, credentialId: sim.info.credentialId ?? '' }, secret: secret ?? sim.info.jwt };
    case 'rebilly':
      return { ...base, label: 'Rebilly desk', settings: { provider: 'rebilly', baseUrl: sim.url, organizationId: sim.info.organizationId ?? '' }, secret: secret ?? sim.info.apiKey };
    case 'stuut':
      return { ...base, label: 'Stuut desk', settings: { provider: 'stuut', baseUrl: sim.url, emailSender: 'sndr_01HQE2E' }, secret: secret ?? sim.info.token };
    case 'unipile':
      return { ...base, label: 'Unipile desk', settings: { provider: 'unipile', baseUrl: sim.url, accountId: sim.info.accountId ?? '' }, secret: secret ?? sim.info.apiKey };
    case 'crm-gateway':
      return { ...base, label: 'Gateway desk', settings: { provider: 'crm-gateway', endpointUrl: `${sim.url}${CRM_GATEWAY_PATH}` }, secret: secret ?? sim.info.apiKey };
  }
}

export const sandboxAccount = { label: 'Try-out', from: { name: 'Ann Example', email: 'ann@sandbox.example.com' }, settings: { provider: 'sandbox' as const }, signatureHtml: '' };

export interface Outgoing {
  /** "Label — email" as the From select shows it. */
  from: string;
  to: string;
  subject: string;
  body: string;
  files?: string[];
}

/** Opens a new message and fills it in the way a person would; does not press Send. */
export async function writeMessage(app: AppUnderTest, message: Outgoing, queueFiles: (app: AppUnderTest, paths: string[]) => Promise<void>): Promise<void> {
  const { page } = app;
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  await composer.getByLabel('From').selectOption({ label: message.from });
  const to = composer.getByLabel('To', { exact: true });
  await to.fill(message.to);
  await to.press('Enter');
  await composer.getByLabel('Subject').fill(message.subject);
  await composer.getByRole('textbox', { name: 'Message body' }).click();
  await page.keyboard.type(message.body);
  if (message.files && message.files.length > 0) {
    await queueFiles(app, message.files);
    await composer.getByRole('button', { name: 'Attach files' }).click();
    await expect(composer.getByRole('list', { name: 'Attachments' }).getByRole('listitem')).toHaveCount(message.files.length);
  }
}

/** Sets the undo delay through the Settings view's select (0 keeps the specs fast). */
export async function setUndoDelay(page: Page, seconds: number): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  const select = page.getByLabel('Undo send delay in seconds');
  await select.selectOption(String(seconds));
  await expect(select).toHaveValue(String(seconds));
}

export async function openOutbox(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Mailboxes' }).getByRole('button', { name: /^Outbox/ }).click();
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
}

/** The Outbox view's row for a subject, named "<subject>: <state>". */
export function outboxRow(page: Page, subject: string, state?: string) {
  const list = page.getByRole('list', { name: 'Outbox messages' });
  return state ? list.getByRole('listitem', { name: `${subject}: ${state}`, exact: true }) : list.getByRole('listitem', { name: new RegExp(`^${subject}: `) });
}

export interface ArrivedFile {
  filename: string;
  size: number;
  sha256: string;
}

/** The files a vendor received, from what its simulator recorded (multipart parts or base64 in JSON). */
export function arrivedFiles(vendor: VendorName, sim: VendorSimulator): ArrivedFile[] {
  if (vendor === 'unipile') return sim.requests.flatMap((r) => r.files.filter((f) => f.field === 'attachments').map(({ filename, size, sha256 }) => ({ filename, size, sha256 })));
  return sim.requests.flatMap((r) => {
    const body = r.body as { attachments?: { filename: string; content_base64: string }[] } | undefined;
    return (body?.attachments ?? []).map((a) => {
      const bytes = Buffer.from(a.content_base64, 'base64');
      return { filename: a.filename, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
  });
}

/** Closes the spec's harness and starts another on the same data folder, as a restart of the app would. */
export async function restartHarness(app: AppUnderTest): Promise<Harness> {
  if (!app.harness) throw new Error('Restarting on the same data folder needs the harness.');
  await app.harness.close();
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const again = await startHarness({ dataDir: app.dataDir, staticDir: path.join(root, 'dist/harness'), version, testHooks: true });
  await app.page.goto(again.url);
  return again;
}

/** The desktop notifications the harness's recording notifier was asked to show, through its test hook. */
export async function shownNotifications(app: AppUnderTest): Promise<{ title: string; body: string }[]> {
  if (!app.harness) throw new Error('Reading notifications needs the harness.');
  const response = await app.page.request.get(`${app.harness.origin}/__test/notifications?token=${app.harness.token}`);
  if (!response.ok()) throw new Error(`The harness refused the notifications hook: ${response.status()}`);
  return (await response.json()) as { title: string; body: string }[];
}
