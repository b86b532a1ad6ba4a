import type { Editor } from '@tiptap/react';
import { useId, useState } from 'react';
import { LINK_RULE, normalizeLinkUrl } from '../../../../shared/link-url.js';

/**
 * Adds, edits or removes the link at the selection. The address is checked as it is typed,
 * so a javascript: or file: link can never be applied.
 */
export function LinkBar(props: { editor: Editor; onClose: () => void }) {
  const { editor } = props;
  const current = (editor.getAttributes('link') as { href?: string }).href ?? '';
  const [value, setValue] = useState(current);
  const errorId = useId();
  const normalized = normalizeLinkUrl(value);
  const error = value.trim() === '' ? null : normalized ? null : LINK_RULE;
  // Focus goes back to the text at once, not a frame later: a key pressed meanwhile must not
  // land on whatever the browser focused when this bar went away (it has been the Send button).
  const backToText = () => {
    props.onClose();
    editor.view.focus();
  };
  const apply = () => {
    if (!normalized) return;
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: value.trim(), marks: [{ type: 'link', attrs: { href: normalized } }] }).run();
    } else {
      chain.setLink({ href: normalized }).run();
    }
    backToText();
  };
  return (
    <form
      className="link-bar"
      role="dialog"
      aria-label="Link"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') backToText();
      }}
    >
      <input
        // The bar opens because the person asked for it; typing the address is the next step.
        autoFocus
        className="link-input"
        aria-label="Link address"
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        placeholder="https://example.com or name@example.com"
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button-secondary" disabled={!normalized}>
        {current ? 'Update link' : 'Add link'}
      </button>
      {current ? (
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            backToText();
          }}
        >
          Remove link
        </button>
      ) : null}
      <button type="button" className="button-quiet" onClick={backToText}>
        Cancel
      </button>
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </form>
  );
}
