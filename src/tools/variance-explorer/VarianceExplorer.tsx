/**
 * Variance of pre-activations, activations and gradients through a deep network, simulated with
 * seeded weights and set against the linear prediction behind Xavier initialisation. The content
 * passes the weight-variance presets and names where the course derives that prediction. Heavy
 * settings are computed one layer per slice between frames, so the page never freezes.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { formatNumber } from '../../ui/format';
import {
  ACTIVATIONS,
  parseVarianceSettings,
  runVarianceSimulation,
  VARIANCE_RULES,
  VarianceRun,
  varianceExplorerSetup,
  type Activation,
  type VarianceExplorerProps,
  type VarianceField,
  type VarianceResult,
  type VarianceSettings,
} from './variance-depth';
import { infiniteWidthRecursion, linearPrediction } from './variance-prediction';
import { describeVarianceResult, varianceVerdicts, type VarianceVerdict } from './variance-summary';
import { FieldError, NumberField, NumberInput } from '../../ui/NumberField';
import { LinePlot, type PlotSeries } from '../../ui/plot/LinePlot';
import { adoptTexts, useTypedBeforeLoad } from '../../ui/useTypedBeforeLoad';
import '../../ui/tools.css';

/** Milliseconds of work per slice before yielding to the browser (keeps input responsive). */
const SLICE_MS = 24;

const sameSettings = (a: VarianceSettings, b: VarianceSettings) =>
  (Object.keys(a) as Array<keyof VarianceSettings>).every((key) => a[key] === b[key]);

function plotSeries(result: VarianceResult, showTheory: boolean, derivation: string | undefined): PlotSeries[] {
  const { settings, layers } = result;
  const series: PlotSeries[] = [
    {
      name: 'Var(z), simulated',
      points: layers.flatMap((l) => (l.varZ === null ? [] : [[l.layer, l.varZ] as const])),
    },
    { name: 'Var(a), simulated', points: layers.map((l) => [l.layer, l.varA] as const) },
    {
      name: 'Var(∂L/∂a), simulated',
      points: layers.flatMap((l) => (l.varGrad === null ? [] : [[l.layer, l.varGrad] as const])),
    },
  ];
  const predicted = linearPrediction(settings.activation, settings.c, settings.depth, layers[0]?.varA ?? 1);
  if (predicted) {
    series.push({
      name: `Var(a), ${derivation === undefined ? '' : `${derivation} `}linear prediction`,
      points: predicted.map((value, layer) => [layer, value] as const),
      dashed: true,
    });
  }
  if (showTheory) {
    const theory = infiniteWidthRecursion(settings.activation, settings.c, settings.depth, layers[0]?.varA ?? 1);
    series.push(
      {
        name: 'Var(a), infinite-width theory',
        points: theory.map((l) => [l.layer, l.varA] as const),
        color: 'var(--series-2)',
        dashed: true,
      },
      {
        name: 'Var(∂L/∂a), infinite-width theory',
        points: theory.map((l) => [l.layer, l.varGrad] as const),
        color: 'var(--series-3)',
        dashed: true,
      },
    );
  }
  return series;
}

/** The fields other than c, which sits inside the choice of weight variance. */
type PlainField = Exclude<VarianceField, 'c'>;

const TREND_WORDS = { exploding: 'exploding', vanishing: 'vanishing', neither: 'neither' } as const;

function Verdict({ pass, verdict }: { pass: string; verdict: VarianceVerdict }): JSX.Element {
  return (
    <p>
      <strong>
        {pass}: {TREND_WORDS[verdict.trend]}.
      </strong>{' '}
      {verdict.evidence[0]?.toUpperCase()}
      {verdict.evidence.slice(1)}.
      {verdict.comparison === undefined ? null : <span class="tool-comparison"> {verdict.comparison}</span>}
    </p>
  );
}

