import { useId } from 'react';
import type { FieldHelp } from '../../../shared/providers/catalogue.js';

export interface FieldProps {
  field: FieldHelp;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
  autoFocus?: boolean;
}

/** One text input of the Accounts form with its label, help and reason. */
export function Field(props: FieldProps) {
  const id = useId();
  const { field } = props;
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {field.label}
        {field.optional && <span className="field-optional"> (optional)</span>}
      </label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={field.placeholder}
        autoComplete={props.autoComplete ?? 'off'}
        autoFocus={props.autoFocus}
        spellCheck={false}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={`${id}-help${props.error ? ` ${id}-error` : ''}`}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.error && (
        <span id={`${id}-error`} className="field-error">
          {props.error}
        </span>
      )}
      <span id={`${id}-help`} className="field-help">
        {field.help}
      </span>
    </div>
  );
}

/** A setting the vendor offers a few fixed values for (its environments): one radio each, the value beside it. */
export function ChoiceField(props: FieldProps & { choices: NonNullable<FieldHelp['choices']> }) {
  const name = useId();
  const { field } = props;
  return (
    <fieldset className="field choice-row">
      <legend>{field.label}</legend>
      {props.choices.map((choice) => (
        <label key={choice.value} className="choice">
          <input type="radio" name={name} checked={props.value === choice.value} onChange={() => props.onChange(choice.value)} />
          {choice.label} <span className="field-help">{choice.value}</span>
        </label>
      ))}
      {props.error && <span className="field-error">{props.error}</span>}
      {field.help && <span className="field-help">{field.help}</span>}
    </fieldset>
  );
}
