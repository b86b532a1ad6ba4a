import type { Page } from '@playwright/test';
import { accountDraftSchema } from '../shared/accounts.js';
import type { AttachmentRef } from '../shared/message.js';
import type { Harness } from './harness/server.js';
import { CRM_GATEWAY_PATH, startCrmGateway } from './vendors/crm-gateway/simulator.js';
import { startStuut } from './vendors/stuut/simulator.js';

const message = (accountId: string, subject: string, to: string, extra: { sendAt?: string; attachments?: AttachmentRef[] } = {}) => ({
  to: [{ email: to }],
  cc: [],
  bcc: [],
  subject,
  html: `<p>${subject}</p>`,
  text: subject,
  accountId,
  attachments: [],
  ...extra,
});

/**
 * The Outbox as it looks on a busy morning: one message the gateway is still holding
 * (sending), one refused for a revoked key (failed, with Open Accounts and Retry), one
 * scheduled for later and one sent. Answers a function that stops the simulators.
 */
export async function fillOutbox(page: Page, harness: Harness): Promise<() => Promise<void>> {
  const gateway = await startCrmGateway();
  const stuut = await startStuut();
  const core = harness.core;
  const desk = await core.accounts.save(
    accountDraftSchema.parse({ label: 'Law desk', from: { email: 'desk@lawfirm.example' }, settings: { provider: 'crm-gateway', endpointUrl: `${gateway.url}${CRM_GATEWAY_PATH}` }, secret: gateway.info.apiKey }),
  );
  const collections = await core.accounts.save(
    accountDraftSchema.parse({ label: 'Collections', from: { email: 'ar@northwind.example' }, settings: { provider: 'stuut', baseUrl: stuut.url, emailSender: 'sndr_01HQ' }, secret: 'stt_revoked_key' }),
  );
  core.outbox.saveSettings({ undoDelayMs: 0 });
  await core.outbox.submit(message(desk.id, 'Engagement letter, signed', 'client@lawfirm.example'));
  await core.outbox.idle();
  gateway.injectFault({ kind: 'hang' });
  await core.outbox.submit(message(collections.id, 'Invoice 1042 is 30 days overdue', 'ap@customer.example'));
  // A 2.4 MB bundle: its row shows the upload done while the gateway keeps its answer.
  const bundle = await core.attachments.import({ filename: 'filing-bundle.pdf', mimeType: 'application/pdf', dataBase64: Buffer.alloc(2_400_000, 7).toString('base64') });
  await core.outbox.submit(message(desk.id, 'Court filing bundle', 'registry@court.example', { attachments: [bundle] }));
  const later = new Date(Date.now() + 26 * 60 * 60_000).toISOString();
  await core.outbox.submit(message(desk.id, 'Monday hearing: agenda', 'partners@lawfirm.example', { sendAt: later }));
  // The window read the settings as it started; load it again so it shows the undo delay set above.
  await page.reload();
  await page.getByTestId('app-version').waitFor();
  await page.getByRole('navigation', { name: 'Mailboxes' }).getByRole('button', { name: /^Outbox/ }).click();
  const list = page.getByRole('list', { name: 'Outbox messages' });
  await list.getByRole('listitem', { name: 'Invoice 1042 is 30 days overdue: Failed' }).waitFor();
  await list.getByRole('listitem', { name: 'Court filing bundle: Sending' }).waitFor();
  return async () => {
    await Promise.all([gateway.close(), stuut.close()]);
  };
}
