/**
 * Gradient descent on |x| and x². The content may pass a question's options as presets; the
 * explorer opens on a setting that is none of them, so no verdict about the question shows until the
 * student picks an option.
 */
import type { JSX } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import {
  DEFAULT_DESCENT_SETTINGS,
  DESCENT_RULES,
  LOSSES,
  gradientDescentSetup,
  loss as lossAt,
  parseDescentSettings,
  runGradientDescent,
  type DescentField,
  type DescentResult,
  type GradientDescentProps,
  type Loss,
  type VerdictKind,
} from './gradient-descent';
import { formatExact, formatNumber, formatSubscript } from '../../ui/format';
import { FieldError, NumberField } from '../../ui/NumberField';
import { LinePlot, type PlotSeries } from '../../ui/plot/LinePlot';
import { useLastValid } from '../../ui/useLastValid';
import '../../ui/tools.css';

const VERDICT_WORDS: Record<VerdictKind, string> = {
  converges: 'Converges.',
  oscillates: 'Oscillates.',
  diverges: 'Diverges.',
  undecided: 'Not converged yet.',
};

const VERDICT_CLASS: Record<VerdictKind, string | undefined> = {
  converges: 'tool-ok',
  oscillates: undefined,
  diverges: 'tool-danger',
  undecided: undefined,
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
      name: `Iterates x₀…x${formatSubscript(shown.length - 1)}`,
      points: shown.map((x) => [x, lossAt(kind, x)] as const),
      markers: true,
    },
  ];
}

export default function GradientDescentExplorer(props: GradientDescentProps): JSX.Element {
  const { question, presets } = gradientDescentSetup(props);
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [loss, setLoss] = useState<Loss>(DEFAULT_DESCENT_SETTINGS.loss);
  const [texts, setTexts] = useState<Record<DescentField, string>>({
    x0: String(DEFAULT_DESCENT_SETTINGS.x0),
    step: String(DEFAULT_DESCENT_SETTINGS.step),
    steps: String(DEFAULT_DESCENT_SETTINGS.steps),
  });

  const parsed = useMemo(() => parseDescentSettings(loss, texts), [loss, texts]);
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

  // The explorer shows one message at a time: the first bad field's.
  const problem = parsed.ok ? undefined : parsed.errors[0];
  const field = (name: DescentField): JSX.Element => (
    <NumberField
      id={id(name)}
      rule={DESCENT_RULES[name]}
      text={texts[name]}
      onText={(text) => setTexts((previous) => ({ ...previous, [name]: text }))}
      error={problem?.field === name ? problem.message : undefined}
      errorId={id('error')}
    />
  );

  const { settings, verdict } = result;
  const lossText = settings.loss === 'abs' ? '|x|' : 'x²';
  const name = `${lossText} from x₀ = ${formatNumber(settings.x0, 6)} with step ${formatNumber(settings.step, 6)}`;

  return (
    <section class="tool" aria-labelledby={id('heading')} data-pagefind-ignore="all">
      <h3 id={id('heading')}>Gradient descent: try it</h3>
      <p class="tool-hint">
        Update x ← x − step · dL/dx.
        {question === undefined ? null : ` Pick an option of ${question} to load it, or set your own.`}
      </p>
      {presets.length > 0 ? (
        <div class="tool-presets" role="group" aria-label={`Options of ${question ?? ''}`}>
          {presets.map((preset, index) => (
            <button
              key={index}
              type="button"
              onClick={() => {
                setLoss(preset.settings.loss);
                setTexts({
                  x0: String(preset.settings.x0),
                  step: String(preset.settings.step),
                  steps: String(preset.settings.steps),
                });
              }}
            >
              {preset.label}
            </button>
          ))}
        </div>
      ) : null}
      <div class="tool-controls">
        <div class="tool-field">
          <label for={id('loss')}>Loss</label>
          <select id={id('loss')} value={loss} onChange={(e) => setLoss(e.currentTarget.value as Loss)}>
            {LOSSES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        {field('x0')}
        {field('step')}
        {field('steps')}
      </div>
      <FieldError id={id('error')} message={problem?.message} />
      <div class="tool-verdict" aria-live="polite">
        <p>
          <strong class={VERDICT_CLASS[verdict.kind]}>{VERDICT_WORDS[verdict.kind]}</strong> {verdict.reason}
        </p>
        <p class="tool-hint">
          Converges means L &lt; 10⁻⁶ after the steps and not rising over the last 5; diverges means |x| rising at every
          one of the last 5 steps; oscillates means bounded but not going to 0. For |x| at exactly 0 the subgradient 0
          is used.
        </p>
      </div>
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
        description={`x after each of ${formatExact(settings.steps)} steps of gradient descent on ${name}. ${VERDICT_WORDS[verdict.kind]} ${verdict.reason}`}
        xLabel="Step t (iterations)"
        yLabel="x (unitless)"
        series={xSeries}
        height={260}
      />
    </section>
  );
}
