import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ann, bob, contentOf, cyd, DAY, failed, historyFixture, sent, type HistoryFixture } from './test-support.js';

let f: HistoryFixture;
beforeEach(() => {
  f = historyFixture();
});
afterEach(() => f.cleanup());

describe('thread placement', () => {
  it('follows the vendor thread id even when the subject changes', async () => {
    const first = await f.record({ provider: 'rollout', outcome: sent('m1', 'T1') });
    const second = await f.record({ provider: 'rollout', content: contentOf({ subject: 'Something else entirely', to: [cyd] }), outcome: sent('m2', 'T1') });
    expect(second.threadId).toBe(first.threadId);
    expect(f.history.thread(first.threadId).thread.count).toBe(2);
  });

  it('keeps two vendor threads apart even with the same subject and people', async () => {
    const first = await f.record({ provider: 'stuut', outcome: sent('m1', 'T1') });
    const second = await f.record({ provider: 'stuut', outcome: sent('m2', 'T2') });
    expect(second.threadId).not.toBe(first.threadId);
  });

  it('puts a reply written from the history in the thread it answers, where the vendor cannot thread (Rebilly)', async () => {
    const original = await f.record({ provider: 'rebilly', outcome: sent('rb-1') });
    // A changed subject and no vendor thread: only the history link can place it.
    const reply = await f.record({ provider: 'rebilly', replyToHistoryId: original.id, content: contentOf({ subject: 'About those numbers', to: [bob] }), outcome: sent('rb-2') });
    expect(reply.threadId).toBe(original.threadId);
    expect(f.history.thread(original.threadId).messages.map((m) => m.inReplyToId)).toEqual([null, original.id]);
  });

  it('puts a reply naming the vendor id of a recorded message in its thread, before the vendor’s new thread id', async () => {
    const original = await f.record({ provider: 'unipile', outcome: sent('prov-1') });
    const reply = await f.record({
      provider: 'unipile',
      content: contentOf({ subject: 'Different', to: [bob], inReplyTo: { remoteId: 'prov-1' } }),
      outcome: sent('prov-2', 'unipile-thread-9'),
    });
    expect(reply.threadId).toBe(original.threadId);
  });

  it('groups by normalized subject within the account when someone is in both and the thread is under 30 days old', async () => {
    const first = await f.record({ content: contentOf({ subject: 'Invoice 42', to: [ann, bob] }), outcome: sent('a') });
    f.advance(10 * DAY);
    const again = await f.record({ content: contentOf({ subject: 'RE: AW:  invoice   42', to: [bob] }), outcome: sent('b') });
    expect(again.threadId).toBe(first.threadId);
  });

  it('starts a new thread for the same subject with nobody in common, in another account, after 30 days, or without a subject', async () => {
    const first = await f.record({ content: contentOf({ subject: 'Invoice 42', to: [ann] }), outcome: sent('a') });
    const strangers = await f.record({ content: contentOf({ subject: 'Re: Invoice 42', to: [cyd] }), outcome: sent('b') });
    const otherAccount = await f.record({ accountId: 'acct-2', content: contentOf({ subject: 'Re: Invoice 42', to: [ann] }), outcome: sent('c') });
    const blank1 = await f.record({ content: contentOf({ subject: '', to: [ann] }), outcome: sent('d') });
    const blank2 = await f.record({ content: contentOf({ subject: '  ', to: [ann] }), outcome: sent('e') });
    f.advance(31 * DAY);
    const late = await f.record({ content: contentOf({ subject: 'Re: Invoice 42', to: [ann] }), outcome: sent('f') });
    const ids = [first, strangers, otherAccount, blank1, blank2, late].map((r) => r.threadId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps a failed attempt and its successful retry together, and the thread takes the vendor id', async () => {
    const failure = await f.record({ provider: 'rollout', outcome: failed() });
    const retry = await f.record({ provider: 'rollout', outcome: sent('m1', 'T1') });
    expect(retry.threadId).toBe(failure.threadId);
    const later = await f.record({ provider: 'rollout', content: contentOf({ subject: 'New topic', to: [bob] }), outcome: sent('m2', 'T1') });
    expect(later.threadId).toBe(failure.threadId);
    expect(f.history.thread(failure.threadId).thread.statuses).toEqual({ sent: 2, failed: 1, unknown_outcome: 0 });
  });

  it('ignores a reply link to a message that no longer exists and places the reply by its subject', async () => {
    const original = await f.record({ outcome: sent('a') });
    const reply = await f.record({ replyToHistoryId: 'gone-id', content: contentOf({ subject: 'Re: Quarterly numbers' }), outcome: sent('b') });
    expect(reply.threadId).toBe(original.threadId);
  });
});
