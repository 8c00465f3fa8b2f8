/**
 * Batch norm versus layer norm: draws many batches from a fixed seeded population and shows how far
 * batch statistics land from the population's as the batch size changes, while layer norm, which
 * uses one sample's own features, does not change at all (normalization-lab.ts computes it all).
 */
import type { ComponentChildren, JSX } from 'preact';
import { useId, useMemo } from 'preact/hooks';
import { POPULATION_SIZE } from './normalization';
import {
  BATCHES,
  BETA,
  DEFAULT_LAB_SETTINGS,
  GAMMA,
  LAB_RULES,
  LISTED_FEATURES,
  batchSizeSweep,
  createLab,
  errorAtBatchSize,
  normalizedSample,
  parseLabSettings,
  withBatchSize,
  type LabField,
} from './normalization-lab';
import { formatExact, formatExponential, formatFixed, formatPercent } from '../../ui/format';
import { NumberField, useFieldTexts } from '../../ui/NumberField';
import { propChecker } from '../../ui/tool-props';
import { adoptTexts, useTypedBeforeLoad } from '../../ui/useTypedBeforeLoad';
import { LinePlot, type PlotSeries } from '../../ui/plot/LinePlot';
import '../../ui/tools.css';

/**
 * The maths the lab's sentences and headers show, each passed by the content as a named slot
 * (`<span slot="batchMean">$\mu_B$</span>`) so the site's KaTeX typesets it at build time: the
 * symbols, and the two explanations of what tiny batches do, which hold formulas only.
 */
export const MATH_SLOTS = [
  'batchSize',
  'features',
  'x',
  'batchMean',
  'batchVariance',
  'gamma',
  'beta',
  'epsilon',
  'inverseSqrtBatchSize',
  'batchOfOne',
  'batchOfTwo',
] as const;

type MathSlot = (typeof MATH_SLOTS)[number];

export type NormalizationLabProps = Partial<Record<MathSlot, ComponentChildren>> & {
  /** What to try and what it shows, one sentence from the content (its maths typeset at build time). */
  children?: ComponentChildren;
};

const check = propChecker('NormalizationLab');

/** "symbol = value" on one line: a typeset symbol is a box the line could otherwise break after. */
const equals = (symbol: ComponentChildren, value: ComponentChildren): JSX.Element => (
  <span class="tool-nowrap">
    {symbol} = {value}
  </span>
);

/** Every maths slot, or a build error naming the first one the content left out. */
function mathOf(props: NormalizationLabProps): Record<MathSlot, ComponentChildren> {
  const math: Partial<Record<MathSlot, ComponentChildren>> = {};
  for (const name of MATH_SLOTS) {
    if (props[name] === undefined)
      check.fail(name, `is missing: pass it from the content as a slot, e.g. <span slot="${name}">$…$</span>.`);
    math[name] = props[name];
  }
  return math as Record<MathSlot, ComponentChildren>;
}

