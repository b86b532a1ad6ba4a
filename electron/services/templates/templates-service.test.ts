import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/service-error.js';
import { templateSaveSchema } from '../../../shared/templates.js';
import { templateAttachmentTokens } from './templates-service.js';
import { templateOf, templatesFixture } from './test-support.js';
import { failureOf } from '../failure-of.js';

let f: ReturnType<typeof templatesFixture>;
beforeEach(() => {
  f = templatesFixture();
});
afterEach(() => f.cleanup());

const FILE = { token: 'tok_aaaaaaaaaaaaaaaa', filename: 'terms.pdf', mimeType: 'application/pdf', size: 1200 };
const OTHER = { token: 'tok_bbbbbbbbbbbbbbbb', filename: 'price-list.pdf', mimeType: 'application/pdf', size: 900 };

describe('templates service', () => {
  it('keeps a saved template whole across a restart, merge fields as typed', () => {
    const saved = f.templates.save(templateOf({ attachments: [FILE], accountId: 'acct-1' }));
    f.restart();
    expect(f.templates.list()).toEqual([saved]);
    expect(saved).toMatchObject({ subject: 'Invoice {{invoice_number | "your invoice"}}', html: expect.stringContaining('{{first_name}}'), cc: [{ email: 'billing@acme.example' }], attachments: [FILE] });
    expect(f.events.at(-1)).toEqual(['templates:changed', f.templates.list()]);
  });

  it('refuses a second template of the same name for the same account, whatever its case, with a sentence', () => {
    f.templates.save(templateOf({ name: 'Welcome' }));
    const failure = failureOf(() => f.templates.save(templateOf({ name: 'welcome', kind: 'snippet' })));
    expect(failure.kind).toBe('conflict');
    expect(failure.message).toMatch(/already a template or snippet named “welcome” for every account/);
    // The same name for one account beside one for every account, and for another account, is fine.
    f.templates.save(templateOf({ name: 'Welcome', accountId: 'acct-1' }));
    f.templates.save(templateOf({ name: 'Welcome', accountId: 'acct-2' }));
    expect(f.templates.list()).toHaveLength(3);
  });

  it('replaces one by id and releases the files it no longer names', () => {
    const saved = f.templates.save(templateOf({ attachments: [FILE, OTHER] }));
    const replaced = f.templates.save({ ...templateOf({ attachments: [OTHER], html: '<p>New body</p>' }), id: saved.id });
    expect(replaced).toMatchObject({ id: saved.id, html: '<p>New body</p>', attachments: [OTHER], createdAt: saved.createdAt });
    expect(replaced.updatedAt).toBeGreaterThan(saved.updatedAt);
    expect(f.released).toEqual([[FILE.token]]);
  });

  it('renames, and refuses a name already taken', () => {
    const a = f.templates.save(templateOf({ name: 'A' }));
    f.templates.save(templateOf({ name: 'B' }));
    expect(f.templates.rename(a.id, 'C').name).toBe('C');
    expect(failureOf(() => f.templates.rename(a.id, 'b')).kind).toBe('conflict');
    expect(f.templates.list().map((t) => t.name)).toEqual(['B', 'C']);
  });

  it('deletes with undo until the next start, which removes it for good and releases its files', () => {
    const saved = f.templates.save(templateOf({ attachments: [FILE] }));
    f.templates.delete(saved.id);
    expect(f.templates.list()).toEqual([]);
    // Its files stay while it can come back.
    expect(templateAttachmentTokens(f.db)()).toEqual([FILE.token]);
    expect(f.templates.restore(saved.id)).toEqual(saved);
    f.templates.delete(saved.id);
    f.restart();
    f.templates.purgeDeleted();
    expect(failureOf(() => f.templates.restore(saved.id)).kind).toBe('not_found');
    expect(templateAttachmentTokens(f.db)()).toEqual([]);
    expect(f.released).toEqual([[FILE.token]]);
  });

  it('brings a deleted one back beside another that took its name meanwhile', () => {
    const first = f.templates.save(templateOf({ name: 'Renewal' }));
    f.templates.delete(first.id);
    f.templates.save(templateOf({ name: 'Renewal' }));
    expect(f.templates.restore(first.id).name).toBe('Renewal (2)');
    expect(f.templates.list().map((t) => t.name)).toEqual(['Renewal', 'Renewal (2)']);
  });

  it('answers not found for an id that is not there', () => {
    expect(failureOf(() => f.templates.rename('nope', 'X')).kind).toBe('not_found');
    expect(failureOf(() => f.templates.delete('nope')).kind).toBe('not_found');
    expect(failureOf(() => f.templates.save({ ...templateOf(), id: 'nope' })).kind).toBe('not_found');
  });

  it('the contract trims names and refuses an empty one', () => {
    expect(templateSaveSchema.parse(templateOf({ name: '  Hi  ' })).name).toBe('Hi');
    expect(templateSaveSchema.safeParse(templateOf({ name: '   ' })).success).toBe(false);
  });
});

type Step = { op: 'save'; name: string; account: string | null } | { op: 'rename'; pick: number; name: string } | { op: 'delete'; pick: number } | { op: 'undo' } | { op: 'restart' };

const names = fc.constantFrom('Hello', 'hello', 'Follow-up', 'Invoice', 'Renewal (2)', 'Renewal');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('save' as const), name: names, account: fc.constantFrom(null, 'acct-1', 'acct-2') }),
  fc.record({ op: fc.constant('rename' as const), pick: fc.nat(), name: names }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.constant({ op: 'undo' as const }),
  fc.constant({ op: 'restart' as const }),
);

describe('templates under any sequence of save, rename, delete, undo and restart', () => {
  it('never loses or duplicates one, and never shows two of one name for one account', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const g = templatesFixture();
        try {
          // The model: which ids are live, and the one deletion Undo would bring back.
          const live = new Set<string>();
          let lastDeleted: string | null = null;
          for (const s of steps) {
            const ids = [...live].sort();
            try {
              if (s.op === 'save') live.add(g.templates.save(templateOf({ name: s.name, accountId: s.account })).id);
              if (s.op === 'rename' && ids.length > 0) g.templates.rename(ids[s.pick % ids.length]!, s.name);
              if (s.op === 'delete' && ids.length > 0) {
                const id = ids[s.pick % ids.length]!;
                g.templates.delete(id);
                live.delete(id);
                lastDeleted = id;
              }
              if (s.op === 'undo' && lastDeleted) {
                g.templates.restore(lastDeleted);
                live.add(lastDeleted);
                lastDeleted = null;
              }
            } catch (error) {
              // A refused name is the only refusal; it changes nothing.
              if (!(error instanceof ServiceError) || error.failure.kind !== 'conflict') throw error;
            }
            if (s.op === 'restart') {
              g.restart();
              g.templates.purgeDeleted();
              lastDeleted = null;
            }
            const listed = g.templates.list();
            expect(listed.map((t) => t.id).sort()).toEqual([...live].sort());
            const keys = listed.map((t) => `${t.accountId ?? ''}|${t.name.toLowerCase()}`);
            expect(new Set(keys).size).toBe(keys.length);
          }
        } finally {
          g.cleanup();
        }
      }),
      { numRuns: 60 },
    );
  });
});
