/**
 * Problem 1(e): gradient descent on |x| and x². It opens on a setting that is not one of the four
 * options, so no verdict about 1(e) shows until the student picks an option.
 */
import type { JSX } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import {
  DEFAULT_DESCENT_SETTINGS,
  DESCENT_FIELDS,
  LOSSES,
  OPTIONS_1E,
  loss as lossAt,
  parseDescentSettings,
  runGradientDescent,
  type DescentField,
  type DescentResult,
  type Loss,
  type VerdictKind,
} from './gradient-descent';
import { formatNumber } from '../../ui/plot/plot-data';
import { ExplorerError, ExplorerNumberField } from '../../ui/ExplorerFields';
import { LinePlot, type PlotSeries } from '../../ui/plot/LinePlot';
import { useLastValid } from '../../ui/useLastValid';
import '../../ui/explorers.css';

const VERDICT_WORDS: Record<VerdictKind, string> = {
  converges: 'Converges.',
  oscillates: 'Oscillates.',
  diverges: 'Diverges.',
  undecided: 'Not converged yet.',
};

/** Iterates drawn on the loss curve: later ones pile up on the same spots and only clutter. */
const SHOWN_ON_CURVE = 30;
const CURVE_SAMPLES = 201;

function lossCurveSeries(result: DescentResult): PlotSeries[] {
  const kind = result.settings.loss;
  const shown = result.iterates.slice(0, SHOWN_ON_CURVE + 1).filter(Number.isFinite);
  const reach = Math.max(0.5, ...shown.map((x) => Math.abs(x))) * 1.15;
  const curve = Array.from({ length: CURVE_SAMPLES }, (_, i) => {
    const x = -reach + (2 * reach * i) / (CURVE_SAMPLES - 1);
    return [x, lossAt(kind, x)] as const;
  });
  return [
    { name: `L(x) = ${kind === 'abs' ? '|x|' : 'x²'}`, points: curve },
    {
      name: `Iterates x₀…x${String(shown.length - 1).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)] ?? d)}`,
      points: shown.map((x) => [x, lossAt(kind, x)] as const),
      markers: true,
    },
  ];
}

export default function GradientDescentExplorer(): JSX.Element {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [loss, setLoss] = useState<Loss>(DEFAULT_DESCENT_SETTINGS.loss);
  const [x0, setX0] = useState(String(DEFAULT_DESCENT_SETTINGS.x0));
  const [step, setStep] = useState(String(DEFAULT_DESCENT_SETTINGS.step));
  const [steps, setSteps] = useState(String(DEFAULT_DESCENT_SETTINGS.steps));

  const parsed = useMemo(() => parseDescentSettings(loss, { x0, step, steps }), [loss, x0, step, steps]);
  // While a field is invalid, the plots keep showing the last valid run.
  const result = useLastValid(parsed, runGradientDescent, DEFAULT_DESCENT_SETTINGS);

  const lossSeries = useMemo(() => lossCurveSeries(result), [result]);
  const xSeries = useMemo<PlotSeries[]>(
    () => [
      {
        name: 'x after each step',
        points: result.iterates.map((x, t) => [t, x] as const),
        markers: result.iterates.length <= 61,
      },
    ],
    [result],
  );

  const errorField: DescentField | null = parsed.ok ? null : parsed.error.field;
  /** What every number field needs to know: the ids, and which field the message is about. */
  const fieldContext = { id, errorField };

  const { settings, verdict } = result;
  const lossText = settings.loss === 'abs' ? '|x|' : 'x²';
  const name = `${lossText} from x₀ = ${formatNumber(settings.x0, 6)} with step ${formatNumber(settings.step, 6)}`;

  return (
    <section class="ex" aria-labelledby={id('heading')} data-pagefind-ignore="all">
      <h3 id={id('heading')}>Gradient descent: try it</h3>
      <p class="ex-hint">Update x ← x − step · dL/dx. Pick an option of 1(e) to load it, or set your own.</p>
      <div class="ex-presets" role="group" aria-label="Options of 1(e)">
        {OPTIONS_1E.map((option) => (
          <button
            key={option.id}
            type="button"
            onClick={() => {
              setLoss(option.settings.loss);
              setX0(String(option.settings.x0));
              setStep(String(option.settings.step));
              setSteps(String(option.settings.steps));
            }}
          >
            {option.label}
          </button>
        ))}
      </div>
      <div class="ex-controls">
        <div class="ex-field">
          <label for={id('loss')}>Loss</label>
          <select id={id('loss')} value={loss} onChange={(e) => setLoss(e.currentTarget.value as Loss)}>
            {LOSSES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <ExplorerNumberField spec={DESCENT_FIELDS.x0} value={x0} onValue={setX0} {...fieldContext} />
        <ExplorerNumberField spec={DESCENT_FIELDS.step} value={step} onValue={setStep} {...fieldContext} />
        <ExplorerNumberField spec={DESCENT_FIELDS.steps} value={steps} onValue={setSteps} {...fieldContext} />
      </div>
      <ExplorerError id={id} parsed={parsed} />
      <div class="ex-verdict" aria-live="polite">
        <p>
          <strong class={`ex-verdict-${verdict.kind}`}>{VERDICT_WORDS[verdict.kind]}</strong> {verdict.reason}
        </p>
        <p class="ex-hint">
          Converges means L &lt; 10⁻⁶ after the steps and not rising over the last 5; diverges means |x| rising at every
          one of the last 5 steps; oscillates means bounded but not going to 0. For |x| at exactly 0 the subgradient 0
          is used.
        </p>
      </div>
      <div class="ex-plots">
        <LinePlot
          title="Iterates on the loss curve"
          description={`The loss ${lossText} and the first ${Math.min(SHOWN_ON_CURVE, result.iterates.length - 1)} steps of gradient descent on ${name}, joined in order. ${VERDICT_WORDS[verdict.kind]}`}
          xLabel="x (unitless)"
          yLabel={`L = ${lossText} (unitless)`}
          series={lossSeries}
          height={260}
        />
        <LinePlot
          title="x over the iterations"
          description={`x after each of ${settings.steps.toLocaleString('en-US')} steps of gradient descent on ${name}. ${VERDICT_WORDS[verdict.kind]} ${verdict.reason}`}
          xLabel="Step t (iterations)"
          yLabel="x (unitless)"
          series={xSeries}
          height={260}
        />
      </div>
    </section>
  );
}
