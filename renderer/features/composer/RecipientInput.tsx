import { useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { CloseIcon } from './icons.js';
import type { Chip, RecipientField } from './recipients.js';

const COMMIT_KEYS = new Set(['Enter', ',', ';']);

export interface RecipientInputProps {
  field: RecipientField;
  label: string;
  chips: Chip[];
  /** Why this field cannot be sent through the chosen account, shown beside it. */
  refusal: string | null;
  onAdd(input: string): void;
  onRemove(id: string): void;
  onRemoveLast(): void;
}

/**
 * A To/Cc/Bcc field as chips. Enter, Tab, comma and semicolon commit what was typed;
 * a pasted list becomes one chip per address; Backspace in an empty input removes the
 * last chip; a double-click puts a chip back into the input to edit it.
 */
export function RecipientInput(props: RecipientInputProps) {
  const [text, setText] = useState('');
  const inputId = useId();
  const refusalId = useId();
  const commit = () => {
    if (text.trim() === '') return;
    props.onAdd(text);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // A comma inside quotes belongs to a display name ("Lee, C" <c@z.com>).
    const insideQuotes = (text.match(/"/g) ?? []).length % 2 === 1;
    if (COMMIT_KEYS.has(event.key) && !(insideQuotes && event.key !== 'Enter')) {
      if (text.trim() !== '' || event.key !== 'Enter') event.preventDefault();
      commit();
    } else if (event.key === 'Tab') {
      commit();
    } else if (event.key === 'Backspace' && text === '') {
      props.onRemoveLast();
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    if (!/[,;\n]/.test(pasted)) return;
    event.preventDefault();
    props.onAdd(`${text}${pasted}`);
    setText('');
  };
  return (
    <div className={`composer-row recipients${props.refusal ? ' composer-refused' : ''}`}>
      <label className="composer-label" htmlFor={inputId}>
        {props.label}
      </label>
      <div className="chip-box">
        <ul className="chips" aria-label={`${props.label} recipients`}>
          {props.chips.map((chip) => (
            <li
              key={chip.id}
              className={`chip${chip.error ? ' chip-invalid' : ''}`}
              title={chip.error ? `${chip.raw} ${chip.error}` : chip.address?.email}
              onDoubleClick={() => {
                props.onRemove(chip.id);
                setText(chip.raw);
              }}
            >
              <span className="chip-text">{chip.address?.name ?? chip.raw}</span>
              {chip.error ? <span className="chip-reason">{chip.error}</span> : null}
              <button type="button" className="chip-remove" aria-label={`Remove ${chip.address?.email ?? chip.raw}`} onClick={() => props.onRemove(chip.id)}>
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
        <input
          id={inputId}
          className="chip-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={props.refusal ? refusalId : undefined}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={commit}
        />
      </div>
      {props.refusal ? (
        <p id={refusalId} className="field-error composer-note">
          {props.refusal}
        </p>
      ) : null}
    </div>
  );
}
