/**
 * The number field of every tool: a label, an input whose limits come from the field's NumberRule,
 * and the field's message. The message is shown under the field, or, when `errorId` is given, in a
 * shared FieldError elsewhere (explorers keep one message line under all their controls). The text
 * is kept as typed (a half-typed "0." is not rewritten); the tool parses it with number-field.ts.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { NumberRule } from './number-field';

export interface NumberInputProps {
  id: string;
  rule: NumberRule;
  text: string;
  onText: (text: string) => void;
  /** The field's message, or undefined while the text is valid. */
  error: string | undefined;
  /** The element that shows the message. */
  errorId: string;
  class?: string;
  /** Its data-control name, by which the island finds what was typed before it loaded (useTypedBeforeLoad). */
  control?: string;
}

/** The bare input, for layouts with their own label (a choice of radio buttons, for example). */
export function NumberInput({
  id,
  rule,
  text,
  onText,
  error,
  errorId,
  class: className,
  control,
}: NumberInputProps): JSX.Element {
  return (
    <input
      id={id}
      data-control={control}
      class={className}
      type="number"
      inputMode={rule.integer ? 'numeric' : 'decimal'}
      min={rule.min}
      max={rule.max}
      step={rule.integer ? 1 : 'any'}
      value={text}
      aria-invalid={error === undefined ? undefined : 'true'}
      aria-describedby={error === undefined ? undefined : errorId}
      onInput={(event) => onText(event.currentTarget.value)}
    />
  );
}

/** A message line; empty (and hidden by CSS) while there is nothing to say. */
export function FieldError({ id, message }: { id: string; message: string | undefined }): JSX.Element {
  return (
    <p id={id} class="tool-error" role="alert">
      {message ?? ''}
    </p>
  );
}

export interface NumberFieldProps extends Omit<NumberInputProps, 'id' | 'errorId' | 'class'> {
  /** Shown after the label, e.g. "β" or D with a subscript x. */
  symbol?: ComponentChildren;
  /** The id of a shared FieldError showing the message; without it the message is shown under the field. */
  errorId?: string;
  /** The input's id, when the tool needs to know it. */
  id?: string;
}

export function NumberField({ symbol, errorId, id, ...input }: NumberFieldProps): JSX.Element {
  const uid = useId();
  const inputId = id ?? `${uid}-input`;
  const messageId = errorId ?? `${uid}-error`;
  return (
    <div class="tool-field">
      <label for={inputId}>
        {input.rule.label}
        {symbol === undefined ? null : <span class="tool-symbol"> ({symbol})</span>}
      </label>
      <NumberInput id={inputId} errorId={messageId} {...input} />
      {errorId === undefined ? <FieldError id={messageId} message={input.error} /> : null}
    </div>
  );
}

/** The texts of a form's number fields, as typed; `onText(field)` stores one field's text. */
export function useFieldTexts<F extends string>(
  initial: Record<F, string>,
): {
  texts: Record<F, string>;
  setTexts: (texts: Record<F, string>) => void;
  onText: (field: F) => (text: string) => void;
} {
  const [texts, setTexts] = useState(initial);
  return {
    texts,
    setTexts,
    onText: (field) => (text) => setTexts((previous) => ({ ...previous, [field]: text })),
  };
}
