/**
 * Parameter counter for a dense network (Problem 2(a)). Prefilled with the exam's network, it keeps
 * the count hidden until the student presses Count or edits a field, because the count is the answer.
 */
import type { JSX } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import { countDenseFromText } from './dense-params';
import { useRevealOnRequest } from '../../ui/useRevealOnRequest';
import '../../ui/counters.css';

export interface MlpCounterProps {
  /** Number of input features; 2(a) has 4. */
  input?: number;
  /** Comma-separated layer widths, output layer last; 2(a) has "7, 3". */
  layers?: string;
  /** Id of the root element, for links. */
  id?: string;
}

const count = (value: number): string => value.toLocaleString('en-US');

export default function MlpCounter({ input = 4, layers = '7, 3', id = 'mlp-counter' }: MlpCounterProps): JSX.Element {
  const [inputText, setInputText] = useState(String(input));
  const [layersText, setLayersText] = useState(layers);
  const { shown, hydrated, reveal, edit } = useRevealOnRequest();

  const uid = useId();
  const ids = {
    heading: `${uid}-heading`,
    input: `${uid}-input`,
    layers: `${uid}-layers`,
    hint: `${uid}-hint`,
    error: `${uid}-error`,
  };
  const result = useMemo(() => countDenseFromText(inputText, layersText), [inputText, layersText]);
  const errorField = shown && !result.ok ? result.error.field : undefined;
  const describe = (field: 'input' | 'layers', base?: string) =>
    [base, errorField === field ? ids.error : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <section class="counter" id={id} aria-labelledby={ids.heading} data-pagefind-ignore="all">
      <h3 id={ids.heading}>Parameter counter</h3>
      <div class="counter-fields">
        <div class="counter-field">
          <label for={ids.input}>Input size</label>
          <input
            id={ids.input}
            type="number"
            inputMode="numeric"
            min={1}
            max={1_000_000_000}
            step={1}
            value={inputText}
            onInput={edit(setInputText)}
            aria-invalid={errorField === 'input'}
            aria-describedby={describe('input')}
          />
        </div>
        <div class="counter-field">
          <label for={ids.layers}>Layer sizes</label>
          <input
            id={ids.layers}
            type="text"
            spellcheck={false}
            autocomplete="off"
            value={layersText}
            onInput={edit(setLayersText)}
            aria-invalid={errorField === 'layers'}
            aria-describedby={describe('layers', ids.hint)}
          />
        </div>
      </div>
      <p id={ids.hint} class="counter-hint">
        Comma-separated widths, first layer to output layer, e.g. <code>7, 3</code>.
      </p>
      <button type="button" onClick={reveal} disabled={!hydrated}>
        Count
      </button>
      <div role="alert" id={ids.error} class="counter-error">
        {shown && !result.ok ? result.error.message : null}
      </div>
      <p aria-live="polite" class="counter-summary">
        {!hydrated
          ? 'Counting needs JavaScript. Each layer has inputs × units weights and units biases.'
          : !shown
            ? 'Press Count, or edit the network, to see its parameters.'
            : result.ok
              ? `Total: ${count(result.value.total)} parameters (${result.value.totalFormula}).`
              : 'Fix the field above to count.'}
      </p>
      {shown && result.ok ? (
        <div class="counter-scroll" role="region" aria-label="Parameters per layer" tabIndex={0}>
          <table class="counter-table">
            <caption>Parameters per layer</caption>
            <thead>
              <tr>
                <th scope="col">Layer</th>
                <th scope="col">Weights</th>
                <th scope="col">Biases</th>
                <th scope="col">Parameters</th>
              </tr>
            </thead>
            <tbody>
              {result.value.layers.map((layer) => (
                <tr key={layer.layer}>
                  <th scope="row">
                    {layer.layer}{' '}
                    <span class="counter-formula">
                      ({count(layer.inputs)} → {count(layer.units)})
                    </span>
                  </th>
                  <td>
                    {count(layer.weights)}
                    <span class="counter-formula">
                      {layer.inputs}*{layer.units}
                    </span>
                  </td>
                  <td>{count(layer.biases)}</td>
                  <td>
                    {count(layer.params)}
                    <span class="counter-formula">{layer.formula}</span>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Total
                </th>
                <td>
                  {count(result.value.total)}
                  <span class="counter-formula">{result.value.totalFormula}</span>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
    </section>
  );
}
