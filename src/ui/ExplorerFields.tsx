/**
 * The number fields of the explorers and the message line under them. Ids come from the explorer's
 * `id(name)`: a field is id(field), the message id('error'); a field the message is about is marked
 * invalid and points at the message.
 */
import type { JSX } from 'preact';
import type { LimitedField, Validated } from './limited-fields';

const ERROR = 'error';

export interface ExplorerNumberFieldProps {
  /** Which field, its label, its limits and whether it takes whole numbers only. */
  spec: LimitedField<string>;
  /** The explorer's id maker. */
  id: (name: string) => string;
  /** The field the message is about, if any. */
  errorField: string | null;
  value: string;
  onValue: (text: string) => void;
}

export function ExplorerNumberField({ spec, id, errorField, value, onValue }: ExplorerNumberFieldProps): JSX.Element {
  const { field, label, min, max, integer } = spec;
  const invalid = errorField === field;
  return (
    <div class="ex-field">
      <label for={id(field)}>{label}</label>
      <input
        id={id(field)}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={integer ? 1 : 'any'}
        value={value}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? id(ERROR) : undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </div>
  );
}

/** The message line under the fields: the error of the first bad field, or empty. */
export function ExplorerError({
  id,
  parsed,
}: {
  id: (name: string) => string;
  parsed: Validated<unknown>;
}): JSX.Element {
  return (
    <p id={id(ERROR)} class="ex-error" role="alert">
      {parsed.ok ? '' : parsed.error.message}
    </p>
  );
}
