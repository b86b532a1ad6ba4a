import { useEffect } from 'react';
import { revealBidi } from '../../../shared/inert-text.js';
import type { DraftSummary } from '../../../shared/drafts.js';
import type { OutboxRow } from '../../../shared/outbox.js';
import { selectAccounts, useAccountsStore } from '../accounts/index.js';
import { useAppStore } from '../app/index.js';
import { useComposerStore } from '../composer/index.js';
import { liveRowOf, useOutboxStore } from '../outbox/index.js';
import { shortWhen } from '../../lib/when.js';
import { selectDrafts, useDraftsStore } from './store.js';
import { useShownCount } from './use-shown-count.js';

/** A draft whose message is in the outbox says where it stands; null for an ordinary draft. */
function outboxWords(row: OutboxRow | undefined): string | null {
  if (!row) return null;
  if (row.state === 'scheduled') return `Scheduled for ${shortWhen(row.sendAt)}`;
  if (row.state === 'queued') return row.attempts > 0 ? 'In the Outbox, waiting to retry' : 'In the Outbox, sending soon';
  if (row.state === 'sending') return 'Being sent';
  if (row.state === 'unknown_outcome') return 'In the Outbox: may have been sent';
  return null;
}

/** Opening a scheduled or waiting message takes it out of the outbox first; the composer says so. */
async function openFromOutbox(row: OutboxRow): Promise<void> {
  const message = await useOutboxStore.getState().edit(row.id);
  if (!message) {
    useAppStore.getState().navigate('outbox');
    return;
  }
  await useComposerStore.getState().open(message, { keep: message.draft === null });
}

function DraftRow(props: { draft: DraftSummary; open: boolean; account: string | null; outbox: OutboxRow | undefined; onOpen: () => void; onDelete: () => void }) {
  const { draft } = props;
  const subject = revealBidi(draft.subject.trim()) || '(no subject)';
  const status = outboxWords(props.outbox);
  return (
    <li className={`draft-row${props.open ? ' draft-row-open' : ''}${status ? ' draft-row-outbox' : ''}`}>
      <button type="button" className="draft-open" onClick={props.onOpen} aria-current={props.open ? 'true' : undefined}>
        <span className="draft-top">
          <span className="draft-subject">{subject}</span>
          <time className="draft-time" dateTime={new Date(draft.updatedAt).toISOString()}>
            {shortWhen(draft.updatedAt)}
          </time>
        </span>
        <span className="draft-recipients">{draft.recipients || 'No recipients yet'}</span>
        {draft.snippet ? <span className="draft-snippet">{draft.snippet}</span> : null}
        {status ? <span className="draft-outbox badge badge-scheduled">{status}</span> : null}
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

/** Every draft beside the composer, newest first; the window keeps the list current from its start (renderer/start.ts). */
export function DraftsList() {
  const drafts = useDraftsStore(selectDrafts);
  const loaded = useDraftsStore((state) => state.loaded);
  const error = useDraftsStore((state) => state.error);
  const accounts = useAccountsStore(selectAccounts);
  const openId = useComposerStore((state) => state.draftId);
  const rows = useOutboxStore((state) => state.rows);
  const { shown, marker } = useShownCount(drafts.length);
  // The app loads the list at start; coming back to a list that could not be read asks again.
  useEffect(() => {
    if (useDraftsStore.getState().error) void useDraftsStore.getState().load();
  }, []);

  const labelOf = (id: string | null) => accounts.find((a) => a.id === id)?.label ?? null;
  const closePanel = () => useDraftsStore.getState().setPanelOpen(false);
  return (
    <section
      className="drafts"
      id="drafts-panel"
      aria-label="Drafts"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && useDraftsStore.getState().panelOpen) {
          closePanel();
          document.getElementById('drafts-toggle')?.focus();
        }
      }}
    >
      <header className="drafts-head">
        <h2 className="drafts-title">Drafts</h2>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            closePanel();
            void useComposerStore.getState().startNew();
          }}
        >
          New draft
        </button>
      </header>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {loaded && drafts.length === 0 ? <p className="drafts-empty">No drafts. What you write is saved here as you type.</p> : null}
      <ul className="draft-list" aria-label="Drafts list">
        {drafts.slice(0, shown).map((draft) => {
          const live = liveRowOf(rows, draft.id);
          const waiting = live?.state === 'scheduled' || live?.state === 'queued';
          return (
          <DraftRow
            key={draft.id}
            draft={draft}
            open={draft.id === openId}
            account={labelOf(draft.accountId)}
            outbox={live}
            onOpen={() => {
              closePanel();
              void (waiting && live ? openFromOutbox(live) : useComposerStore.getState().openDraft(draft.id));
            }}
            onDelete={() => {
              useComposerStore.getState().forgetDraft(draft.id);
              void useDraftsStore.getState().remove(draft.id);
            }}
          />
          );
        })}
        {shown < drafts.length ? <li ref={marker} className="draft-more" aria-hidden="true" /> : null}
      </ul>
    </section>
  );
}

/** On a window too narrow for the drafts column: a button that unfolds the list over the composer. */
export function DraftsToggle() {
  const open = useDraftsStore((state) => state.panelOpen);
  const count = useDraftsStore((state) => state.drafts.length);
  return (
    <div className="drafts-toggle-bar">
      <button
        type="button"
        id="drafts-toggle"
        className="button-secondary drafts-toggle"
        aria-expanded={open}
        aria-controls="drafts-panel"
        onClick={() => useDraftsStore.getState().setPanelOpen(!open)}
      >
        Drafts <span className="drafts-toggle-count">{count}</span>
      </button>
    </div>
  );
}
