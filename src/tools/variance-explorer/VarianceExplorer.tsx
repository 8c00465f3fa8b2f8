/**
 * Problem 3's centrepiece: variance of pre-activations, activations and gradients through a deep
 * network, simulated with seeded weights and set against Figure 1's linear prediction. Heavy
 * settings are computed one layer per slice between frames, so the page never freezes.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { formatNumber } from '../../ui/plot/plot-data';
import {
  ACTIVATIONS,
  DEFAULT_VARIANCE_SETTINGS,
  parseVarianceSettings,
  runVarianceSimulation,
  VARIANCE_FIELDS,
  VarianceRun,
  type Activation,
  type VarianceField,
  type VarianceResult,
  type VarianceSettings,
} from './variance-depth';
import { infiniteWidthRecursion, linearPrediction } from './variance-prediction';
import { describeVarianceResult } from './variance-summary';
import { ExplorerError, ExplorerNumberField } from '../../ui/ExplorerFields';
import { LinePlot, type PlotSeries } from '../../ui/plot/LinePlot';
import '../../ui/explorers.css';

type Preset = 'xavier' | 'sigmoid' | 'he' | 'custom';

const PRESETS: ReadonlyArray<{ id: Exclude<Preset, 'custom'>; label: string; c: number }> = [
  { id: 'xavier', label: 'Xavier: 1/n', c: 1 },
  { id: 'sigmoid', label: 'Sigmoid-corrected (3(d)): 16/n', c: 16 },
  { id: 'he', label: 'He: 2/n', c: 2 },
];

/** Milliseconds of work per slice before yielding to the browser (keeps input responsive). */
const SLICE_MS = 24;

const sameSettings = (a: VarianceSettings, b: VarianceSettings) =>
  (Object.keys(a) as Array<keyof VarianceSettings>).every((key) => a[key] === b[key]);

