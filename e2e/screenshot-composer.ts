import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AccountDraftInput } from '../shared/accounts.js';

/** The two accounts the composer screenshot writes from. */
export const composerAccounts: AccountDraftInput[] = [
  { label: 'Northwind', from: { name: 'Ann Lee', email: 'ann@northwind.example' }, settings: { provider: 'sandbox' }, signatureHtml: '<p>Ann Lee · Head of Finance, Northwind</p>' },
  { label: 'Personal', from: { name: 'Ann Lee', email: 'ann.lee@mail.example' }, settings: { provider: 'sandbox' }, signatureHtml: '<p>Ann</p>' },
];

async function pasteInto(page: Page, selector: string, type: 'text/plain' | 'text/html', value: string): Promise<void> {
  await page.locator(selector).evaluate(
    (element, [kind, pasted]) => {
      const data = new DataTransfer();
      data.setData(kind, pasted);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [type, value] as const,
  );
}

/**
 * Fills the composer the way a person would: recipients typed and pasted (one of them
 * invalid), a Cc, a subject, a formatted body and two files from the dialog.
 */
export async function fillComposer(page: Page, dataDir: string): Promise<void> {
  await page.getByRole('button', { name: 'New message' }).click();
  const composer = page.getByRole('region', { name: 'New message' });
  const to = composer.getByLabel('To', { exact: true });
  await to.fill('Bea Lee <bea@example.org>');
  await to.press('Enter');
  await to.fill('carl@example');
  await to.press('Enter');
  await composer.getByRole('button', { name: 'Add Cc' }).click();
  const cc = composer.getByLabel('Cc', { exact: true });
  await cc.fill('"Finance team" <finance@northwind.example>');
  await cc.press('Enter');
  await composer.getByLabel('Subject').fill('Q3 budget review: numbers and next steps');
  const body = composer.getByRole('textbox', { name: 'Message body' });
  await body.click();
  await pasteInto(
    page,
    '.ProseMirror',
    'text/html',
    [
      '<p>Hi Bea,</p>',
      '<p>Here are the <strong>Q3 numbers</strong> before Thursday’s review. The full report is on the <a href="https://example.com/q3">finance wiki</a>.</p>',
      '<ul><li><p>Revenue is up <strong>12%</strong> on Q2</p><ul><li><p>most of it from the <em>spring launch</em></p></li></ul></li><li><p>Travel costs are back within budget</p></li></ul>',
      '<blockquote><p>Can we move the review to 3 pm? — Carl</p></blockquote>',
      '<p>Thanks,</p>',
    ].join(''),
  );
  await composer.getByRole('list', { name: 'To recipients' }).getByRole('listitem').nth(1).waitFor();
  const files = [
    { name: 'q3-budget.pdf', bytes: Buffer.alloc(182_400, 7) },
    { name: 'revenue-by-region.csv', bytes: Buffer.from('region,q2,q3\nnorth,120,134\nsouth,98,112\n'.repeat(120)) },
  ];
  const paths = files.map((file) => path.join(dataDir, file.name));
  await Promise.all(files.map((file, i) => writeFile(paths[i] ?? '', file.bytes)));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), composer.getByRole('button', { name: 'Attach files' }).click()]);
  await chooser.setFiles(paths);
  await composer.getByRole('list', { name: 'Attachments' }).getByRole('listitem').nth(1).waitFor();
  // Leave focus in the body so the screenshot shows the composer as it is used.
  await body.click({ position: { x: 10, y: 10 } });
}
