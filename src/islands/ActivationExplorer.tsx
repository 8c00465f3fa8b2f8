/**
 * Activation functions of Problems 1(c), 2(c), 3 and 4 with their derivatives. Each page opens it on
 * its own function with `initial`.
 */
import type { JSX } from 'preact';
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import {
  ACTIVATION_FUNCTIONS,
  BETA_LIMITS,
  X_LIMIT,
  activationCurves,
  parseCurveRequest,
  type ActivationCurves,
  type ActivationId,
  type CurveField,
} from '../lib/activations';
import { LinePlot } from './plot/LinePlot';
import './explorers.css';

export interface ActivationExplorerProps {
  /** The function shown first. */
  initial?: ActivationId;
}

const rangeOf = (fn: ActivationId) => ACTIVATION_FUNCTIONS.find((f) => f.id === fn)?.range ?? ([-3, 3] as const);

export default function ActivationExplorer({ initial = 'sigmoid' }: ActivationExplorerProps): JSX.Element {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [fn, setFn] = useState<ActivationId>(initial);
  const [from, setFrom] = useState(String(rangeOf(initial)[0]));
  const [to, setTo] = useState(String(rangeOf(initial)[1]));
  const [beta, setBeta] = useState('1');

  const parsed = useMemo(() => parseCurveRequest(fn, { from, to, beta }), [fn, from, to, beta]);
  // While a field is invalid, the plot keeps showing the last valid curves.
  const lastGood = useRef<ActivationCurves | null>(null);
  const curves = useMemo(
    () =>
      parsed.ok
        ? activationCurves(parsed.value)
        : (lastGood.current ??
          activationCurves({ id: initial, from: rangeOf(initial)[0], to: rangeOf(initial)[1], beta: 1 })),
    [parsed],
  );
  lastGood.current = curves;

  const choose = (next: ActivationId) => {
    setFn(next);
    setFrom(String(rangeOf(next)[0]));
    setTo(String(rangeOf(next)[1]));
  };

  const errorField: CurveField | null = parsed.ok ? null : parsed.error.field;
  const numberField = (
    field: CurveField,
    label: string,
    value: string,
    set: (v: string) => void,
    min: number,
    max: number,
  ) => (
    <div class="ex-field">
      <label for={id(field)}>{label}</label>
      <input
        id={id(field)}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step="any"
        value={value}
        aria-invalid={errorField === field ? 'true' : undefined}
        aria-describedby={errorField === field ? id('error') : undefined}
        onInput={(event) => set(event.currentTarget.value)}
      />
    </div>
  );

  return (
    <section class="ex" aria-labelledby={id('heading')} data-pagefind-ignore="all">
      <h3 id={id('heading')}>Activation functions and their derivatives: try it</h3>
      <div class="ex-controls">
        <div class="ex-field">
          <label for={id('function')}>Function</label>
          <select id={id('function')} value={fn} onChange={(e) => choose(e.currentTarget.value as ActivationId)}>
            {ACTIVATION_FUNCTIONS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label} ({f.source})
              </option>
            ))}
          </select>
        </div>
        {numberField('from', 'From x', from, setFrom, -X_LIMIT, X_LIMIT)}
        {numberField('to', 'To x', to, setTo, -X_LIMIT, X_LIMIT)}
        {fn === 'softplus' && numberField('beta', 'β', beta, setBeta, BETA_LIMITS.min, BETA_LIMITS.max)}
      </div>
      <p id={id('error')} class="ex-error" role="alert">
        {parsed.ok ? '' : parsed.error.message}
      </p>
      <LinePlot
        title={curves.title}
        description={`${curves.description} ${curves.sentences[0] ?? ''}`}
        xLabel="x (unitless)"
        yLabel={curves.yLabel}
        series={curves.series}
      />
      <div class="ex-summary" aria-live="polite">
        {curves.sentences.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
    </section>
  );
}
