import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ann, bob, contentOf, historyFixture, sent, type HistoryFixture } from './test-support.js';

let f: HistoryFixture;
beforeEach(() => {
  f = historyFixture();
});
afterEach(() => f.cleanup());

const file = () => f.attachments.import({ filename: 'plan.pdf', mimeType: 'application/pdf', dataBase64: Buffer.from('plan').toString('base64') });

describe('reply targets', () => {
  it('replies to the people the message went to, quoting it, with the vendor ids and the history link', async () => {
    const original = await f.record({
      provider: 'stuut',
      content: contentOf({ subject: 'Plan', to: [ann], cc: [bob, { email: 'me@home.io' }], bcc: [{ email: 'secret@x.io' }], html: '<p>The plan</p>' }),
      outcome: sent('em_1', 'th_1'),
    });
    const reply = await f.history.replyTarget(original.id, 'reply');
    expect(reply).toMatchObject({ accountId: 'acct-1', to: [ann], cc: [], subject: 'Re: Plan', inReplyTo: { remoteId: 'em_1', remoteThreadId: 'th_1' }, replyToHistoryId: original.id });
    expect(reply.html).toContain('<blockquote><p>The plan</p></blockquote>');
    expect(reply.html).toContain('Me &#60;me@home.io&#62; wrote:');
    expect(reply.note).toBeUndefined();
    const all = await f.history.replyTarget(original.id, 'reply-all');
    // Never the Bcc, never the account's own address.
    expect(all.cc).toEqual([bob]);
  });

  it('leaves the vendor ids out with a note where the reply cannot thread at the vendor', async () => {
    const rebilly = await f.record({ provider: 'rebilly', outcome: sent('rb-1') });
    const reply = await f.history.replyTarget(rebilly.id, 'reply');
    expect(reply.inReplyTo).toBeUndefined();
    expect(reply.replyToHistoryId).toBe(rebilly.id);
    expect(reply.note).toMatch(/Rebilly cannot thread replies/);
    const unipile = await f.record({ provider: 'unipile', outcome: { status: 'sent', result: { remoteId: 'trk', status: 'sent', threadable: false } } });
    expect((await f.history.replyTarget(unipile.id, 'reply-all')).inReplyTo).toBeUndefined();
  });

  it('forwards with the stored copies that are still there and names the ones that are not', async () => {
    const plan = await file();
    const recorded = await f.record({ content: contentOf({ subject: 'Plan' }), attachments: [plan, { token: 'B'.repeat(24), filename: 'old.doc', mimeType: 'application/msword', size: 3 }], outcome: sent('1') });
    const forward = await f.history.replyTarget(recorded.id, 'forward');
    expect(forward).toMatchObject({ to: [], subject: 'Fwd: Plan', attachments: [plan], missingAttachments: ['old.doc'] });
    expect(forward.inReplyTo).toBeUndefined();
    expect(forward.html).toContain('Forwarded message');
    await expect(f.history.replyTarget('nope', 'reply')).rejects.toThrow(/no longer in the history/);
  });

  it('gives Retry and Open in composer the message as it was: Bcc, files, and what it answered', async () => {
    const plan = await file();
    const original = await f.record({ provider: 'stuut', outcome: sent('em_1', 'th_1') });
    const failedReply = await f.record({
      provider: 'stuut',
      replyToHistoryId: original.id,
      content: contentOf({ subject: 'Re: Quarterly numbers', to: [ann], bcc: [bob], inReplyTo: { remoteId: 'em_1', remoteThreadId: 'th_1' } }),
      attachments: [plan],
      outcome: { status: 'failed', error: { kind: 'network', message: 'Stuut could not be reached.' } },
    });
    const copy = await f.history.replyTarget(failedReply.id, 'copy');
    expect(copy).toMatchObject({
      accountId: 'acct-1',
      to: [ann],
      bcc: [bob],
      subject: 'Re: Quarterly numbers',
      html: '<p>The numbers are in.</p>',
      inReplyTo: { remoteId: 'em_1', remoteThreadId: 'th_1' },
      replyToHistoryId: original.id,
      attachments: [plan],
      missingAttachments: [],
    });
    const retried = await f.record({ provider: 'stuut', replyToHistoryId: copy.replyToHistoryId!, content: contentOf({ subject: copy.subject, inReplyTo: copy.inReplyTo! }), outcome: sent('em_2', 'th_1') });
    expect(retried.threadId).toBe(original.threadId);
    expect(f.history.thread(original.threadId).thread.statuses).toEqual({ sent: 2, failed: 1, unknown_outcome: 0 });
  });
});
