import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_DRAFT_JSON_CHARS } from '../../../shared/drafts.js';
import { contentOf, docOf, draftsFixture } from './test-support.js';
import { failureOf } from '../failure-of.js';

let f: ReturnType<typeof draftsFixture>;
beforeEach(() => {
  f = draftsFixture();
});
afterEach(() => f.cleanup());

describe('drafts', () => {
  it('gives back exactly what was saved, including a recipient that is not a valid address', () => {
    const content = contentOf({
      to: [{ name: 'Ann', email: 'ann@x.io' }, { email: 'bob@' }],
      cc: [{ email: 'c@z.com' }],
      showCc: true,
      attachments: [{ token: 'tok_aaaaaaaaaaaaaaaaaaaa', filename: 'a.pdf', mimeType: 'application/pdf', size: 10 }],
    });
    const saved = f.drafts.save({ content });
    expect(saved.revision).toBe(1);
    f.restart();
    const draft = f.drafts.get(saved.id);
    expect(draft.content).toEqual(content);
    expect(draft.revision).toBe(1);
  });

  it('lists drafts newest first with fields computed at save time', () => {
    const older = f.drafts.save({ content: contentOf({ subject: 'Older' }) });
    f.advance(1_000);
    const newer = f.drafts.save({ content: contentOf({ subject: '', to: [{ name: 'Ann', email: 'ann@x.io' }, { email: 'bob@y.org' }], doc: docOf('A'.repeat(300)) }) });
    const list = f.drafts.list();
    expect(list.map((d) => d.id)).toEqual([newer.id, older.id]);
    expect(list[0]).toMatchObject({ subject: '', recipients: 'Ann, bob@y.org', accountId: 'acct-1', revision: 1, lastError: null });
    expect(list[0]?.snippet.length).toBeLessThanOrEqual(120);
    expect(list[0]?.snippet.startsWith('AAAA')).toBe(true);
    expect(list[1]?.snippet).toBe('Hello Ann, the numbers are in.');
  });

  it('tells a window that saves over a newer revision, and keeps both when it saves a copy', () => {
    const { id } = f.drafts.save({ content: contentOf({ subject: 'first' }) });
    f.drafts.save({ id, baseRevision: 1, content: contentOf({ subject: 'window A' }) });
    const failure = failureOf(() => f.drafts.save({ id, baseRevision: 1, content: contentOf({ subject: 'window B' }) }));
    expect(failure.kind).toBe('conflict');
    expect(failure.message).toMatch(/changed in another window.*Save yours as a copy/);
    const copy = f.drafts.save({ content: contentOf({ subject: 'window B' }) });
    expect(f.drafts.get(id).content.subject).toBe('window A');
    expect(f.drafts.get(copy.id).content.subject).toBe('window B');
  });

  it('never lets editing one draft touch another', () => {
    const a = f.drafts.save({ content: contentOf({ subject: 'A', doc: docOf('alpha') }) });
    const b = f.drafts.save({ content: contentOf({ subject: 'B', doc: docOf('beta') }) });
    for (let i = 2; i <= 5; i++) {
      f.drafts.save({ id: a.id, baseRevision: i - 1, content: contentOf({ subject: 'A', doc: docOf(`alpha ${i}`) }) });
    }
    expect(f.drafts.get(b.id)).toMatchObject({ revision: 1, content: { subject: 'B', doc: docOf('beta') } });
    expect(f.drafts.get(a.id).content.doc).toEqual(docOf('alpha 5'));
  });

  it('refuses a draft over 10 MB with a sentence, and changes nothing', () => {
    const { id } = f.drafts.save({ content: contentOf() });
    const huge = contentOf({ doc: docOf('x'.repeat(MAX_DRAFT_JSON_CHARS)) });
    const failure = failureOf(() => f.drafts.save({ id, baseRevision: 1, content: huge }));
    expect(failure).toMatchObject({ kind: 'invalid_input' });
    expect(failure.message).toMatch(/too large to save \(10\.0 MB; the limit is 10 MB\)/);
    expect(f.drafts.get(id).revision).toBe(1);
  });

  it('hides a deleted draft, restores it in the same session, and purges it at the next start', () => {
    const token = 'tok_bbbbbbbbbbbbbbbbbbbb';
    const { id } = f.drafts.save({ content: contentOf({ attachments: [{ token, filename: 'b.txt', mimeType: 'text/plain', size: 1 }] }) });
    f.drafts.delete(id);
    expect(f.drafts.list()).toEqual([]);
    expect(failureOf(() => f.drafts.get(id)).kind).toBe('not_found');
    f.drafts.restore(id);
    expect(f.drafts.list().map((d) => d.id)).toEqual([id]);
    f.drafts.delete(id);
    f.restart();
    f.drafts.purgeDeleted();
    const failure = failureOf(() => f.drafts.restore(id));
    expect(failure.message).toMatch(/can no longer be restored/);
    expect(f.released).toEqual([[token]]);
  });

  it('keeps a draft whose send failed, whole, with the reason on it; removes it once sent', () => {
    const token = 'tok_cccccccccccccccccccc';
    const { id } = f.drafts.save({ content: contentOf({ attachments: [{ token, filename: 'c.txt', mimeType: 'text/plain', size: 1 }] }) });
    f.drafts.markSendFailed(id, 'Rollout answered 500: try again later.');
    expect(f.drafts.list()[0]?.lastError).toBe('Rollout answered 500: try again later.');
    expect(f.drafts.get(id)).toMatchObject({ lastError: 'Rollout answered 500: try again later.', content: contentOf({ attachments: [{ token, filename: 'c.txt', mimeType: 'text/plain', size: 1 }] }) });
    f.drafts.removeAfterSend(id);
    expect(f.drafts.list()).toEqual([]);
    expect(f.released).toEqual([[token]]);
  });

  it('keeps a row whose stored JSON is damaged aside, reports it, and never deletes it', () => {
    const { id } = f.drafts.save({ content: contentOf({ doc: docOf('first state, long enough to matter') }) });
    f.advance(61_000);
    f.drafts.save({ id, baseRevision: 1, content: contentOf({ doc: docOf('second state, long enough to matter') }) });
    f.db.prepare('UPDATE draft_bodies SET content = ? WHERE draft_id = ?').run('{"to": [trunc', id);
    const failure = failureOf(() => f.drafts.get(id));
    expect(failure.message).toMatch(/damaged and could not be opened.*kept aside unchanged/);
    expect(f.drafts.list()[0]).toMatchObject({ id, lastError: failure.message });
    expect(f.notices.map((n) => n.id)).toEqual([`draft-unreadable-${id}`]);
    expect(f.db.prepare('SELECT content FROM drafts_set_aside WHERE draft_id = ?').all(id)).toEqual([{ content: '{"to": [trunc' }]);
    f.restart();
    f.drafts.purgeDeleted();
    expect(f.drafts.list().map((d) => d.id)).toEqual([id]);
    // The earlier version still opens, and saving it back makes the draft whole again.
    const [version] = f.drafts.versions(id);
    const earlier = f.drafts.version(id, version!.id);
    expect(earlier.content.doc).toEqual(docOf('first state, long enough to matter'));
    f.drafts.save({ id, baseRevision: 2, content: earlier.content, keepVersion: true });
    expect(f.drafts.list()[0]?.lastError).toBeNull();
  });

  it('announces the list after saves, once per burst', async () => {
    const { id } = f.drafts.save({ content: contentOf() });
    f.drafts.save({ id, baseRevision: 1, content: contentOf({ subject: 'again' }) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(f.events).toEqual([['drafts:changed', f.drafts.list()]]);
  });
});
