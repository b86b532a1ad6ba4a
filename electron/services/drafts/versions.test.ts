import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentOf, docOf, draftsFixture } from './test-support.js';
import { KEPT_VERSIONS } from './versions.js';

let f: ReturnType<typeof draftsFixture>;
beforeEach(() => {
  f = draftsFixture();
});
afterEach(() => f.cleanup());

/** Types `seconds` seconds of text, one save a second, as autosave does. */
function type(id: string, fromRevision: number, seconds: number, text: (second: number) => string): number {
  let revision = fromRevision;
  for (let s = 1; s <= seconds; s++) {
    f.advance(1_000);
    revision = f.drafts.save({ id, baseRevision: revision, content: contentOf({ doc: docOf(text(s)) }) }).revision;
  }
  return revision;
}

describe('draft versions', () => {
  it('keeps at most one version per minute of editing, each an earlier state', () => {
    const { id } = f.drafts.save({ content: contentOf({ doc: docOf('start') }) });
    let body = 'start';
    type(id, 1, 180, (s) => (body += ` w${s}`));
    const versions = f.drafts.versions(id);
    expect(versions).toHaveLength(3);
    const states = versions.map((v) => f.drafts.version(id, v.id).content.doc);
    // Newest first, each older than the draft and than the one before it.
    const lengths = states.map((doc) => JSON.stringify(doc).length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(versions[0]!.savedAt).toBeGreaterThan(versions[1]!.savedAt);
    expect(versions[1]!.savedAt - versions[2]!.savedAt).toBeGreaterThanOrEqual(60_000);
  });

  it('keeps the last 20 and drops older ones', () => {
    const { id } = f.drafts.save({ content: contentOf({ doc: docOf('v0') }) });
    let body = 'v0';
    type(id, 1, 30 * 60, (s) => (body += s % 60 === 0 ? ` m${s / 60}` : ''));
    const versions = f.drafts.versions(id);
    expect(versions).toHaveLength(KEPT_VERSIONS);
    expect(versions.at(-1)!.savedAt).toBeGreaterThan(Date.UTC(2025, 0, 6, 9, 5, 0));
  });

  it('always keeps the state before a large deletion, even within the minute and after 20 more versions', () => {
    const long = 'Paragraph of real work. '.repeat(200);
    const { id } = f.drafts.save({ content: contentOf({ doc: docOf(long) }) });
    f.advance(5_000);
    // Select all, delete: within the same minute, yet a version is taken.
    let revision = f.drafts.save({ id, baseRevision: 1, content: contentOf({ doc: docOf('') }) }).revision;
    const [kept] = f.drafts.versions(id);
    expect(f.drafts.version(id, kept!.id).content.doc).toEqual(docOf(long));
    let body = '';
    revision = type(id, revision, 40 * 60, (s) => (body += s % 30 === 0 ? 'x' : ''));
    const versions = f.drafts.versions(id);
    expect(versions).toHaveLength(KEPT_VERSIONS + 1);
    expect(versions.at(-1)!.id).toBe(kept!.id);
    expect(revision).toBe(2 + 40 * 60);
  });

  it('takes no version for a save that changes nothing', () => {
    const { id } = f.drafts.save({ content: contentOf() });
    f.advance(120_000);
    f.drafts.save({ id, baseRevision: 1, content: contentOf() });
    expect(f.drafts.versions(id)).toEqual([]);
  });
});
