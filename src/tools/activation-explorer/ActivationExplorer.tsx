/**
 * Activation functions of Problems 1(c), 2(c), 3 and 4 with their derivatives. Each page opens it on
 * its own function with `initial`.
 */
import type { JSX } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import {
  ACTIVATION_FUNCTIONS,
  BETA_LIMITS,
  X_LIMIT,
  activationCurves,
  parseCurveRequest,
  type ActivationId,
  type CurveField,
} from './activations';
import type { LimitedField } from '../../ui/limited-fields';
import { ExplorerError, ExplorerNumberField } from '../../ui/ExplorerFields';
import { LinePlot } from '../../ui/plot/LinePlot';
import { useLastValid } from '../../ui/useLastValid';
import '../../ui/explorers.css';

export interface ActivationExplorerProps {
  /** The function shown first. */
  initial?: ActivationId;
}

const X_RANGE = { min: -X_LIMIT, max: X_LIMIT, integer: false };
const FIELDS: Record<CurveField, LimitedField<CurveField>> = {
  from: { field: 'from', label: 'From x', ...X_RANGE },
  to: { field: 'to', label: 'To x', ...X_RANGE },
  beta: { field: 'beta', label: 'β', ...BETA_LIMITS, integer: false },
};

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
  const curves = useLastValid(parsed, activationCurves, {
    id: initial,
    from: rangeOf(initial)[0],
    to: rangeOf(initial)[1],
    beta: 1,
  });

  const choose = (next: ActivationId) => {
    setFn(next);
    setFrom(String(rangeOf(next)[0]));
    setTo(String(rangeOf(next)[1]));
  };

  const errorField: CurveField | null = parsed.ok ? null : parsed.error.field;
  /** What every number field needs to know: the ids, and which field the message is about. */
  const fieldContext = { id, errorField };

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
        <ExplorerNumberField spec={FIELDS.from} value={from} onValue={setFrom} {...fieldContext} />
        <ExplorerNumberField spec={FIELDS.to} value={to} onValue={setTo} {...fieldContext} />
        {fn === 'softplus' && (
          <ExplorerNumberField spec={FIELDS.beta} value={beta} onValue={setBeta} {...fieldContext} />
        )}
      </div>
      <ExplorerError id={id} parsed={parsed} />
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
