/**
 * Spawned by core.crash-send.test.ts: a core on the given data folder connects the account
 * given as JSON, sets the undo delay to 0 and submits one message, then prints
 * "submitted <id>" and waits. The test kills this process with SIGKILL while the vendor
 * is still answering.
 */
import { createCore } from './core.js';
import { createFileKeyCipher } from './services/vault/file-key-cipher.js';
import { message } from './services/outbox/test-support.js';

const [dataDir, accountJson] = process.argv.slice(2);
if (!dataDir || !accountJson) throw new Error('usage: core.crash-send.child.ts <dataDir> <account draft JSON>');
const sender = { url: 'http://127.0.0.1:1', isTopFrame: true };
const core = createCore({
  info: { name: 'Composer', version: '0.0.0', dataDir, platform: 'linux', runtime: 'harness' },
  trustedOrigins: [sender.url],
  cipher: createFileKeyCipher(dataDir),
});
const ok = async (channel: Parameters<typeof core.dispatch>[0], input?: unknown) => {
  const result = await core.dispatch(channel, input, sender);
  if (!result.ok) throw new Error(`${String(channel)}: ${result.error.message}`);
  return result.value as { id: string };
};
await ok('outbox:setSettings', { undoDelayMs: 0 });
const account = await ok('accounts:save', JSON.parse(accountJson));
const submitted = await ok('outbox:submit', message(account.id, { subject: 'Sent while killed' }));
process.stdout.write(`submitted ${submitted.id}\n`);
// Stay alive until killed: the send is in flight.
setInterval(() => undefined, 60_000);
