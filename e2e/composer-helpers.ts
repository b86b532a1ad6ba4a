import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { AccountDraftInput } from '../shared/accounts.js';
import type { DraftDoc } from '../shared/drafts.js';
import type { AppUnderTest } from './fixtures.js';

/** Connects accounts through the same channel the Accounts screen uses. */
export async function connectAccounts(page: Page, drafts: AccountDraftInput[]): Promise<void> {
  // The window lists the accounts as it starts; if that first answer came back after our save's
  // accounts:changed event it would put back the empty list. Let the start settle first.
  await page.getByTestId('app-version').waitFor();
  await page.evaluate(() => window.mailer!.accounts.list());
  for (const draft of drafts) {
    const result = await page.evaluate((input) => window.mailer!.accounts.save(input), draft);
    if (!result.ok) throw new Error(`Could not connect ${draft.label}: ${result.error.message}`);
  }
}

/** Saves a draft with no account or recipients, as the composer's autosave would: `subject` over the body `doc` (TipTap JSON). */
export async function saveDraft(page: Page, subject: string, doc: DraftDoc): Promise<void> {
  const result = await page.evaluate(
    ([title, body]) => window.mailer!.drafts.save({ content: { accountId: null, to: [], cc: [], bcc: [], subject: title, doc: body, showCc: false, showBcc: false, attachments: [] } }),
    [subject, doc] as const,
  );
  if (!result.ok) throw new Error(`Could not save the draft "${subject}": ${result.error.message}`);
}

/**
 * Makes the next "Attach files" choose these files in the browser's own file chooser (harness
 * only: the harness has no native dialog): the bytes then travel as a person's would.
 */
export function queuePickedFiles(app: AppUnderTest, paths: string[]): Promise<void> {
  if (!app.harness) throw new Error('Picking files from a spec needs the harness.');
  app.page.once('filechooser', (chooser) => void chooser.setFiles(paths));
  return Promise.resolve();
}

export interface SandboxDelivery {
  accountId: string;
  to: { name?: string; email: string }[];
  cc: { name?: string; email: string }[];
  bcc: { name?: string; email: string }[];
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; size: number; sha256: string }[];
}

/** What the sandbox provider received, in order. */
export async function sandboxDeliveries(app: AppUnderTest): Promise<SandboxDelivery[]> {
  const text = await readFile(path.join(app.dataDir, 'sandbox-outbox.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SandboxDelivery);
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Pastes text the way the system clipboard would deliver it to the focused element. */
export async function pasteText(target: Locator, text: string): Promise<void> {
  await target.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Resolves after the page has rendered its next frame and run the tasks queued before it. */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}
