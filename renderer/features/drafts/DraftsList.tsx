import { useEffect, useRef } from 'react';
import { revealBidi } from '../../../shared/inert-text.js';
import type { DraftSummary } from '../../../shared/drafts.js';
import { selectAccounts, useAccountsStore } from '../accounts/index.js';
import { composerIsPristine, useComposerStore } from '../composer/index.js';
import { selectDrafts, useDraftsStore } from './store.js';

function when(at: number): string {
  const date = new Date(at);
  const today = new Date();
  return date.toDateString() === today.toDateString()
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString([], { month: 'short', day: 'numeric' });
}

function DraftRow(props: { draft: DraftSummary; open: boolean; account: string | null; onOpen: () => void; onDelete: () => void }) {
  const { draft } = props;
  const subject = revealBidi(draft.subject.trim()) || '(no subject)';
  return (
    <li className={`draft-row${props.open ? ' draft-row-open' : ''}`}>
      <button type="button" className="draft-open" onClick={props.onOpen} aria-current={props.open ? 'true' : undefined}>
        <span className="draft-top">
          <span className="draft-subject">{subject}</span>
          <time className="draft-time" dateTime={new Date(draft.updatedAt).toISOString()}>
            {when(draft.updatedAt)}
          </time>
        </span>
        <span className="draft-recipients">{draft.recipients || 'No recipients yet'}</span>
        {draft.snippet ? <span className="draft-snippet">{draft.snippet}</span> : null}
        <span className="draft-meta">
          {props.account ?? 'No account'}
          {draft.lastError ? <span className="draft-failed"> · Not sent: {draft.lastError}</span> : null}
        </span>
      </button>
      <button type="button" className="draft-delete" aria-label={`Delete draft: ${subject}`} title="Delete draft" onClick={props.onDelete}>
        ×
      </button>
    </li>
  );
}

/**
 * Every draft beside the composer, newest first. The newest one is opened at start, so a
 * message being written before the app closed is where it was left.
 */
export function DraftsList() {
  const drafts = useDraftsStore(selectDrafts);
  const loaded = useDraftsStore((state) => state.loaded);
  const deleted = useDraftsStore((state) => state.deleted);
  const error = useDraftsStore((state) => state.error);
  const accounts = useAccountsStore(selectAccounts);
  const openId = useComposerStore((state) => state.draftId);
  const restoredAtStart = useRef(false);

  useEffect(() => {
    const store = useDraftsStore.getState();
    const stop = store.listen();
    void store.load().then(() => {
      if (restoredAtStart.current) return;
      restoredAtStart.current = true;
      const newest = useDraftsStore.getState().drafts[0];
      // Only into a composer nobody has touched yet: an open message is never replaced.
      if (newest && composerIsPristine()) void useComposerStore.getState().openDraft(newest.id);
    });
    return stop;
  }, []);

  const labelOf = (id: string | null) => accounts.find((a) => a.id === id)?.label ?? null;
  return (
    <section className="drafts" aria-label="Drafts">
      <header className="drafts-head">
        <h2 className="drafts-title">Drafts</h2>
        <button type="button" className="button-secondary" onClick={() => void useComposerStore.getState().startNew()}>
          New draft
        </button>
      </header>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {deleted ? (
        <div className="undo-toast" role="status">
          <span>Draft “{deleted.subject.trim() || '(no subject)'}” deleted.</span>
          <button type="button" className="link-button" onClick={() => void useDraftsStore.getState().undoRemove()}>
            Undo
          </button>
        </div>
      ) : null}
      {loaded && drafts.length === 0 ? <p className="drafts-empty">No drafts. What you write is saved here as you type.</p> : null}
      <ul className="draft-list" aria-label="Drafts list">
        {drafts.map((draft) => (
          <DraftRow
            key={draft.id}
            draft={draft}
            open={draft.id === openId}
            account={labelOf(draft.accountId)}
            onOpen={() => void useComposerStore.getState().openDraft(draft.id)}
            onDelete={() => {
              useComposerStore.getState().forgetDraft(draft.id);
              void useDraftsStore.getState().remove(draft.id);
            }}
          />
        ))}
      </ul>
    </section>
  );
}
