import { useId, useRef, useState, type ClipboardEvent, type KeyboardEvent, type RefObject } from 'react';
import { recipientLabel } from '../../../../shared/address-display.js';
import { revealBidi } from '../../../../shared/inert-text.js';
import { CloseIcon } from '../icons.js';
import { suggestionText } from './recipient-suggest.js';
import type { Chip, RecipientField } from './recipients.js';
import { useRecipientSuggestions } from './use-recipient-suggestions.js';

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
  /** The text input, for a caller that moves focus to this field. */
  inputRef?: RefObject<HTMLInputElement | null>;
}

/**
 * A To/Cc/Bcc field as chips. Enter, Tab, comma and semicolon commit what was typed;
 * a pasted list becomes one chip per address; Backspace in an empty input removes the
 * last chip; a double-click puts a chip back into the input to edit it.
 */
export function RecipientInput(props: RecipientInputProps) {
  const [text, setText] = useState('');
  const [focused, setFocused] = useState(false);
  const ownRef = useRef<HTMLInputElement>(null);
  const inputRef = props.inputRef ?? ownRef;
  // A chip removed with × or Delete hands focus back to the field, not to the page.
  const removeChip = (id: string) => {
    props.onRemove(id);
    inputRef.current?.focus();
  };
  const inputId = useId();
  const refusalId = useId();
  const listId = useId();
  const present = props.chips.flatMap((chip) => (chip.address ? [chip.address.email] : []));
  const suggestions = useRecipientSuggestions(text, present, focused);
  const open = suggestions.items.length > 0;
  const pick = (index: number) => {
    const chosen = suggestions.items[index];
    if (!chosen) return;
    props.onAdd(suggestionText(chosen));
    setText('');
  };
  const commit = () => {
    if (text.trim() === '') return;
    props.onAdd(text);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      suggestions.move(event.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    if (open && event.key === 'Escape') {
      suggestions.dismiss();
      return;
    }
    if (open && suggestions.active >= 0 && event.key === 'Enter') {
      event.preventDefault();
      pick(suggestions.active);
      return;
    }
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
    <div className={`composer-row recipients${props.refusal ? ' composer-refused' : ''}`} data-field={props.field}>
      <label className="composer-label" htmlFor={inputId}>
        {props.label}
      </label>
      <div className="chip-box">
        <ul className="chips" aria-label={`${props.label} recipients`}>
          {props.chips.map((chip) => (
            <li
              key={chip.id}
              className={`chip${chip.error ? ' chip-invalid' : ''}`}
              title={chip.error ? `${revealBidi(chip.raw)} ${chip.error}` : chip.address?.email}
              // An invalid chip is where Send sends focus; its name says what is wrong with it.
              tabIndex={chip.error ? -1 : undefined}
              aria-label={chip.error ? `${revealBidi(chip.raw)} ${chip.error}` : undefined}
              onKeyDown={(event) => {
                if (event.key === 'Delete' || event.key === 'Backspace') removeChip(chip.id);
              }}
              onDoubleClick={() => {
                props.onRemove(chip.id);
                setText(chip.raw);
              }}
            >
              <ChipText chip={chip} />
              {chip.error ? <span className="chip-reason">{chip.error}</span> : null}
              <button type="button" className="chip-remove" aria-label={`Remove ${chip.address?.email ?? chip.raw}`} onClick={() => removeChip(chip.id)}>
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
        <input
          ref={inputRef}
          id={inputId}
          className="chip-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open && suggestions.active >= 0 ? `${listId}-${suggestions.active}` : undefined}
          aria-describedby={props.refusal ? refusalId : undefined}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            commit();
          }}
        />
        {open ? (
          <ul className="suggestions" id={listId} role="listbox" aria-label={`Addresses sent to before, for ${props.label}`}>
            {suggestions.items.map((item, index) => (
              <li
                key={item.email}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === suggestions.active}
                className={index === suggestions.active ? 'suggestion suggestion-active' : 'suggestion'}
                // Picking with the mouse must not blur the input first (blur commits the typed text).
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(index)}
                onMouseEnter={() => suggestions.setActive(index)}
              >
                {item.name ? <span className="suggestion-name">{item.name}</span> : null}
                <span className="suggestion-email">{item.email}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {props.refusal ? (
        <p id={refusalId} className="field-error composer-note">
          {props.refusal}
        </p>
      ) : null}
    </div>
  );
}

/** A name that could pass for another address ("support@bank.com" <attacker@evil.com>) never shows alone. */
function ChipText(props: { chip: Chip }) {
  const { chip } = props;
  if (!chip.address) return <span className="chip-text">{revealBidi(chip.raw)}</span>;
  const label = recipientLabel(chip.address);
  return (
    <span className="chip-text">
      {label.text}
      {label.address ? <span className="chip-address"> &lt;{label.address}&gt;</span> : null}
    </span>
  );
}
