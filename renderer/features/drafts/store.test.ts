import { describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../../shared/drafts.js';
import { initialDraftsState, withDeleted, withDrafts } from './store.js';

const draft = (id: string, updatedAt: number): DraftSummary => ({ id, subject: id, recipients: '', snippet: '', accountId: null, updatedAt, revision: 1, lastError: null });

describe('drafts list', () => {
  it('shows the newest first', () => {
    expect(withDrafts(initialDraftsState, [draft('a', 1), draft('b', 3), draft('c', 2)]).drafts.map((d) => d.id)).toEqual(['b', 'c', 'a']);
  });

  it('takes a deleted draft off the list and keeps it for Undo', () => {
    const state = withDeleted(withDrafts(initialDraftsState, [draft('a', 1), draft('b', 2)]), 'a');
    expect(state.drafts.map((d) => d.id)).toEqual(['b']);
    expect(state.deleted?.id).toBe('a');
  });
});
