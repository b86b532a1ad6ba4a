import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutgoingMessage } from '../shared/outgoing.js';
import { attachmentFromFile } from '../electron/services/attachments/attachment-files.js';
import { unipileProvider, type UnipileSettings } from '../electron/providers/unipile.js';

/**
 * Child process of the Unipile memory bench: sends one large attachment through the real
 * adapter and prints `{"deltaMb": …}` — peak RSS during the send minus RSS just before it.
 * It runs alone in its process so the simulator's own memory (in the parent) never counts.
 * argv: simulator URL, API key, Unipile account id, path of the big file, its size in bytes.
 */
const [url = '', apiKey = '', accountId = '', bigFile = '', bigSize = '0'] = process.argv.slice(2);
const settings: UnipileSettings = { provider: 'unipile', baseUrl: url, accountId, timeoutMs: 60_000 };
const account = { id: 'bench', settings, secret: apiKey };

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
await unipileProvider.send(message(small, 64 * 1024), account);
gc?.();
await new Promise((resolve) => setTimeout(resolve, 50));

const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
await unipileProvider.send(message(bigFile, Number(bigSize)), account);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

process.stdout.write(`${JSON.stringify({ deltaMb: (peak - baseline) / (1024 * 1024) })}\n`);
