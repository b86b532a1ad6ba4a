import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UnipileClient } from 'unipile-node-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleMessage } from '../../e2e/vendors/kit/send-fixtures.js';
import type { RecordedRequest, VendorSimulator } from '../../e2e/vendors/kit/types.js';
import { startUnipile } from '../../e2e/vendors/unipile/simulator.js';
import { fileAttachment } from '../services/attachments/test-support.js';
import type { OutgoingMessage } from '../../shared/outgoing.js';
import { unipileProvider } from './unipile.js';

/**
 * The vendor's own Node SDK (unipile-node-sdk 1.9.3, `EmailResource.send`) and our adapter send
 * the same email to the same loopback simulator; the two multipart forms must agree field by
 * field. The SDK is driven as shipped: its client takes any `http://host:port` base URL.
 */

const KEY = 'unipile-parity-key-81c2';
const ACCOUNT = 'acc_parity';
/** An email the mailbox received earlier, by its provider id: what a reply points at. */
const PARENT = '18c9a4b2e7ff21aa';

let sim: VendorSimulator;
let dir: string;
beforeAll(async () => {
  sim = await startUnipile({ apiKey: KEY, accountId: ACCOUNT, knownEmailIds: [PARENT] });
  dir = await mkdtemp(path.join(tmpdir(), 'unipile-parity-'));
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => sim.reset());

async function file(name: string, content: Buffer) {
  return { ...(await fileAttachment(dir, name, content)), content };
}

/** What the SDK receives for one email: the attendee objects its types declare, files as [name, Buffer]. */
function sdkInput(message: OutgoingMessage, files: { filename: string; content: Buffer }[], replyToHeader?: string) {
  const attendee = (a: { name?: string; email: string }) => (a.name ? { display_name: a.name, identifier: a.email } : { identifier: a.email });
  return {
    account_id: ACCOUNT,
    from: attendee(message.from),
    to: message.to.map(attendee),
    ...(message.cc.length > 0 ? { cc: message.cc.map(attendee) } : {}),
    ...(message.bcc.length > 0 ? { bcc: message.bcc.map(attendee) } : {}),
    subject: message.subject,
    body: message.html,
    ...(message.inReplyTo ? { reply_to: message.inReplyTo.remoteId } : {}),
    ...(replyToHeader ? { custom_headers: [{ name: 'Reply-To', value: replyToHeader }] } : {}),
    ...(files.length > 0 ? { attachments: files.map((f): [string, Buffer] => [f.filename, f.content]) } : {}),
  };
}

/** The parts of a recorded request the vendor reads: fields by name, files by name, size and content. */
function form(req: RecordedRequest | undefined) {
  return { fields: req?.body, files: req?.files.map(({ field, filename, size, sha256 }) => ({ field, filename, size, sha256 })) };
}

describe('unipile adapter vs the vendor SDK', () => {
  it('encodes a full email exactly as the SDK does: one JSON array field per attendee list', async () => {
    const files = [await file('report.pdf', randomBytes(40_000)), await file('notes — été.txt', Buffer.from('notes\n'))];
    const message = sampleMessage({
      to: [{ name: 'Bo Buyer', email: 'bo@client.example' }, { email: 'cy@client.example' }],
      cc: [{ name: 'Dee', email: 'dee@client.example' }, { email: 'eve@client.example' }],
      bcc: [{ email: 'audit@acme.example' }],
      replyTo: { name: 'Doe, Jane', email: 'jane@acme.example' },
      inReplyTo: { remoteId: PARENT },
      attachments: files.map(({ content: _content, ...attachment }) => attachment),
    });

    const client = new UnipileClient(sim.url, KEY);
    await client.email.send(sdkInput(message, files, '"Doe, Jane" <jane@acme.example>'));
    await unipileProvider.send(message, { id: 'local', secret: KEY, settings: { provider: 'unipile', baseUrl: sim.url, accountId: ACCOUNT, timeoutMs: 5_000 } });

    expect(sim.requests).toHaveLength(2);
    const [sdk, ours] = [form(sim.requests[0]), form(sim.requests[1])];
    // Every field, by name and value; multipart field order carries no meaning to the vendor.
    expect(ours.fields).toEqual(sdk.fields);
    expect(ours.files).toEqual(sdk.files);
    // And the shape that matters, spelled out: ONE `to` field holding the whole array.
    expect((sdk.fields as Record<string, string[]>).to).toEqual([
      JSON.stringify([{ display_name: 'Bo Buyer', identifier: 'bo@client.example' }, { identifier: 'cy@client.example' }]),
    ]);
    expect(ours.files?.[0]?.sha256).toBe(createHash('sha256').update(files[0]?.content ?? '').digest('hex'));
  });

  it('agrees on a lone recipient without cc, bcc, reply or files', async () => {
    const message = sampleMessage({ to: [{ email: 'solo@client.example' }] });
    await new UnipileClient(sim.url, KEY).email.send(sdkInput(message, []));
    await unipileProvider.send(message, { id: 'local', secret: KEY, settings: { provider: 'unipile', baseUrl: sim.url, accountId: ACCOUNT, timeoutMs: 5_000 } });
    expect(sim.requests.map((r) => r.body)).toEqual([sim.requests[0]?.body, sim.requests[0]?.body]);
    expect((sim.requests[1]?.body as Record<string, string[]>).to).toEqual([JSON.stringify([{ identifier: 'solo@client.example' }])]);
  });
});
