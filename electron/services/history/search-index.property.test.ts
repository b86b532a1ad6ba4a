import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryAddress } from '../../../shared/history.js';
import { foldKey } from './recipients.js';
import { toTerms } from './search.js';
import { ann, bob, contentOf, cyd, failed, historyFixture, sent } from './test-support.js';

// Words sharing their first letters, with accents and capitals: prefixes of 1–3 letters go to FTS5, longer ones to the 3-letter walk.
const WORDS = ['invoice', 'Invoices', 'invent', 'café', 'Cafeteria', 'report', 'repo', 'paymént', 'pay', 'zebra', 'q3'];
const PEOPLE: HistoryAddress[] = [ann, bob, cyd, { name: 'José Núñez', email: 'jose@delta.es' }];
const FILES = ['q3-report.pdf', 'plan.xlsx', 'Café menu.docx'];
const TOKEN = /[\p{L}\p{N}]+/gu;

interface Modelled {
  id: string;
  subject: string;
  /** Words of the text, recipients and file names. */
  rest: Set<string>;
  deletionId: string | null;
}

type Op =
  | { kind: 'record'; subject: string[]; body: string[]; to: number[]; files: number[]; key: number | null; fails: boolean }
  | { kind: 'delete'; pick: number }
  | { kind: 'restore'; pick: number }
  | { kind: 'restart' }
  | { kind: 'index' }
  | { kind: 'rename'; pick: number; subject: string[] }
  | { kind: 'search'; words: { word: number; cut: number }[]; limit: number };

const words = fc.array(fc.nat(WORDS.length - 1).map((i) => WORDS[i]!), { minLength: 1, maxLength: 5 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('record' as const), subject: words, body: words, to: fc.array(fc.nat(PEOPLE.length - 1), { minLength: 1, maxLength: 3 }), files: fc.array(fc.nat(FILES.length - 1), { maxLength: 2 }), key: fc.option(fc.nat(3)), fails: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('index' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), subject: words }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('search' as const), words: fc.array(fc.record({ word: fc.nat(WORDS.length - 1), cut: fc.nat(8) }), { minLength: 1, maxLength: 2 }), limit: fc.integer({ min: 1, max: 12 }) }) },
);

const folded = (...texts: string[]) => new Set(texts.flatMap((text) => Array.from(text.matchAll(TOKEN), (m) => foldKey(m[0]))));

/** The naive answer: every term a word of the message (the last part of each typed word a prefix), newest recorded first. */
function expected(model: readonly Modelled[], query: string, limit: number): string[] {
  const terms = toTerms(query).map((t) => ({ text: foldKey(t.text), prefix: t.prefix }));
  const hits = model.filter((m) => {
    const words = [...folded(m.subject), ...m.rest];
    return m.deletionId === null && terms.every((t) => words.some((w) => (t.prefix ? w.startsWith(t.text) : w === t.text)));
  });
  return hits
    .reverse()
    .slice(0, limit)
    .map((m) => m.id);
}

describe('the search index stays in step with the history', () => {
  it('answers as a naive model over random sequences of record, retry, delete, restore, purge, edit, index step and search', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        // The index step runs only when the sequence says: searches see indexed and queued messages mixed.
        const f = historyFixture(undefined, undefined, { deferIndexing: true });
        const model: Modelled[] = [];
        const deletions: string[] = [];
        try {
          for (const step of ops) {
            const live = model.filter((m) => m.deletionId === null);
            if (step.kind === 'record') {
              const subject = step.subject.join(' ');
              const text = step.body.join(' ');
              const to = [...new Set(step.to)].map((i) => PEOPLE[i]!);
              const files = step.files.map((i, n) => ({ token: `tok-${n}`, filename: FILES[i]!, mimeType: 'application/octet-stream', size: 1 }));
              const key = step.key === null ? null : `key-${step.key}`;
              const recorded = await f.record({
                content: contentOf({ subject, text, html: `<p>${text}</p>`, to }),
                attachments: files,
                ...(key ? { idempotencyKey: key } : {}),
                outcome: step.fails ? failed() : sent(`r-${model.length}`),
              });
              // A retry under a kept message's key settles that message; its text stays as first recorded.
              if (!model.some((m) => m.id === recorded.id)) {
                model.push({ id: recorded.id, subject, rest: folded(text, ...to.map((a) => `${a.name ?? ''} ${a.email}`), ...files.map((file) => file.filename)), deletionId: null });
              }
            } else if (step.kind === 'delete' && live.length > 0) {
              const target = live[step.pick % live.length]!;
              const { deletionId } = f.history.delete({ messageId: target.id });
              target.deletionId = deletionId;
              deletions.push(deletionId);
            } else if (step.kind === 'restore' && deletions.length > 0) {
              const deletionId = deletions.splice(step.pick % deletions.length, 1)[0]!;
              f.history.restore(deletionId);
              for (const m of model) if (m.deletionId === deletionId) m.deletionId = null;
            } else if (step.kind === 'restart') {
              await f.restart();
              deletions.length = 0;
              model.splice(0, model.length, ...model.filter((m) => m.deletionId === null));
            } else if (step.kind === 'index') {
              f.runScheduled();
            } else if (step.kind === 'rename' && model.length > 0) {
              // Not something the app does today: the index must follow any edit of what it reads.
              const target = model[step.pick % model.length]!;
              target.subject = step.subject.join(' ');
              f.db.prepare('UPDATE history_messages SET subject = ? WHERE id = ?').run(target.subject, target.id);
            } else if (step.kind === 'search') {
              const query = step.words.map(({ word, cut }) => WORDS[word]!.slice(0, 1 + cut)).join(' ');
              const found = f.history.search({ query, limit: step.limit }).map((hit) => hit.messageId);
              expect(found, `"${query}" (limit ${step.limit})`).toEqual(expected(model, query, step.limit));
            }
            // Throws SQLITE_CORRUPT_VTAB when the index and what it reads disagree.
            f.db.exec("INSERT INTO history_search (history_search, rank) VALUES ('integrity-check', 1)");
          }
        } finally {
          f.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
