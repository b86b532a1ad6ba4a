import type { Page } from '@playwright/test';
import type { startHarness } from './harness/server.js';

type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The Templates screen with two templates and a snippet, one of them being renamed. */
export async function fillTemplates(page: Page, harness: Harness): Promise<void> {
  const accounts = (await harness.core.accounts.list()).accounts;
  const billing = accounts.find((a) => a.label === 'Billing')?.id ?? null;
  const empty = { cc: [], bcc: [], attachments: [] };
  harness.core.templates.save({ kind: 'template', name: 'Overdue reminder', accountId: billing, subject: 'Invoice {{invoice_number | "your invoice"}} is overdue', html: '<p>Hello {{first_name}},</p><p>our records show invoice {{invoice_number}} is still open. Could you check it?</p>', ...empty, cc: [{ email: 'ar@northwind.example' }] });
  harness.core.templates.save({ kind: 'template', name: 'Intro after a call', accountId: null, subject: 'Good to talk, {{first_name}}', html: '<p>Hi {{first_name}},</p><p>thanks for the call today. As promised, here is what we discussed for {{company | "your team"}}.</p>', ...empty });
  harness.core.templates.save({ kind: 'snippet', name: 'Sign-off', accountId: null, subject: '', html: '<p>Best regards,<br>Ann</p>', ...empty });
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await page.getByRole('list', { name: 'Templates and snippets' }).getByRole('listitem').nth(2).waitFor();
  await page.getByRole('button', { name: 'Rename Sign-off' }).click();
}
