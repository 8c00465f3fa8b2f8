/**
 * Gradient descent on |x| and x². The content may pass a question's options as presets; the
 * explorer opens on a setting that is none of them, so no verdict about the question shows until the
 * student picks an option.
 */
import type { ComponentChildren, JSX } from 'preact';
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
import { adoptTexts, useTypedBeforeLoad } from '../../ui/useTypedBeforeLoad';
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
/**
 * Steps drawn against t: beyond this, an oscillation fills the plot as a solid block. The verdict
 * still covers every step; the plot says how many it draws.
 */
const SHOWN_OVER_TIME = 60;
const CURVE_SAMPLES = 201;

/** "the first 30 of 500 steps", or "all 20 steps". */
function drawnSteps(drawn: number, total: number): string {
  return drawn < total
    ? `the first ${formatExact(drawn)} of ${formatExact(total)} steps`
    : `all ${formatExact(total)} steps`;
}

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
      name: `x₀…x${formatSubscript(shown.length - 1)}: ${drawnSteps(shown.length - 1, result.settings.steps)}`,
      points: shown.map((x) => [x, lossAt(kind, x)] as const),
      markers: true,
    },
  ];
}

export default function GradientDescentExplorer(
  props: GradientDescentProps & {
    /** What to try and what it shows, one sentence from the content (its maths typeset at build time). */
    children?: ComponentChildren;
  },
): JSX.Element {
  const { question, presets } = gradientDescentSetup(props);
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [loss, setLoss] = useState<Loss>(DEFAULT_DESCENT_SETTINGS.loss);
  const [texts, setTexts] = useState<Record<DescentField, string>>({
    x0: String(DEFAULT_DESCENT_SETTINGS.x0),
    step: String(DEFAULT_DESCENT_SETTINGS.step),
    steps: String(DEFAULT_DESCENT_SETTINGS.steps),
  });

  useTypedBeforeLoad(id('heading'), (controls) => {
    const typedLoss = controls.value('loss');
    if (LOSSES.some((l) => l.id === typedLoss)) setLoss(typedLoss as Loss);
    setTexts((previous) => adoptTexts(previous, controls));
  });

  const parsed = useMemo(() => parseDescentSettings(loss, texts), [loss, texts]);
  // While a field is invalid, the plots keep showing the last valid run.
  const result = useLastValid(parsed, runGradientDescent, DEFAULT_DESCENT_SETTINGS);

  const lossSeries = useMemo(() => lossCurveSeries(result), [result]);
  const drawnOverTime = Math.min(SHOWN_OVER_TIME, result.iterates.length - 1);
  const xSeries = useMemo<PlotSeries[]>(
    () => [
      {
        name: `x after each step: ${drawnSteps(drawnOverTime, result.settings.steps)}`,
        points: result.iterates.slice(0, drawnOverTime + 1).map((x, t) => [t, x] as const),
        markers: true,
      },
    ],
    [result, drawnOverTime],
  );

  // The explorer shows one message at a time: the first bad field's.
  const problem = parsed.ok ? undefined : parsed.errors[0];
  const field = (name: DescentField): JSX.Element => (
    <NumberField
      id={id(name)}
      control={name}
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
      {props.children === undefined ? null : <div class="tool-try">{props.children}</div>}
      <p class="tool-hint">
        Update x ← x − step · dL/dx.
        {question === undefined ? null : ` Pick an option of ${question} to load it, or set your own.`}
      </p>
      <p class="tool-no-js">Trying other settings needs JavaScript; the plots below show the run these describe.</p>
      {presets.length > 0 ? (
        <div class="tool-presets js-only" role="group" aria-label={`Options of ${question ?? ''}`}>
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
      <div class="tool-controls js-only">
        <div class="tool-field">
          <label for={id('loss')}>Loss</label>
          <select
            id={id('loss')}
            data-control="loss"
            value={loss}
            onChange={(e) => setLoss(e.currentTarget.value as Loss)}
          >
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
        description={`The loss ${lossText} and ${drawnSteps(Math.min(SHOWN_ON_CURVE, settings.steps), settings.steps)} of gradient descent on ${name}, joined in order. ${VERDICT_WORDS[verdict.kind]}`}
        xLabel="x"
        yLabel={`L = ${lossText}`}
        series={lossSeries}
        height={260}
      />
      <LinePlot
        title={`x over ${drawnSteps(drawnOverTime, settings.steps)}`}
        description={`x after each of ${drawnSteps(drawnOverTime, settings.steps)} of gradient descent on ${name}; the verdict covers all of them. ${VERDICT_WORDS[verdict.kind]} ${verdict.reason}`}
        xLabel="Step t"
        yLabel="x"
        series={xSeries}
        height={260}
      />
    </section>
  );
}