export default function VarianceExplorer(
  props: VarianceExplorerProps & {
    /** What to try and what it shows, one sentence from the content (its maths typeset at build time). */
    children?: ComponentChildren;
  },
): JSX.Element {
  const { presets, derivation, initial, official } = varianceExplorerSetup(props);
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [activation, setActivation] = useState<Activation>(initial.activation);
  /** The chosen preset's index, or the custom c. */
  const [preset, setPreset] = useState<number | 'custom'>(presets.length > 0 ? 0 : 'custom');
  const [customC, setCustomC] = useState(String(initial.c));
  const [texts, setTexts] = useState<Record<PlainField, string>>({
    width: String(initial.width),
    depth: String(initial.depth),
    batch: String(initial.batch),
    seed: String(initial.seed),
  });
  const [showTheory, setShowTheory] = useState(false);
  useTypedBeforeLoad(id('heading'), (controls) => {
    const typedActivation = controls.value('activation');
    if (typedActivation !== undefined && ACTIVATIONS.some((a) => a.id === typedActivation)) {
      setActivation(typedActivation as Activation);
    }
    const typedPreset = controls.checkedRadio('preset');
    if (typedPreset === 'custom') setPreset('custom');
    else if (typedPreset !== undefined && presets[Number(typedPreset)] !== undefined) setPreset(Number(typedPreset));
    const typedC = controls.value('c');
    if (typedC !== undefined) setCustomC(typedC);
    setTexts((previous) => adoptTexts(previous, controls));
    const typedTheory = controls.checked('theory');
    if (typedTheory !== undefined) setShowTheory(typedTheory);
  });
  // The first state is computed during render so the server-rendered page already shows it.
  const [result, setResult] = useState<VarianceResult>(() => runVarianceSimulation(initial));
  const [progress, setProgress] = useState<number | null>(null);

  const cText = preset === 'custom' ? customC : String(presets[preset]?.c ?? initial.c);
  const parsed = useMemo(() => parseVarianceSettings({ activation, c: cText, ...texts }), [activation, cText, texts]);

  useEffect(() => {
    if (!parsed.ok || sameSettings(parsed.value, result.settings)) {
      setProgress(null);
      return undefined;
    }
    const run = new VarianceRun(parsed.value);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const started = performance.now();
      while (run.step() && performance.now() - started < SLICE_MS);
      if (run.done) {
        setProgress(null);
        setResult(run.result());
      } else {
        setProgress(run.progress);
        timer = setTimeout(slice, 0);
      }
    };
    timer = setTimeout(slice, 0);
    // A change of settings abandons the run in progress.
    return () => clearTimeout(timer);
  }, [parsed, result.settings]);

  const series = useMemo(() => plotSeries(result, showTheory, derivation), [result, showTheory, derivation]);
  const sentences = useMemo(() => describeVarianceResult(result, derivation), [result, derivation]);
  const verdicts = useMemo(() => varianceVerdicts(result, official), [result, official]);
  const shown = result.settings;
  // The explorer shows one message at a time: the first bad field's.
  const problem = parsed.ok ? undefined : parsed.errors[0];
  const errorOf = (name: VarianceField) => (problem?.field === name ? problem.message : undefined);
  const field = (name: PlainField): JSX.Element => (
    <NumberField
      id={id(name)}
      control={name}
      rule={VARIANCE_RULES[name]}
      text={texts[name]}
      onText={(text) => setTexts((previous) => ({ ...previous, [name]: text }))}
      error={errorOf(name)}
      errorId={id('error')}
    />
  );

  const activationLabel = ACTIVATIONS.find((a) => a.id === shown.activation)?.label ?? shown.activation;
  const prediction =
    shown.activation === 'relu'
      ? ''
      : `, and ${derivation === undefined ? 'the' : `${derivation}’s`} linear prediction`;
  const description = `Log-scale variance per layer for a ${shown.depth}-layer ${activationLabel} network of width ${shown.width} with Var(W) = ${formatNumber(shown.c)}/n, batch ${shown.batch}, seed ${shown.seed}: simulated Var(z), Var(a) and gradient variance${prediction}. ${sentences[0] ?? ''}`;

  return (
    <section class="tool" aria-labelledby={id('heading')} data-pagefind-ignore="all">
      <h3 id={id('heading')}>Variance through depth: try it</h3>
      {props.children === undefined ? null : <div class="tool-try">{props.children}</div>}
      <p class="tool-hint">
        A fully connected network with no biases, Gaussian weights with Var(W) = c/n, and unit-variance Gaussian inputs.
        Forward: variance of z and a at each layer. Backward: a unit-variance gradient enters at the top.
      </p>
      <p class="tool-no-js">Changing these settings needs JavaScript; the plot below shows the run they describe.</p>
      <div class="tool-controls js-only">
        <div class="tool-field">
          <label for={id('activation')}>Activation</label>
          <select
            id={id('activation')}
            data-control="activation"
            value={activation}
            onChange={(e) => setActivation(e.currentTarget.value as Activation)}
          >
            {ACTIVATIONS.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="tool-fieldset">
          <legend>Weight variance Var(W) = c / n</legend>
          {presets.map((p, index) => (
            <label key={index} class="tool-choice">
              <input
                type="radio"
                name={id('preset')}
                data-control="preset"
                value={String(index)}
                checked={preset === index}
                onChange={() => setPreset(index)}
              />
              {p.label}
            </label>
          ))}
          <span class="tool-choice">
            <input
              type="radio"
              id={id('custom-choice')}
              name={id('preset')}
              data-control="preset"
              value="custom"
              checked={preset === 'custom'}
              onChange={() => setPreset('custom')}
            />
            <label for={id('custom-choice')}>Custom</label>
            <label for={id('c')} class="tool-inline-label">
              {VARIANCE_RULES.c.label}
            </label>
            <NumberInput
              id={id('c')}
              control="c"
              class="tool-narrow"
              rule={VARIANCE_RULES.c}
              text={customC}
              onText={(text) => {
                setCustomC(text);
                setPreset('custom');
              }}
              error={errorOf('c')}
              errorId={id('error')}
            />
          </span>
        </fieldset>
        {field('width')}
        {field('depth')}
        {field('batch')}
        {field('seed')}
        <label class="tool-choice tool-check">
          <input
            type="checkbox"
            data-control="theory"
            checked={showTheory}
            onChange={(e) => setShowTheory(e.currentTarget.checked)}
          />
          Show infinite-width theory
        </label>
      </div>
      <FieldError id={id('error')} message={problem?.message} />
      {progress !== null && (
        <p class="tool-progress">
          <label for={id('progress')}>Computing layer by layer</label>{' '}
          <progress id={id('progress')} max={1} value={progress} /> {Math.round(progress * 100)}%
        </p>
      )}
      <LinePlot
        title="Variance per layer"
        description={description}
        xLabel="Layer l (0 = input)"
        yLabel="Variance (log scale)"
        yScale="log"
        series={series}
      />
      <div class="tool-summary" aria-live="polite">
        <div class="tool-verdict">
          <Verdict pass="Forward (activations)" verdict={verdicts.forward} />
          <Verdict pass="Backward (gradients)" verdict={verdicts.backward} />
        </div>
        {sentences.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
        {shown.activation === 'relu' && (
          <p>
            {derivation ?? 'The linear derivation'} linearises the activation around 0, but ReLU has a kink there, so no
            linear prediction is drawn. Without it, E[ReLU(z)²] = Var(z)/2 gives Var(z) ×c/2 = ×
            {formatNumber(shown.c / 2)} per layer, which is why He initialisation uses 2/n (tick “Show infinite-width
            theory”).
          </p>
        )}
      </div>
    </section>
  );
}
