import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPrefixSearch, marked } from './prefix-search.js';
import { toMatchQuery, toTerms } from './search.js';
import { contentOf, historyFixture, sent, type HistoryFixture } from './test-support.js';

let f: HistoryFixture;
beforeEach(() => {
  f = historyFixture();
});
afterEach(() => f.cleanup());

/** A small seeded generator, so a failure names a case that can be run again. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

// Words that share their first three letters, with accents and capitals, so a 3-letter walk finds many that do not match.
const WORDS = ['invoice', 'invoices', 'Invoiced', 'invent', 'inventory', 'café', 'cafeteria', 'Cafè', 'customer', 'custom', 'cushion', 'report', 'reporter', 'repo', 'paymént', 'payment', 'pay'];

describe('searching a word typed in part, past the index’s 3-letter prefixes', () => {
  it('finds exactly what FTS5 finds for the same words, newest first, over random histories and queries', async () => {
    const random = seeded(20_261_206);
    const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
    for (let i = 0; i < 60; i++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 6) }, pick).join(' ');
      await f.record({ content: contentOf({ subject: pick(), html: `<p>${words}</p>`, text: words }), outcome: sent(`m${i}`) });
    }
    // The walk reads the index: the messages' turn in the index step has come.
    f.history.indexPending();
    const prefixSearch = createPrefixSearch(f.db);
    const viaFts = f.db.prepare('SELECT m.id FROM history_search JOIN history_messages m ON m.seq = history_search.rowid WHERE history_search MATCH ? ORDER BY history_search.rowid DESC LIMIT ?');
    let compared = 0;
    for (let i = 0; i < 200; i++) {
      const typed = Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
        const word = pick();
        return word.slice(0, 4 + Math.floor(random() * (word.length - 3)));
      }).join(' ');
      const limit = 1 + Math.floor(random() * 20);
      const quick = prefixSearch(toTerms(typed), { limit });
      if (quick === null) continue;
      compared++;
      const expected = (viaFts.all(toMatchQuery(typed), limit) as { id: string }[]).map((row) => row.id);
      expect(quick.map((found) => found.hit.messageId), `"${typed}", limit ${limit}`).toEqual(expected);
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('marks the matching words, and keeps a window of the text around the first', () => {
    const terms = [{ text: 'invoi', prefix: true }];
    expect(marked('Your Invoice, and the invoices.', terms)).toEqual([
      { text: 'Your ', match: false },
      { text: 'Invoice', match: true },
      { text: ', and the ', match: false },
      { text: 'invoices', match: true },
      { text: '.', match: false },
    ]);
    const long = `${'word '.repeat(30)}invoice ${'tail '.repeat(30)}`;
    const window = marked(long, terms, 10);
    expect(window[0]!.text.startsWith('…')).toBe(true);
    expect(window.at(-1)!.text.endsWith('…')).toBe(true);
    expect(window.filter((s) => s.match).map((s) => s.text)).toEqual(['invoice']);
    expect(window.map((s) => s.text).join('').match(/[a-z]+/g)).toHaveLength(10);
  });

  it('shows a few words before the first match in a snippet, however the match was found', async () => {
    const text = `${'lead '.repeat(20)}the invoice is attached ${'tail '.repeat(20)}`;
    await f.record({ content: contentOf({ subject: 'Numbers', html: `<p>${text}</p>`, text }), outcome: sent('m1') });
    f.history.indexPending();
    for (const query of ['invoice', 'invoi', 'attached invo']) {
      const [hit] = f.history.search({ query, limit: 5 });
      const before = hit!.snippet.slice(0, hit!.snippet.findIndex((s) => s.match)).map((s) => s.text).join('');
      expect(before, query).toMatch(/^…/);
      expect(before.match(/[a-z]+/g)!.length, query).toBeLessThanOrEqual(3);
    }
  });
});
