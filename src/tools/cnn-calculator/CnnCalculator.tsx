/**
 * Output volume and parameter count of every layer of a CNN written in exam notation, with the
 * working. Prefilled by the content with the exam's network, it shows results only after the student
 * presses Compute or edits a field, so it never gives away a solution table unasked.
 */
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import {
  cnnCalculatorSetup,
  computeCnn,
  formatActivation,
  type CnnCalculatorProps,
  type CnnResult,
  type CnnRow,
} from './cnn-shapes';
import { formatExact } from '../../ui/format';
import { FieldError } from '../../ui/NumberField';
import { useNetworkFields } from '../../ui/useNetworkFields';
import '../../ui/tools.css';

function Row({ row }: { row: CnnRow }): JSX.Element {
  const layer = (
    <th scope="row">
      <code>{row.source}</code>
      <span class="tool-working">line {row.line}</span>
    </th>
  );
  if (row.status === 'error') {
    return (
      <tr class="tool-row-bad">
        {layer}
        <td colSpan={2}>
          <span role="alert" class="tool-error">
            Line {row.line}: {row.message}
          </span>
        </td>
      </tr>
    );
  }
  if (row.status === 'waiting') {
    return (
      <tr>
        {layer}
        <td colSpan={2} class="tool-hint">
          Waiting for a valid Input volume.
        </td>
      </tr>
    );
  }
  return (
    <tr>
      {layer}
      <td>
        {row.output.kind === 'volume'
          ? [row.output.h, row.output.w, row.output.c].map(formatExact).join(' × ')
          : formatExact(row.output.n)}
        <span class="tool-working">{row.outputFormula}</span>
        {row.notes.map((note) => (
          <span class="tool-cell-note" key={note}>
            {note}
          </span>
        ))}
      </td>
      <td>
        {formatExact(row.params)}
        <span class="tool-working">{row.paramsFormula}</span>
      </td>
    </tr>
  );
}

function summarize(result: CnnResult): string {
  if (!result.input.ok) return 'Fix the Input field to compute the layers.';
  const computed = result.rows.filter((row) => row.status === 'ok');
  const last = computed.at(-1);
  const parts = [
    result.total.ok ? `Total: ${formatExact(result.total.value)} parameters` : result.total.message,
    last === undefined ? 'no layer computed' : `final output ${formatActivation(last.output, ' × ')}`,
  ];
  const errors = result.errorLines;
  if (errors.length > 0) {
    parts.push(
      `${errors.length === 1 ? 'line' : 'lines'} ${errors.join(', ')} skipped because of an error (the total leaves ${errors.length === 1 ? 'it' : 'them'} out)`,
    );
  }
  return `${parts.join('; ')}.${result.tooMany === undefined ? '' : ` ${result.tooMany}`}`;
}

