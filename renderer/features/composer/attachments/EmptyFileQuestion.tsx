import { useId } from 'react';
import { revealBidi } from '../../../../shared/inert-text.js';
import { useComposerStore } from '../store.js';

/** Asked when a file with nothing in it is added: attach it anyway, or let it go. One file at a time. */
export function EmptyFileQuestion() {
  const file = useComposerStore((s) => s.emptyFiles[0] ?? null);
  const answer = useComposerStore((s) => s.answerEmptyFile);
  const questionId = useId();
  if (!file) return null;
  return (
    <div className="send-confirm" role="alertdialog" aria-label="Empty file" aria-describedby={questionId}>
      <p id={questionId}>“{revealBidi(file.filename)}” is empty — attach it anyway?</p>
      <button type="button" className="button-primary" onClick={() => void answer(file.token, true)}>
        Attach anyway
      </button>
      <button type="button" className="button-secondary" onClick={() => void answer(file.token, false)}>
        Don’t attach
      </button>
    </div>
  );
}
