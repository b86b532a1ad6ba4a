import type { ReactNode } from 'react';
import type { RecipientLists } from './recipients.js';
import { RecipientInput } from './RecipientInput.js';
import { useComposerStore } from './store.js';

/** "Add Cc" / "Add Bcc" at the end of the To row, and the Cc and Bcc fields once shown. */
export function CopyFields(props: { showCc: boolean; showBcc: boolean; lists: RecipientLists; refusals: { cc: string | null; bcc: string | null }; extra?: ReactNode }) {
  const store = useComposerStore.getState;
  return (
    <>
      {!props.showCc || !props.showBcc ? (
        <div className="field-toggles">
          {!props.showCc ? (
            <button type="button" className="link-button" onClick={() => store().showField('cc')} title="Ctrl+Shift+C">
              Add Cc
            </button>
          ) : null}
          {!props.showBcc ? (
            <button type="button" className="link-button" onClick={() => store().showField('bcc')} title="Ctrl+Shift+B">
              Add Bcc
            </button>
          ) : null}
          {props.extra}
        </div>
      ) : null}
      {(['cc', 'bcc'] as const)
        .filter((field) => (field === 'cc' ? props.showCc : props.showBcc))
        .map((field) => (
          <RecipientInput
            key={field}
            field={field}
            label={field === 'cc' ? 'Cc' : 'Bcc'}
            chips={props.lists[field]}
            refusal={props.refusals[field]}
            onAdd={(input) => store().addRecipients(field, input)}
            onRemove={(id) => store().removeRecipient(field, id)}
            onRemoveLast={() => store().removeLastRecipient(field)}
          />
        ))}
    </>
  );
}
