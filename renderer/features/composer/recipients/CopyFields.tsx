import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RecipientInput } from './RecipientInput.js';
import { useComposerStore } from '../store.js';

const COPIES = [
  { field: 'cc', label: 'Cc', shortcut: 'Ctrl+Shift+C' },
  { field: 'bcc', label: 'Bcc', shortcut: 'Ctrl+Shift+B' },
] as const;

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
  const shown = { cc: s.showCc, bcc: s.showBcc };
  const chips = { cc: s.cc, bcc: s.bcc };
  const refusals = { cc: props.ccRefusal, bcc: props.bccRefusal };
  const hidden = COPIES.filter(({ field }) => !shown[field]);
  return (
    <>
      {hidden.length > 0 || props.extraToggle ? (
        <div className="field-toggles">
          {hidden.map(({ field, label, shortcut }) => (
            <button key={field} type="button" className="link-button" onClick={() => s.showField(field)} title={shortcut}>
              Add {label}
            </button>
          ))}
          {props.extraToggle}
        </div>
      ) : null}
      {COPIES.filter(({ field }) => shown[field]).map(({ field, label }) => (
        <RecipientInput
          key={field}
          field={field}
          label={label}
          chips={chips[field]}
          refusal={refusals[field]}
          onAdd={(input) => s.addRecipients(field, input)}
          onRemove={(id) => s.removeRecipient(field, id)}
          onRemoveLast={() => s.removeLastRecipient(field)}
        />
      ))}
    </>
  );
}
