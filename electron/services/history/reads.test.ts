import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ann, bob, contentOf, cyd, failed, historyFixture, sent, type HistoryFixture } from './test-support.js';

let f: HistoryFixture;
beforeEach(() => {
  f = historyFixture();
});
afterEach(() => f.cleanup());

describe('the Sent view pages', () => {
  it('walks every thread newest first in keyset pages, without repeats, then ends', async () => {
    for (let i = 0; i < 23; i++) await f.record({ content: contentOf({ subject: `Topic ${i}` }), outcome: i % 7 === 3 ? failed() : sent(`m${i}`) });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = f.history.threads({ limit: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...page.threads.map((t) => t.subject));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `Topic ${22 - i}`));
    expect(f.history.threads({ limit: 50, status: 'failed' }).threads.map((t) => t.subject)).toEqual(['Topic 17', 'Topic 10', 'Topic 3']);
  });

  it('moves a thread to the top when a message joins it, and pages ties by id', async () => {
    const old = await f.record({ content: contentOf({ subject: 'Old', to: [bob] }), outcome: sent('a') });
    await f.record({ content: contentOf({ subject: 'Newer' }), outcome: sent('b') });
    await f.record({ content: contentOf({ subject: 'Re: Old', to: [bob], text: 'Following up on this.' }), outcome: sent('c') });
    const [top] = f.history.threads({ limit: 1 }).threads;
    expect(top).toMatchObject({ id: old.threadId, count: 2, snippet: 'Following up on this.' });
    // Same latest time: the order is still total, so a page boundary never drops or repeats a row.
    for (let i = 0; i < 4; i++) await f.history.record({ accountId: 'acct-1', provider: 'sandbox', attemptedAt: 5, content: contentOf({ subject: `Tie ${i}`, to: [cyd] }), attachments: [], outcome: sent(`t${i}`) });
    const first = f.history.threads({ limit: 5 });
    const second = f.history.threads({ limit: 5, cursor: first.nextCursor! });
    expect(new Set([...first.threads, ...second.threads].map((t) => t.id)).size).toBe(6);
  });

  it('filters by account and refuses a made-up cursor with a sentence', async () => {
    await f.record({ accountId: 'acct-2', content: contentOf({ subject: 'Other account' }), outcome: sent('x') });
    await f.record({ outcome: sent('y') });
    expect(f.history.threads({ limit: 10, accountId: 'acct-2' }).threads.map((t) => t.subject)).toEqual(['Other account']);
    expect(() => f.history.threads({ limit: 10, cursor: 'not-a-cursor' })).toThrow(/Reload the Sent view/);
    expect(() => f.history.thread('no-such-thread')).toThrow(/no longer in the history/);
  });
});

describe('search', () => {
  beforeEach(async () => {
    await f.record({ content: contentOf({ subject: 'Invoice 42', text: 'Please find the invoice for März attached.', to: [ann] }), outcome: sent('a') });
    await f.record({ content: contentOf({ subject: 'Lunch', text: 'Tacos on Friday?', to: [bob] }), outcome: failed() });
    await f.record({ accountId: 'acct-2', content: contentOf({ subject: 'Renewal', text: 'Your invoices are ready.', to: [cyd] }), outcome: sent('c') });
  });

  it('finds a body word by prefix, newest first, with the matches as segments rather than HTML', () => {
    const hits = f.history.search({ query: 'invoi', limit: 10 });
    expect(hits.map((h) => h.subject.map((s) => s.text).join(''))).toEqual(['Renewal', 'Invoice 42']);
    expect(hits[1]?.subject).toEqual([
      { text: 'Invoice', match: true },
      { text: ' 42', match: false },
    ]);
    expect(hits[1]?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['invoice']);
  });

  it('matches without accents, by recipient address, and with account and status filters', () => {
    expect(f.history.search({ query: 'marz', limit: 10 })).toHaveLength(1);
    const byAddress = f.history.search({ query: 'bob@beta', limit: 10 });
    expect(byAddress.map((h) => h.status)).toEqual(['failed']);
    expect(byAddress[0]?.recipients.some((s) => s.match)).toBe(true);
    expect(f.history.search({ query: 'invoice', accountId: 'acct-2', limit: 10 }).map((h) => h.accountId)).toEqual(['acct-2']);
    expect(f.history.search({ query: 'tacos', status: 'sent', limit: 10 })).toEqual([]);
  });

  it('treats FTS syntax typed by a person as words, and an empty query as no results', () => {
    expect(f.history.search({ query: '"invoice" OR NEAR( *', limit: 10 })).toEqual([]);
    expect(f.history.search({ query: 'invoice) (42', limit: 10 })).toHaveLength(1);
    expect(f.history.search({ query: '  ** ', limit: 10 })).toEqual([]);
  });
});

describe('recipient suggestions', () => {
  it('offers addresses sent to, by address, name or domain, most used then most recent, with names', async () => {
    await f.record({ content: contentOf({ to: [ann, bob] }), outcome: sent('1') });
    await f.record({ content: contentOf({ to: [{ name: 'Annika Öberg', email: 'annika@x.se' }] }), outcome: sent('2') });
    await f.record({ content: contentOf({ to: [ann] }), outcome: sent('3') });
    await f.record({ content: contentOf({ to: [{ email: 'anne@typo.io' }] }), outcome: failed() });
    expect(f.history.suggestRecipients('an', 10).map((s) => [s.email, s.name, s.count])).toEqual([
      ['ann@acme.io', 'Ann Lee', 2],
      ['annika@x.se', 'Annika Öberg', 1],
    ]);
    expect(f.history.suggestRecipients('ober', 10).map((s) => s.email)).toEqual(['annika@x.se']);
    expect(f.history.suggestRecipients('stone', 10).map((s) => s.email)).toEqual(['bob@beta.org']);
    expect(f.history.suggestRecipients('beta.', 10).map((s) => s.email)).toEqual(['bob@beta.org']);
    expect(f.history.suggestRecipients('  ', 10)).toEqual([]);
  });
});
