import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../electron/core.js';
import { createFileKeyCipher } from '../electron/services/vault/file-key-cipher.js';
import { compileTemplate, fillCompiled, missingInCompiled, recipientValues } from '../shared/merge-fields.js';
import { parseMergeTable } from '../shared/merge-table.js';
import { summarize } from './stats.js';
import type { BenchSuite, Metric } from './types.js';

const WARMUP = 3;
const RUNS = 20;
const RECIPIENTS = 500;

/** A 20 KB HTML template with a merge field every few sentences, some with fallbacks. */
function template(): { html: string; text: string } {
  const paragraph = (i: number) =>
    `<p style="margin:0 0 12px">Dear {{first_name}}, about {{invoice_number | "your invoice"}} for {{company}} (paragraph ${i}): ` +
    'the balance shown is due within thirty days; reply to this email with any question about it. </p>';
  let html = '';
  for (let i = 0; html.length < 20 * 1024; i++) html += paragraph(i);
  return { html, text: html.replace(/<[^>]+>/g, '') };
}

function pastedTable(): string {
  const lines = ['email\tfirst_name\tcompany\tinvoice_number'];
  for (let i = 0; i < RECIPIENTS; i++) lines.push(`r${i}@example.com\tName${i}\tCompany ${i} & Co\t${i % 7 === 0 ? '' : `INV-${1000 + i}`}`);
  return lines.join('\n');
}

const sender = { url: 'http://127.0.0.1:1', isTopFrame: true };
const BATCH_RUNS = 8;

async function ok<T>(core: Core, channel: Parameters<Core['dispatch']>[0], input?: unknown): Promise<T> {
  const result = await core.dispatch(channel, input, sender);
  if (!result.ok) throw new Error(`${String(channel)}: ${result.error.message}`);
  return result.value as T;
}

/**
 * `teams.batch_submit_500_ms`: Send individually to 500 recipients with a 20 KB template and a
 * pasted table, from the dispatcher's entry until all 500 outbox entries (own ids and keys,
 * paced) and the batch are committed to the SQLite file on disk.
 */
async function batchSubmitMs(html: string, text: string, pasted: string): Promise<Metric> {
  const dir = await mkdtemp(path.join(tmpdir(), 'composer-bench-teams-'));
  const core = createCore({
    info: { name: 'Composer', version: '0.0.0', dataDir: dir, platform: 'linux', runtime: 'harness' },
    trustedOrigins: [sender.url],
    cipher: createFileKeyCipher(dir),
  });
  try {
    // The longest undo delay keeps the worker out of the measurement.
    await ok(core, 'outbox:setSettings', { undoDelayMs: 30_000 });
    const { id } = await ok<{ id: string }>(core, 'accounts:save', { label: 'Sandbox', from: { name: 'Ann', email: 'ann@example.com' }, settings: { provider: 'sandbox' } });
    const to = Array.from({ length: RECIPIENTS }, (_, i) => ({ email: `r${i}@example.com` }));
    const samples: number[] = [];
    for (let run = 0; run < BATCH_RUNS + 1; run++) {
      const input = { message: { accountId: id, to, cc: [], bcc: [], subject: `Invoice {{invoice_number | "due"}} (${run})`, html, text, attachments: [] }, copies: 'none', mergeTable: pasted };
      const started = performance.now();
      const outcome = await ok<{ count: number }>(core, 'outbox:submitBatch', input);
      const elapsed = performance.now() - started;
      if (outcome.count !== RECIPIENTS) throw new Error(`queued ${outcome.count} of ${RECIPIENTS}`);
      if (run >= 1) samples.push(elapsed);
    }
    return summarize(samples, 'ms');
  } finally {
    core.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `teams.preview_ms`: "Preview request" for a 200 KB message with two 1 MB files through the
 * CRM gateway's adapter (JSON with base64 files, the heaviest body): from the dispatcher's
 * entry to the masked request with each file as its size and hash. No request is made.
 */
async function previewMs(): Promise<Metric> {
  const dir = await mkdtemp(path.join(tmpdir(), 'composer-bench-preview-'));
  const core = createCore({
    info: { name: 'Composer', version: '0.0.0', dataDir: dir, platform: 'linux', runtime: 'harness' },
    trustedOrigins: [sender.url],
    cipher: createFileKeyCipher(dir),
  });
  try {
    const settings = { provider: 'crm-gateway', endpointUrl: 'http://127.0.0.1:9/v1/email/send' };
    const { id } = await ok<{ id: string }>(core, 'accounts:save', { label: 'Gateway', from: { name: 'Ann', email: 'ann@example.com' }, settings, secret: 'wbk_live_bench_key_0123456789' });
    const files = await Promise.all(
      [1, 2].map((n) => ok<object>(core, 'attachments:import', { filename: `scan-${n}.bin`, mimeType: 'application/octet-stream', dataBase64: Buffer.alloc(1024 * 1024, n).toString('base64') })),
    );
    const paragraph = '<p>The quarterly numbers are in and they look good; details follow below. </p>';
    const html = paragraph.repeat(Math.ceil(140_000 / paragraph.length));
    const text = 'The quarterly numbers are in and they look good; details follow below.\n\n'.repeat(Math.ceil(60_000 / 75));
    const message = { accountId: id, to: [{ name: 'Bea Lee', email: 'bea@example.org' }], cc: [], bcc: [], subject: 'Numbers', html, text, attachments: files };
    const samples: number[] = [];
    for (let run = 0; run < 25; run++) {
      const started = performance.now();
      const preview = await ok<{ body: { kind: string; text?: string } }>(core, 'preview:request', message);
      const elapsed = performance.now() - started;
      if (!preview.body.text?.includes('[file: 1048576 bytes')) throw new Error('the preview lost a file');
      if (run >= 5) samples.push(elapsed);
    }
    return summarize(samples, 'ms');
  } finally {
    core.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `teams.merge_500_ms`: a 20 KB template filled for 500 recipients (pasted table parsed, each
 * recipient's values built, missing fields checked, HTML and text filled) — what Send
 * individually does before it puts the messages in the outbox.
 */
const suite: BenchSuite = {
  name: 'teams',
  async run() {
    const { html, text } = template();
    const pasted = pastedTable();
    const samples: number[] = [];
    let bytes = 0;
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const started = performance.now();
      const parsed = parseMergeTable(pasted);
      if (!parsed.ok) throw new Error(parsed.error);
      const htmlTemplate = compileTemplate(html, 'html');
      const textTemplate = compileTemplate(text, 'text');
      bytes = 0;
      for (let i = 0; i < RECIPIENTS; i++) {
        const values = recipientValues({ email: `r${i}@example.com` }, parsed.table);
        if (missingInCompiled([htmlTemplate, textTemplate], values).length > 0) throw new Error('a field is missing');
        bytes += fillCompiled(htmlTemplate, values).length + fillCompiled(textTemplate, values).length;
      }
      const elapsed = performance.now() - started;
      if (run >= WARMUP) samples.push(elapsed);
    }
    if (bytes < RECIPIENTS * 20 * 1024) throw new Error('filled less than the template');
    return { 'teams.merge_500_ms': summarize(samples, 'ms'), 'teams.batch_submit_500_ms': await batchSubmitMs(html, text, pasted), 'teams.preview_ms': await previewMs() };
  },
};

export default suite;
