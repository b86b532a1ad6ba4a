import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutgoingMessage } from '../shared/outgoing.js';
import { attachmentFromFile } from '../electron/services/attachments/attachment-files.js';
import type { AccountSettings } from '../shared/accounts.js';
import { crmGatewayProvider } from '../electron/providers/crm-gateway.js';
import type { Provider } from '../electron/providers/types.js';
import { unipileProvider } from '../electron/providers/unipile.js';

/**
 * Child process of the attachment memory bench: sends one large attachment through a real
 * adapter and prints `{"deltaMb": …}` — peak RSS during the send minus RSS just before it.
 * It runs alone in its process so the simulator's own memory (in the parent) never counts.
 * argv: the provider id, the account settings (JSON), the key, the big file's path, its size in bytes.
 */
const [providerId = '', settingsJson = '{}', secret = '', bigFile = '', bigSize = '0'] = process.argv.slice(2);
const providers: Record<string, Provider> = { unipile: unipileProvider as Provider, 'crm-gateway': crmGatewayProvider as Provider };
const provider = providers[providerId];
if (!provider) throw new Error(`no adapter ${providerId} in this bench`);
const account = { id: 'bench', settings: JSON.parse(settingsJson) as AccountSettings, secret };

function message(file: string, size: number): OutgoingMessage {
  return {
    from: { name: 'Bench', email: 'bench@acme.example' },
    to: [{ email: 'bo@client.example' }],
    cc: [],
    bcc: [],
    subject: 'Large attachment',
    html: '<p>See attached.</p>',
    text: 'See attached.',
    attachments: [attachmentFromFile({ filename: path.basename(file), mimeType: 'application/octet-stream', size, path: file })],
    // A fresh key per send, as the outbox gives every message: two sends are two emails.
    idempotencyKey: randomUUID(),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;

// Warm-up: the same code path once with a small file, so module loading, the HTTP pool and
// the JIT are paid for before the baseline.
const small = `${bigFile}.small`;
await writeFile(small, Buffer.alloc(64 * 1024, 1));
await provider.send(message(small, 64 * 1024), account);
gc?.();
await new Promise((resolve) => setTimeout(resolve, 50));

const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
await provider.send(message(bigFile, Number(bigSize)), account);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

process.stdout.write(`${JSON.stringify({ deltaMb: (peak - baseline) / (1024 * 1024) })}\n`);
