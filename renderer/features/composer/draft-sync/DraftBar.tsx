import { useEffect, useState } from 'react';
import { useComposerStore } from '../store.js';
import type { AutosaveStatus } from './autosave.js';
import { timeOfDay } from '../../../lib/when.js';

function savedLabel(save: AutosaveStatus, now: number): string {
  switch (save.kind) {
    case 'saving':
      return 'Saving…';
    case 'saved': {
      const seconds = Math.round((now - save.at) / 1000);
      return seconds < 60 ? 'Saved' : `Saved ${timeOfDay(save.at)}`;
    }
    case 'failed':
      return `Not saved: ${save.message} Trying again in ${Math.round(save.retryInMs / 1000)} s; your text stays here.`;
    default:
      return '';
  }
}

/**
 * The draft's state above the fields: a quiet "Saved" / "Saving…", a failed save said
 * plainly, a conflict with another window, and the error of a send that failed.
 */
export function DraftBar(props: { onShowVersions?: () => void }) {
  const save = useComposerStore((state) => state.save);
  const draftId = useComposerStore((state) => state.draftId);
  const conflict = useComposerStore((state) => state.conflict);
  const draftError = useComposerStore((state) => state.draftError);
  const keepBoth = useComposerStore((state) => state.keepBoth);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const label = draftId || save.kind === 'failed' ? savedLabel(save, now) : '';
  return (
    <div className="draft-bar">
      <span className={`draft-state${save.kind === 'failed' ? ' draft-state-failed' : ''}`} role="status" aria-live="polite">
        {label}
      </span>
      {props.onShowVersions && draftId ? (
        <button type="button" className="link-button" onClick={props.onShowVersions}>
          Versions
        </button>
      ) : null}
      {conflict ? (
        <div className="draft-conflict" role="alert">
          <p>This draft was changed in another window after you opened it, so your changes were not saved over it. Keep both: yours becomes a draft of its own.</p>
          <button type="button" className="button-primary" onClick={() => void keepBoth()}>
            Keep both
          </button>
        </div>
      ) : null}
      {draftError ? (
        <p className="draft-error" role="alert">
          The last attempt to send this draft failed: {draftError}
        </p>
      ) : null}
    </div>
  );
}