export default function NormalizationLab(props: NormalizationLabProps): JSX.Element {
  const { children } = props;
  const math = mathOf(props);
  const { texts, setTexts, onText } = useFieldTexts<LabField>({
    batchSize: String(DEFAULT_LAB_SETTINGS.batchSize),
    features: String(DEFAULT_LAB_SETTINGS.features),
    seed: String(DEFAULT_LAB_SETTINGS.seed),
  });
  const uid = useId();
  useTypedBeforeLoad(`${uid}-heading`, (controls) => setTexts(adoptTexts(texts, controls)));
  const parsed = useMemo(() => parseLabSettings(texts), [texts]);
  const settings = parsed.ok ? parsed.value : undefined;
  const features = settings?.features;
  const seed = settings?.seed;
  const batchSize = settings?.batchSize;

  // Each step depends on fewer settings than the next, so a new batch size redraws no population.
  const lab = useMemo(
    () => (features !== undefined && seed !== undefined ? createLab(features, seed) : undefined),
    [features, seed],
  );
  const sweep = useMemo(() => (lab ? batchSizeSweep(lab) : undefined), [lab]);
  const current = useMemo(
    () =>
      lab && sweep && batchSize !== undefined
        ? (sweep.find((point) => point.batchSize === batchSize) ?? errorAtBatchSize(lab, batchSize))
        : undefined,
    [lab, sweep, batchSize],
  );
  const sample = useMemo(
    () => (lab && batchSize !== undefined ? normalizedSample(lab, batchSize) : undefined),
    [lab, batchSize],
  );

  const series = useMemo((): PlotSeries[] => {
    if (!sweep || !current) return [];
    const points = withBatchSize(sweep, current);
    return [
      {
        name: 'Batch norm: error of batch mean (in σ)',
        points: points.map((p) => [p.batchSize, p.meanError] as const),
        markers: true,
      },
      {
        name: 'Batch norm: error of batch variance (relative)',
        points: points.map((p) => [p.batchSize, p.varianceError] as const),
        markers: true,
      },
      {
        name: 'Layer norm: change of its output with the batch',
        points: points.map((p) => [p.batchSize, p.layerNormShift] as const),
        dashed: true,
      },
      {
        name: `Your batch size, B = ${current.batchSize}`,
        points: [
          [current.batchSize, current.meanError],
          [current.batchSize, current.varianceError],
        ],
        markers: true,
        color: 'var(--fg)',
      },
    ];
  }, [sweep, current]);

  const first = sweep?.[0];
  const last = sweep?.[sweep.length - 1];
  const d = features ?? 0;
  const field = (name: LabField) => ({
    control: name,
    rule: LAB_RULES[name],
    text: texts[name],
    onText: onText(name),
    error: parsed.ok ? undefined : parsed.errors.find((e) => e.field === name)?.message,
  });

  return (
    <section class="tool" aria-labelledby={`${uid}-heading`} data-pagefind-ignore="all">
      <h3 id={`${uid}-heading`}>Batch norm versus layer norm</h3>
      {children === undefined ? null : <div class="tool-try">{children}</div>}
      <p class="tool-hint">
        A fixed population of {formatExact(POPULATION_SIZE)} samples with {math.features} features, each feature with
        its own mean and variance (drawn once from the seed). For each batch size, {BATCHES} batches of distinct samples
        are drawn: batch norm estimates each feature's mean {math.batchMean} and variance {math.batchVariance} from the
        batch, layer norm takes the mean and variance of each sample's own features. {equals(math.gamma, GAMMA)} and{' '}
        {equals(math.beta, BETA)} for every feature, {equals(math.epsilon, '10⁻⁵')}.
      </p>
      <div class="tool-fields">
        <NumberField symbol={math.batchSize} {...field('batchSize')} />
        <NumberField symbol={math.features} {...field('features')} />
        <NumberField {...field('seed')} />
      </div>

      <div aria-live="polite">
        {!current || !sample ? (
          <p>The lab is paused: fix the field marked above.</p>
        ) : (
          <>
            <p>
              <strong>
                At {equals(math.batchSize, current.batchSize)}, batch means land {formatFixed(current.meanError, 2)}{' '}
                standard deviations from the population means and batch variances {formatPercent(current.varianceError)}{' '}
                from the population variances
              </strong>{' '}
              (root mean square over {BATCHES} batches and {d} features; for comparison,{' '}
              {equals(math.inverseSqrtBatchSize, formatFixed(1 / Math.sqrt(current.batchSize), 2))}). Batch norm divides
              by these estimates, so its output for the same sample changes from batch to batch.
            </p>
            <p>
              Layer norm's output for every sample was the same inside its batch as for the sample alone (largest
              change: {formatExponential(current.layerNormShift, 1)}): it does not depend on {math.batchSize}.
            </p>
            {current.batchSize === 1 ? (
              <p>
                <strong class="tool-danger">With {equals(math.batchSize, 1)}, batch norm erases the sample.</strong>{' '}
                {math.batchOfOne} Here {sample.equalToBeta} of {d} outputs equal {equals(math.beta, BETA)}, and the
                batch variance is off by {formatPercent(current.varianceError)}.
              </p>
            ) : null}
            {current.batchSize === 2 ? (
              <p class="tool-hint">
                With {equals(math.batchSize, 2)}: {math.batchOfTwo} Here {sample.nearBetaPlusMinusGamma} of {d} outputs
                are within 0.01 of {formatFixed(BETA - GAMMA, 1)} or {formatFixed(BETA + GAMMA, 1)}.
              </p>
            ) : null}
          </>
        )}
      </div>

      {current && first && last ? (
        <LinePlot
          title="Error of batch statistics against batch size"
          description={`Batch norm's error of the batch mean falls from ${formatFixed(first.meanError, 2)} σ at B = 1 to ${formatFixed(last.meanError, 2)} σ at B = 256, and of the batch variance from ${formatPercent(first.varianceError)} to ${formatPercent(last.varianceError)}, roughly as 1 over the square root of B. Layer norm's change with the batch is 0 at every batch size.`}
          xLabel="Batch size B (log scale)"
          yLabel="RMS error (in σ, or as a fraction of σ²)"
          xScale="log"
          xDomain={[1, 256]}
          series={series}
        />
      ) : null}

      {sample && batchSize !== undefined ? (
        <div class="tool-scroll" role="region" aria-label="One sample, normalized" tabIndex={0}>
          <table class="tool-table tool-numbers">
            <caption>
              First sample of one batch of size {batchSize}
              {d > LISTED_FEATURES ? ` (first ${LISTED_FEATURES} of ${d} features)` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col">{math.x}</th>
                <th scope="col">Batch norm</th>
                <th scope="col">Layer norm</th>
              </tr>
            </thead>
            <tbody>
              {sample.x.slice(0, LISTED_FEATURES).map((x, j) => (
                <tr key={j}>
                  <th scope="row">{j + 1}</th>
                  <td>{formatFixed(x, 3)}</td>
                  <td>{formatFixed(sample.batchNorm[j] ?? 0, 3)}</td>
                  <td>{formatFixed(sample.layerNorm[j] ?? 0, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
