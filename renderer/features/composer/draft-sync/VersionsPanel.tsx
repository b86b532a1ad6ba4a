import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { docText } from '../../../../shared/doc-text.js';
import { dayAndTime } from '../../../lib/when.js';
import { useComposerStore } from '../store.js';
import { useVersionsStore } from './versions-store.js';

/**
 * The draft's earlier saved versions (the last 20, at most one a minute, and always the one
 * before a large deletion): look at one, and restore it. Restoring keeps the current text as
 * a version too, so nothing is lost either way.
 */
export function VersionsPanel(props: { draftId: string; onClose: () => void }) {
  const { versions, chosen, error, load, look, close } = useVersionsStore(useShallow((state) => state));
  const restore = useComposerStore((state) => state.restoreVersion);

  useEffect(() => {
    void load(props.draftId);
    return close;
  }, [props.draftId, load, close]);

  return (
    <section className="versions" role="dialog" aria-label="Versions of this draft">
      <header className="versions-head">
        <h2>Earlier versions</h2>
        <button type="button" className="button-quiet" onClick={props.onClose}>
          Close
        </button>
      </header>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {versions && versions.length === 0 ? <p className="versions-empty">No earlier versions yet: one is kept for each minute of editing.</p> : null}
      <div className="versions-body">
        <ul className="versions-list" aria-label="Saved versions">
          {(versions ?? []).map((v) => (
            <li key={v.id}>
              <button type="button" className="version-item" aria-pressed={chosen?.id === v.id} onClick={() => void look(props.draftId, v.id)}>
                <span className="version-time">{dayAndTime(v.savedAt, { seconds: true })}</span>
                <span className="version-snippet">{v.snippet || '(empty)'}</span>
              </button>
            </li>
          ))}
        </ul>
        {chosen ? (
          <div className="version-preview">
            <p className="version-subject">{chosen.content.subject || '(no subject)'}</p>
            <pre className="version-text" aria-label="Version text">
              {docText(chosen.content.doc)}
            </pre>
            <button
              type="button"
              className="button-primary"
              onClick={() => {
                void restore(chosen).then(props.onClose);
              }}
            >
              Restore this version
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
