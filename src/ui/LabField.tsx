/**
 * A labelled number field for the labs, with its error message at the field.
 * Keeps the typed text as is (so a half-typed "0." is not rewritten); the parent parses it.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import { parseNumberField, type NumberRule } from './numeric-field';

export interface LabFieldProps {
  label: string;
  /** Symbol shown after the label, e.g. D with subscript x. */
  symbol?: ComponentChildren;
  text: string;
  rule: NumberRule;
  /** Message when the text breaks the rule. */
  error: string | undefined;
  onText: (text: string) => void;
}

export function LabField({ label, symbol, text, rule, error, onText }: LabFieldProps): JSX.Element {
  const id = useId();
  return (
    <div class="lab-field">
      <label for={id}>
        {label}
        {symbol ? <span class="lab-symbol"> ({symbol})</span> : null}
      </label>
      <input
        id={id}
        type="number"
        inputMode={rule.integer ? 'numeric' : 'decimal'}
        min={rule.min}
        max={rule.max}
        step={rule.integer ? 1 : 'any'}
        value={text}
        onInput={(event) => onText(event.currentTarget.value)}
        aria-invalid={error !== undefined}
        aria-describedby={`${id}-error`}
      />
      <p role="alert" id={`${id}-error`} class="lab-error">
        {error ?? ''}
      </p>
    </div>
  );
}

/** Parses every field; `values` is present only when all are valid. */
export function parseFields<K extends string>(
  texts: Record<K, string>,
  rules: Record<K, NumberRule>,
): { errors: Partial<Record<K, string>>; values: Record<K, number> | undefined } {
  const errors: Partial<Record<K, string>> = {};
  const values = {} as Record<K, number>;
  for (const key of Object.keys(texts) as K[]) {
    const result = parseNumberField(texts[key], rules[key]);
    if (result.ok) values[key] = result.value;
    else errors[key] = result.message;
  }
  return { errors, values: Object.keys(errors).length === 0 ? values : undefined };
}

/**
 * The texts of a lab's number fields, starting from `initial`: `values` as in `parseFields`, and
 * `fieldProps(key)` for that field's LabField (its text, rule, error and how to change the text).
 */
export function useLabFields<K extends string>(
  initial: Record<K, string>,
  rules: Record<K, NumberRule>,
): {
  values: Record<K, number> | undefined;
  fieldProps: (key: K) => Pick<LabFieldProps, 'text' | 'rule' | 'error' | 'onText'>;
} {
  const [texts, setTexts] = useState(initial);
  const { errors, values } = useMemo(() => parseFields(texts, rules), [texts, rules]);
  return {
    values,
    fieldProps: (key) => ({
      text: texts[key],
      rule: rules[key],
      error: errors[key],
      onText: (text) => setTexts((previous) => ({ ...previous, [key]: text })),
    }),
  };
}