function plotSeries(result: VarianceResult, showTheory: boolean): PlotSeries[] {
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
      name: 'Var(a), Figure 1 linear prediction',
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

export default function VarianceExplorer(): JSX.Element {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [activation, setActivation] = useState<Activation>(DEFAULT_VARIANCE_SETTINGS.activation);
  const [preset, setPreset] = useState<Preset>('xavier');
  const [customC, setCustomC] = useState('1');
  const [width, setWidth] = useState(String(DEFAULT_VARIANCE_SETTINGS.width));
  const [depth, setDepth] = useState(String(DEFAULT_VARIANCE_SETTINGS.depth));
  const [batch, setBatch] = useState(String(DEFAULT_VARIANCE_SETTINGS.batch));
  const [seed, setSeed] = useState(String(DEFAULT_VARIANCE_SETTINGS.seed));
  const [showTheory, setShowTheory] = useState(false);
  // The first state is computed during render so the server-rendered page already shows it.
  const [result, setResult] = useState<VarianceResult>(() => runVarianceSimulation(DEFAULT_VARIANCE_SETTINGS));
  const [progress, setProgress] = useState<number | null>(null);

  const cText = preset === 'custom' ? customC : String(PRESETS.find((p) => p.id === preset)?.c ?? 1);
  const parsed = useMemo(
    () => parseVarianceSettings({ activation, c: cText, width, depth, batch, seed }),
    [activation, cText, width, depth, batch, seed],
  );

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
  }, [parsed]);

  const series = useMemo(() => plotSeries(result, showTheory), [result, showTheory]);
  const sentences = useMemo(() => describeVarianceResult(result), [result]);
  const shown = result.settings;
  const errorField: VarianceField | null = parsed.ok ? null : parsed.error.field;
  /** What every number field needs to know: the ids, and which field the message is about. */
  const fieldContext = { id, errorField };

  const activationLabel = ACTIVATIONS.find((a) => a.id === shown.activation)?.label ?? shown.activation;
  const description = `Log-scale variance per layer for a ${shown.depth}-layer ${activationLabel} network of width ${shown.width} with Var(W) = ${formatNumber(shown.c)}/n, batch ${shown.batch}, seed ${shown.seed}: simulated Var(z), Var(a) and gradient variance${shown.activation === 'relu' ? '' : ', and Figure 1’s linear prediction'}. ${sentences[0] ?? ''}`;

  return (
    <section class="ex" aria-labelledby={id('heading')} data-pagefind-ignore="all">
      <h3 id={id('heading')}>Variance through depth: try it</h3>
      <p class="ex-hint">
        A fully connected network with no biases, Gaussian weights with Var(W) = c/n, and unit-variance Gaussian inputs.
        Forward: variance of z and a at each layer. Backward: a unit-variance gradient enters at the top.
      </p>
      <div class="ex-controls">
        <div class="ex-field">
          <label for={id('activation')}>Activation</label>
          <select
            id={id('activation')}
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
        <fieldset class="ex-fieldset">
          <legend>Weight variance Var(W) = c / n</legend>
          {PRESETS.map((p) => (
            <label key={p.id} class="ex-choice">
              <input type="radio" name={id('preset')} checked={preset === p.id} onChange={() => setPreset(p.id)} />
              {p.label}
            </label>
          ))}
          <span class="ex-choice">
            <input
              type="radio"
              id={id('custom-choice')}
              name={id('preset')}
              checked={preset === 'custom'}
              onChange={() => setPreset('custom')}
            />
            <label for={id('custom-choice')}>Custom</label>
            <label for={id('c')} class="ex-inline-label">
              {VARIANCE_FIELDS.c.label}
            </label>
            <input
              id={id('c')}
              aria-invalid={errorField === 'c' ? 'true' : undefined}
              aria-describedby={errorField === 'c' ? id('error') : undefined}
              class="ex-small"
              type="number"
              inputMode="decimal"
              min={VARIANCE_FIELDS.c.min}
              max={VARIANCE_FIELDS.c.max}
              step="any"
              value={customC}
              onInput={(event) => {
                setCustomC(event.currentTarget.value);
                setPreset('custom');
              }}
            />
          </span>
        </fieldset>
        <ExplorerNumberField spec={VARIANCE_FIELDS.width} value={width} onValue={setWidth} {...fieldContext} />
        <ExplorerNumberField spec={VARIANCE_FIELDS.depth} value={depth} onValue={setDepth} {...fieldContext} />
        <ExplorerNumberField spec={VARIANCE_FIELDS.batch} value={batch} onValue={setBatch} {...fieldContext} />
        <ExplorerNumberField spec={VARIANCE_FIELDS.seed} value={seed} onValue={setSeed} {...fieldContext} />
        <label class="ex-choice ex-check">
          <input type="checkbox" checked={showTheory} onChange={(e) => setShowTheory(e.currentTarget.checked)} />
          Show infinite-width theory
        </label>
      </div>
      <ExplorerError id={id} parsed={parsed} />
      {progress !== null && (
        <p class="ex-progress">
          <label for={id('progress')}>Computing layer by layer</label>{' '}
          <progress id={id('progress')} max={1} value={progress} /> {Math.round(progress * 100)}%
        </p>
      )}
      <LinePlot
        title="Variance per layer"
        description={description}
        xLabel="Layer l (0 = input)"
        yLabel="Variance (unitless, log scale)"
        yScale="log"
        series={series}
      />
      <div class="ex-summary" aria-live="polite">
        {sentences.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
        {shown.activation === 'relu' && (
          <p>
            Figure 1 linearises the activation around 0, but ReLU has a kink there, so no linear prediction is drawn.
            Without it, E[ReLU(z)²] = Var(z)/2 gives Var(z) ×c/2 = ×{formatNumber(shown.c / 2)} per layer, which is why
            He initialisation uses 2/n (tick “Show infinite-width theory”).
          </p>
        )}
      </div>
    </section>
  );
}