export default function CnnCalculator(props: CnnCalculatorProps): JSX.Element {
  const { input, layers, id, title } = cnnCalculatorSetup(props);
  const { uid, inputText, setInputText, layersText, setLayersText, shown, hydrated, reveal, edit } = useNetworkFields(
    input,
    layers,
  );

  const ids = {
    heading: `${uid}-heading`,
    input: `${uid}-input`,
    inputHint: `${uid}-input-hint`,
    inputError: `${uid}-input-error`,
    layers: `${uid}-layers`,
    layersHint: `${uid}-layers-hint`,
  };
  const result = useMemo(() => computeCnn(inputText, layersText), [inputText, layersText]);
  const inputError = shown && !result.input.ok ? result.input.message : undefined;
  const lineCount = layersText.split('\n').length;

  return (
    <section class="tool" id={id} aria-labelledby={ids.heading} data-pagefind-ignore="all">
      <h3 id={ids.heading}>{title}</h3>
      <div class="tool-field">
        <label for={ids.input}>Input</label>
        <input
          id={ids.input}
          data-control="input"
          type="text"
          spellcheck={false}
          autocomplete="off"
          value={inputText}
          onInput={edit(setInputText)}
          aria-invalid={inputError === undefined ? undefined : 'true'}
          aria-describedby={inputError === undefined ? ids.inputHint : `${ids.inputHint} ${ids.inputError}`}
        />
        <span id={ids.inputHint} class="tool-hint">
          Height*width*channels, e.g. <code>128*128*6</code>
        </span>
      </div>
      <FieldError id={ids.inputError} message={inputError} />
      <div class="tool-field tool-field-wide">
        <label for={ids.layers}>Layers</label>
        <textarea
          id={ids.layers}
          data-control="layers"
          rows={Math.min(Math.max(lineCount, 3), 14)}
          spellcheck={false}
          autocomplete="off"
          value={layersText}
          onInput={edit(setLayersText)}
          aria-invalid={shown && result.errorLines.length > 0 ? 'true' : undefined}
          aria-describedby={ids.layersHint}
        />
        <span id={ids.layersHint} class="tool-hint">
          One per line: <code>CONVk-N</code>, <code>POOL-n</code>, <code>ReLU</code> (or tanh, sigmoid…),{' '}
          <code>FLATTEN</code>, <code>FC-N</code>; add <code>with padding P</code> or <code>with stride S</code>.
          Convolutions use padding 1 and stride 1 unless stated.
        </span>
      </div>
      <button type="button" onClick={reveal} disabled={!hydrated}>
        Compute
      </button>
      <p aria-live="polite" class="tool-status">
        {!hydrated
          ? 'Computing needs JavaScript; the formulas it uses are below.'
          : shown
            ? summarize(result)
            : 'Press Compute, or edit a field, to see each layer’s output volume and parameters.'}
      </p>
      {shown ? (
        <div class="tool-scroll" role="region" aria-label="Output volume and parameters per layer" tabIndex={0}>
          <table class="tool-table">
            <caption>Output volume and parameters per layer</caption>
            <thead>
              <tr>
                <th scope="col">Layer</th>
                <th scope="col">Output volume</th>
                <th scope="col">Parameters</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Input</th>
                {result.input.ok ? (
                  <>
                    <td>
                      {[result.input.volume.h, result.input.volume.w, result.input.volume.c]
                        .map(formatExact)
                        .join(' × ')}
                      <span class="tool-working">{result.input.formula}</span>
                    </td>
                    <td>0</td>
                  </>
                ) : (
                  <td colSpan={2} class="tool-hint">
                    See the message under the Input field.
                  </td>
                )}
              </tr>
              {result.rows.map((row) => (
                <Row row={row} key={row.line} />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td colSpan={2}>
                  {result.total.ok ? `${formatExact(result.total.value)} parameters` : result.total.message}
                  {result.errorLines.length > 0 ? (
                    <span class="tool-working">without the lines that have errors</span>
                  ) : null}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
      <details class="tool-notes">
        <summary>Formulas used</summary>
        <ul>
          <li>
            <code>CONVk-N</code> with padding P, stride S on H×W×C: each side becomes floor((H + 2P − k)/S) + 1 and
            there are N channels; N·(k·k·C + 1) parameters (each filter has k·k·C weights and one bias).
          </li>
          <li>
            <code>POOL-n</code> (stride n, padding 0): each side becomes floor((H − n)/n) + 1, channels unchanged; no
            parameters.
          </li>
          <li>Activations such as ReLU: shape unchanged; no parameters.</li>
          <li>
            <code>FLATTEN</code>: H·W·C values in one vector; no parameters.
          </li>
          <li>
            <code>FC-N</code> on M values: N outputs; (M + 1)·N parameters (M weights and one bias per neuron).
          </li>
        </ul>
        <p>
          When the stride does not divide evenly, the size is rounded down (floor), as PyTorch does. A line with an
          error is skipped: the next line starts from the last valid volume.
        </p>
      </details>
    </section>
  );
}
