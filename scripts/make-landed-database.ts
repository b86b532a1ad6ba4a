/**
 * Writes the fixture database `electron/fixtures/landed-2026-12-06.sqlite`: the schema and rows the version of
 * Composer landed on 2026-12-06 (main at e43153f) writes, produced by that version's own code
 * through the same core the app starts. Run from a checkout of that commit:
 *
 *   npx tsx scripts/make-landed-database.ts electron/fixtures/landed-2026-12-06.sqlite
 *
 * It is kept to show how the fixture was made; the committed file is what the upgrade test
 * opens (electron/core.upgrade.test.ts), so it must not be regenerated with newer
 * code.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createCore } from '../electron/core.js';
import { createFileKeyCipher } from '../electron/services/vault/file-key-cipher.js';
import { startRollout } from '../e2e/vendors/rollout/simulator.js';
import { startStuut } from '../e2e/vendors/stuut/simulator.js';

const out = process.argv[2];
if (!out) throw new Error('usage: make-landed-database.ts <out.sqlite>');
const dir = await mkdtemp(path.join(tmpdir(), 'composer-fixture-'));
const sender = { url: 'http://127.0.0.1:1', isTopFrame: true };
const rollout = await startRollout();
const stuut = await startStuut();
let now = Date.UTC(2026, 11, 6, 9, 0, 0);
const core = createCore({
  info: { name: 'Composer', version: '0.1.0', dataDir: dir, platform: 'linux', runtime: 'harness' },
  trustedOrigins: [sender.url],
  cipher: createFileKeyCipher(dir),
  clock: () => (now += 1_000),
  filePicker: { pickFiles: async () => [path.join(dir, 'terms.txt')] },
});
const ok = async <T>(channel: string, input?: unknown): Promise<T> => {
  const result = await core.dispatch(channel, input, sender);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
};
const from = { name: 'Ann Example', email: 'ann@example.com' };
const to = [{ name: 'Bea Lee', email: 'bea@example.org' }];
const message = (accountId: string, subject: string, extra: Record<string, unknown> = {}) => ({
  to, cc: [{ email: 'cy@example.org' }], bcc: [], subject, html: `<p>${subject}, in full.</p>`, text: `${subject}, in full.`, accountId, attachments: [], ...extra,
});
try {
  await ok('outbox:setSettings', { undoDelayMs: 0 });
  const sandbox = await ok<{ id: string }>('accounts:save', { label: 'Sandbox', from, settings: { provider: 'sandbox' } });
  const badStuut = await ok<{ id: string }>('accounts:save', { label: 'Stuut', from, settings: { provider: 'stuut', baseUrl: stuut.url, emailSender: 'sndr_fixture' }, secret: 'stuut_revoked_token' });
  const lossy = await ok<{ id: string }>('accounts:save', { label: 'Rollout', from, settings: { provider: 'rollout', baseUrl: rollout.url, credentialId: rollout.info.credentialId }, secret: rollout.info.jwt });
  await writeFile(path.join(dir, 'terms.txt'), 'Payment within 30 days.\n');
  const files = await ok<{ token: string; filename: string; mimeType: string; size: number }[]>('attachments:pick');
  await ok('outbox:submit', message(sandbox.id, 'Quarterly numbers', { attachments: files }));
  await ok('outbox:submit', message(sandbox.id, 'Lunch on Friday'));
  await ok('outbox:submit', message(badStuut.id, 'Overdue reminder'));
  rollout.injectFault({ kind: 'lost-response', as: 'gateway-timeout' });
  await ok('outbox:submit', message(lossy.id, 'Contract renewal', { cc: [] }));
  await core.outbox.idle();
  await ok('outbox:submit', message(sandbox.id, 'Monday plan', { sendAt: new Date(Date.UTC(2027, 0, 4, 8, 0, 0)).toISOString() }));
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Notes for the board.' }] }] };
  await ok('drafts:save', { content: { accountId: sandbox.id, to, cc: [], bcc: [], subject: 'Board notes', doc, showCc: false, showBcc: false, attachments: [] } });
} finally {
  core.close();
  await rollout.close();
  await stuut.close();
}
// One file, no log beside it, no free pages.
const db = new DatabaseSync(path.join(dir, 'composer.sqlite'));
db.exec('VACUUM');
db.close();
await copyFile(path.join(dir, 'composer.sqlite'), out);
await rm(dir, { recursive: true, force: true });
console.log(`wrote ${out}`);
