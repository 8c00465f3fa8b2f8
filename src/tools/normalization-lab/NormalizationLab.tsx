/**
 * Batch norm versus layer norm (Problem 6): draws many batches from a fixed seeded population and
 * shows how far batch statistics land from the population's as the batch size changes, while layer
 * norm, which uses one sample's own features, does not change at all.
 */
import type { JSX } from 'preact';
import { useId, useMemo } from 'preact/hooks';
import { mulberry32 } from '../../maths/random';
import {
  batchNorm,
  batchSampler,
  createPopulation,
  estimationError,
  layerNorm,
  POPULATION_SIZE,
  sharedParams,
  type EstimationError,
} from './normalization';
import type { NumberRule } from '../../ui/numeric-field';
import { LabField, useLabFields } from '../../ui/LabField';
import { LinePlot, type PlotSeries } from '../../ui/plot/LinePlot';
import '../../ui/labs.css';

type Field = 'batchSize' | 'features' | 'seed';

const RULES: Record<Field, NumberRule> = {
  batchSize: { min: 1, max: 256, integer: true },
  // Layer norm of a single feature is always β, like batch norm of a single sample.
  features: { min: 2, max: 64, integer: true },
  seed: { min: 0, max: 999_999, integer: true },
};

const GAMMA = 1;
/** Not 0, so that "the output is β" is visible in the numbers. */
const BETA = 0.5;
const BATCHES = 200;
const BATCH_SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256];
/** Sample features listed in the table; the rest are summarized by the sentences. */
const LISTED_FEATURES = 6;

const count = (value: number): string => value.toLocaleString('en-US');
const signed = (value: number, digits: number): string => {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text.replace(/^-/, '−');
};
const percent = (value: number): string => `${Math.round(value * 100)}%`;

/** Batches for each batch size come from their own stream, so changing B does not reshuffle the others. */
const batchSeed = (seed: number, batchSize: number): number => seed * 1000 + batchSize;

