import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RecipientInput } from './RecipientInput.js';
import { useComposerStore } from '../store.js';

/** Cc and Bcc with their "Add" toggles (and any other toggle the composer adds beside them). */
export function CopyFields(props: { ccRefusal: string | null; bccRefusal: string | null; extraToggle: ReactNode }) {
  const s = useComposerStore(
    useShallow((state) => ({
      showCc: state.showCc,
      showBcc: state.showBcc,
      cc: state.lists.cc,
      bcc: state.lists.bcc,
      showField: state.showField,
      addRecipients: state.addRecipients,
      removeRecipient: state.removeRecipient,
      removeLastRecipient: state.removeLastRecipient,
    })),
  );
  return (
    <>
      {!s.showCc || !s.showBcc || props.extraToggle ? (
        <div className="field-toggles">
          {!s.showCc ? (
            <button type="button" className="link-button" onClick={() => s.showField('cc')} title="Ctrl+Shift+C">
              Add Cc
            </button>
          ) : null}
          {!s.showBcc ? (
            <button type="button" className="link-button" onClick={() => s.showField('bcc')} title="Ctrl+Shift+B">
              Add Bcc
            </button>
          ) : null}
          {props.extraToggle}
        </div>
      ) : null}
      {s.showCc ? (
        <RecipientInput
          field="cc"
          label="Cc"
          chips={s.cc}
          refusal={props.ccRefusal}
          onAdd={(input) => s.addRecipients('cc', input)}
          onRemove={(id) => s.removeRecipient('cc', id)}
          onRemoveLast={() => s.removeLastRecipient('cc')}
        />
      ) : null}
      {s.showBcc ? (
        <RecipientInput
          field="bcc"
          label="Bcc"
          chips={s.bcc}
          refusal={props.bccRefusal}
          onAdd={(input) => s.addRecipients('bcc', input)}
          onRemove={(id) => s.removeRecipient('bcc', id)}
          onRemoveLast={() => s.removeLastRecipient('bcc')}
        />
      ) : null}
    </>
  );
}
