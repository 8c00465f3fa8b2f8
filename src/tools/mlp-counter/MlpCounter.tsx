/**
 * Parameter counter for a dense network. Prefilled by the content with the exam's network, it keeps
 * the count hidden until the student presses Count or edits a field, because the count is the answer.
 */
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { INPUT_RULE, countDenseFromText, mlpCounterSetup, type MlpCounterProps } from './dense-params';
import { formatExact } from '../../ui/format';
import { FieldError, NumberField } from '../../ui/NumberField';
import { useNetworkFields } from '../../ui/useNetworkFields';
import '../../ui/tools.css';

export default function MlpCounter(props: MlpCounterProps): JSX.Element {
  const { input, layers, id } = mlpCounterSetup(props);
  const { uid, inputText, setInputText, layersText, setLayersText, shown, hydrated, reveal, edit } = useNetworkFields(
    String(input),
    layers,
  );

  const ids = {
    heading: `${uid}-heading`,
    layers: `${uid}-layers`,
    hint: `${uid}-hint`,
    error: `${uid}-error`,
  };
  const result = useMemo(() => countDenseFromText(inputText, layersText), [inputText, layersText]);
  const problem = shown && !result.ok ? result.errors[0] : undefined;

  return (
    <section class="tool" id={id} aria-labelledby={ids.heading} data-pagefind-ignore="all">
      <h3 id={ids.heading}>Parameter counter</h3>
      <div class="tool-fields">
        <NumberField
          control="input"
          rule={INPUT_RULE}
          text={inputText}
          onText={(text) => {
            setInputText(text);
            reveal();
          }}
          error={problem?.field === 'input' ? problem.message : undefined}
          errorId={ids.error}
        />
        <div class="tool-field">
          <label for={ids.layers}>Layer sizes</label>
          <input
            id={ids.layers}
            data-control="layers"
            type="text"
            spellcheck={false}
            autocomplete="off"
            value={layersText}
            onInput={edit(setLayersText)}
            aria-invalid={problem?.field === 'layers' ? 'true' : undefined}
            aria-describedby={problem?.field === 'layers' ? `${ids.hint} ${ids.error}` : ids.hint}
          />
        </div>
      </div>
      <p id={ids.hint} class="tool-hint">
        Comma-separated widths, first layer to output layer, e.g. <code>7, 3</code>.
      </p>
      <button type="button" onClick={reveal} disabled={!hydrated}>
        Count
      </button>
      <FieldError id={ids.error} message={problem?.message} />
      <p aria-live="polite" class="tool-status">
        {!hydrated
          ? 'Counting needs JavaScript. Each layer has inputs × units weights and units biases.'
          : !shown
            ? 'Press Count, or edit the network, to see its parameters.'
            : result.ok
              ? `Total: ${formatExact(result.value.total)} parameters (${result.value.totalFormula}).`
              : 'Fix the field above to count.'}
      </p>
      {shown && result.ok ? (
        <div class="tool-scroll" role="region" aria-label="Parameters per layer" tabIndex={0}>
          <table class="tool-table">
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
                    <span class="tool-working">
                      ({formatExact(layer.inputs)} → {formatExact(layer.units)})
                    </span>
                  </th>
                  <td>
                    {formatExact(layer.weights)}
                    <span class="tool-working">
                      {layer.inputs}*{layer.units}
                    </span>
                  </td>
                  <td>{formatExact(layer.biases)}</td>
                  <td>
                    {formatExact(layer.params)}
                    <span class="tool-working">{layer.formula}</span>
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
                  {formatExact(result.value.total)}
                  <span class="tool-working">{result.value.totalFormula}</span>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
    </section>
  );
}