export default function NormalizationLab(): JSX.Element {
  const { values, fieldProps } = useLabFields<Field>({ batchSize: '16', features: '8', seed: '1' }, RULES);
  const uid = useId();
  const features = values?.features;
  const seed = values?.seed;
  const batchSize = values?.batchSize;

  const population = useMemo(
    () => (features !== undefined && seed !== undefined ? createPopulation(features, seed) : undefined),
    [features, seed],
  );
  const params = useMemo(() => (features !== undefined ? sharedParams(features, GAMMA, BETA) : undefined), [features]);

  const curve = useMemo(
    () =>
      population && params && seed !== undefined
        ? BATCH_SIZES.map((b) => estimationError(population, b, BATCHES, batchSeed(seed, b), params))
        : undefined,
    [population, params, seed],
  );

  const current = useMemo((): EstimationError | undefined => {
    if (!population || !params || !curve || seed === undefined || batchSize === undefined) return undefined;
    return (
      curve.find((point) => point.batchSize === batchSize) ??
      estimationError(population, batchSize, BATCHES, batchSeed(seed, batchSize), params)
    );
  }, [population, params, curve, seed, batchSize]);

  const example = useMemo(() => {
    if (!population || !params || seed === undefined || batchSize === undefined) return undefined;
    const batch = batchSampler(population, mulberry32(batchSeed(seed, batchSize)))(batchSize);
    const firstRow = (values: Float64Array) => Array.from(values.subarray(0, batch.cols));
    return {
      x: firstRow(batch.data),
      bn: firstRow(batchNorm(batch, params).data),
      ln: firstRow(layerNorm(batch, params).data),
    };
  }, [population, params, seed, batchSize]);

  const series = useMemo((): PlotSeries[] => {
    if (!curve || !current) return [];
    const points = [...curve, ...(curve.includes(current) ? [] : [current])].sort((a, b) => a.batchSize - b.batchSize);
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
  }, [curve, current]);

  const first = curve?.[0];
  const last = curve?.[curve.length - 1];
  const d = features ?? 0;
  const erased = example ? example.bn.filter((value) => value === BETA).length : 0;
  const nearPlusMinus = example
    ? example.bn.filter((value) => Math.min(Math.abs(value - (BETA + GAMMA)), Math.abs(value - (BETA - GAMMA))) < 0.01)
        .length
    : 0;

  return (
    <section class="lab" aria-labelledby={`${uid}-heading`} data-pagefind-ignore="all">
      <h3 id={`${uid}-heading`}>Batch size lab: batch norm versus layer norm</h3>
      <p>
        A fixed population of {count(POPULATION_SIZE)} samples with d features, each feature with its own mean and
        variance (drawn once from the seed). For each batch size, {BATCHES} batches of distinct samples are drawn; batch
        norm estimates each feature's mean μ and variance σ² from the batch, layer norm computes μ_L and σ_L² from each
        sample's own features. γ = {GAMMA} and β = {BETA} for every feature, ε = 10⁻⁵.
      </p>
      <div class="lab-fields">
        <LabField label="Batch size" symbol="B" {...fieldProps('batchSize')} />
        <LabField label="Features" symbol="d" {...fieldProps('features')} />
        <LabField label="Seed" {...fieldProps('seed')} />
      </div>

      <div aria-live="polite" class="lab-results">
        {!current || !example ? (
          <p>The lab is paused: fix the field marked above.</p>
        ) : (
          <>
            <p>
              <strong>
                At B = {current.batchSize}, batch means land {current.meanError.toFixed(2)} σ from the population means
                and batch variances {percent(current.varianceError)} from the population variances
              </strong>{' '}
              (root mean square over {BATCHES} batches and {d} features; for comparison, 1/√B ={' '}
              {(1 / Math.sqrt(current.batchSize)).toFixed(2)}). Batch norm divides by these estimates, so its output for
              the same sample changes from batch to batch.
            </p>
            <p>
              Layer norm's output for every sample was the same inside its batch as for the sample alone (largest
              change: {current.layerNormShift === 0 ? '0' : current.layerNormShift.toExponential(1)}): it does not
              depend on B.
            </p>
            {current.batchSize === 1 ? (
              <p class="lab-fail">
                <strong>With B = 1, batch norm erases the sample.</strong> The batch is a single sample, so μ_B = x and
                σ_B² = 0 for every feature: x − μ_B = 0 and the output is γ · 0 / √(0 + ε) + β = β. Here {erased} of {d}{' '}
                outputs equal β = {BETA}, and the batch variance is off by {percent(current.varianceError)}.
              </p>
            ) : null}
            {current.batchSize === 2 ? (
              <p class="lab-note">
                With B = 2, each feature's two values sit one σ_B on either side of μ_B, so batch norm outputs about β ±
                γ whatever the values were: here {nearPlusMinus} of {d} outputs are within 0.01 of{' '}
                {signed(BETA - GAMMA, 1)} or {signed(BETA + GAMMA, 1)}.
              </p>
            ) : null}
          </>
        )}
      </div>

      {current && first && last ? (
        <LinePlot
          title="Error of batch statistics against batch size"
          description={`Batch norm's error of the batch mean falls from ${first.meanError.toFixed(2)} σ at B = 1 to ${last.meanError.toFixed(2)} σ at B = 256, and of the batch variance from ${percent(first.varianceError)} to ${percent(last.varianceError)}, roughly as 1 over the square root of B. Layer norm's change with the batch is 0 at every batch size.`}
          xLabel="Batch size B (log scale)"
          yLabel="RMS error (σ, or fraction of σ²)"
          xScale="log"
          xDomain={[1, 256]}
          series={series}
        />
      ) : null}

      {example && batchSize !== undefined ? (
        <div class="lab-scroll" role="region" aria-label="One sample, normalized" tabIndex={0}>
          <table class="lab-table lab-numbers">
            <caption>
              First sample of one batch of size {batchSize}
              {d > LISTED_FEATURES ? ` (first ${LISTED_FEATURES} of ${d} features)` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col">x</th>
                <th scope="col">Batch norm</th>
                <th scope="col">Layer norm</th>
              </tr>
            </thead>
            <tbody>
              {example.x.slice(0, LISTED_FEATURES).map((x, j) => (
                <tr key={j}>
                  <th scope="row">{j + 1}</th>
                  <td>{signed(x, 3)}</td>
                  <td>{signed(example.bn[j] ?? 0, 3)}</td>
                  <td>{signed(example.ln[j] ?? 0, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
