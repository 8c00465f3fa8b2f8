/**
 * Batch normalization and layer normalization, and a seeded population to draw batches from, to
 * measure how well batch statistics estimate the population's at each batch size.
 * A batch is a Matrix with one sample per row and one feature per column.
 */
import { zeros, type Matrix } from '../../maths/matrix';
import { mulberry32, normalGenerator, type Uniform } from '../../maths/random';
import { meanAndVariance, type MeanAndVariance } from '../../maths/statistics';

export interface NormParams {
  /** Learned scale γ, one per feature. */
  gamma: ArrayLike<number>;
  /** Learned shift β, one per feature. */
  beta: ArrayLike<number>;
  /** ε > 0 keeps the division defined when a variance is 0. */
  epsilon: number;
}

function column(batch: Matrix, feature: number): Float64Array {
  return Float64Array.from({ length: batch.rows }, (_, i) => batch.data[i * batch.cols + feature]!);
}

function row(batch: Matrix, sample: number): Float64Array {
  return batch.data.subarray(sample * batch.cols, (sample + 1) * batch.cols);
}

/** μ_B and σ_B² of each feature, across the samples of the batch. */
export function batchStatistics(batch: Matrix): MeanAndVariance[] {
  return Array.from({ length: batch.cols }, (_, j) => meanAndVariance(column(batch, j)));
}

/** μ_L and σ_L² of one sample, across its features. */
export function layerStatistics(batch: Matrix, sample: number): MeanAndVariance {
  return meanAndVariance(row(batch, sample));
}

/** γ (x − μ) / √(σ² + ε) + β; a zero denominator (only possible with ε = 0) gives x̂ = 0 rather than NaN. */
function normalize(x: number, stats: MeanAndVariance, gamma: number, beta: number, epsilon: number): number {
  const scale = Math.sqrt(stats.variance + epsilon);
  const xHat = scale > 0 ? (x - stats.mean) / scale : 0;
  return gamma * xHat + beta;
}

/** Batch norm (training mode): each feature is normalized with the statistics of the batch. */
export function batchNorm(batch: Matrix, params: NormParams): Matrix {
  const stats = batchStatistics(batch);
  const out = zeros(batch.rows, batch.cols);
  for (let i = 0; i < batch.rows; i++) {
    for (let j = 0; j < batch.cols; j++) {
      const index = i * batch.cols + j;
      out.data[index] = normalize(batch.data[index]!, stats[j]!, params.gamma[j]!, params.beta[j]!, params.epsilon);
    }
  }
  return out;
}

/** Layer norm: each sample is normalized with its own statistics across features; other rows play no part. */
export function layerNorm(batch: Matrix, params: NormParams): Matrix {
  const out = zeros(batch.rows, batch.cols);
  for (let i = 0; i < batch.rows; i++) {
    const stats = layerStatistics(batch, i);
    for (let j = 0; j < batch.cols; j++) {
      const index = i * batch.cols + j;
      out.data[index] = normalize(batch.data[index]!, stats, params.gamma[j]!, params.beta[j]!, params.epsilon);
    }
  }
  return out;
}

export interface Population {
  /** size × features, one sample per row. */
  samples: Matrix;
  /** Exact mean and variance of each feature over the whole population. */
  statistics: MeanAndVariance[];
}

export const POPULATION_SIZE = 10_000;

/**
 * A fixed population of normal samples whose features have their own means (−3 to 3) and standard
 * deviations (0.5 to 3, log-uniform), so a single normalization constant could not fit them all.
 */
export function createPopulation(features: number, seed: number, size: number = POPULATION_SIZE): Population {
  const uniform = mulberry32(seed);
  const normal = normalGenerator(uniform);
  const means = Array.from({ length: features }, () => -3 + 6 * uniform());
  const deviations = Array.from({ length: features }, () => Math.exp(Math.log(0.5) + Math.log(6) * uniform()));
  const samples = zeros(size, features);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < features; j++) samples.data[i * features + j] = means[j]! + deviations[j]! * normal();
  }
  return { samples, statistics: batchStatistics(samples) };
}

/**
 * Draws batches of distinct samples, like a minibatch from a shuffled epoch. Each draw runs the first
 * B steps of a Fisher–Yates shuffle on a running permutation, which yields a uniformly random subset.
 */
export function batchSampler(population: Population, uniform: Uniform): (batchSize: number) => Matrix {
  const { samples } = population;
  const order = Int32Array.from({ length: samples.rows }, (_, i) => i);
  return (batchSize) => {
    const batch = zeros(batchSize, samples.cols);
    for (let i = 0; i < batchSize; i++) {
      const pick = i + Math.floor(uniform() * (samples.rows - i));
      const chosen = order[pick]!;
      order[pick] = order[i]!;
      order[i] = chosen;
      batch.data.set(row(samples, chosen), i * samples.cols);
    }
    return batch;
  };
}

export interface EstimationError {
  batchSize: number;
  /** RMS of (μ_B − μ) / σ over batches and features: the batch mean's miss in population standard deviations. */
  meanError: number;
  /** RMS of (σ_B² − σ²) / σ² over batches and features: the batch variance's relative miss. */
  varianceError: number;
  /**
   * Largest change of any sample's layer-norm output (in the first batch) between normalizing it
   * inside the batch and normalizing it alone. Layer norm uses only the sample's own features, so
   * this is 0 at every B.
   */
  layerNormShift: number;
}

/**
 * How far batch statistics land from the population's, over `batches` batches of `batchSize` samples.
 * The statistics are summed in place, feature by feature, without building matrices: the lab runs
 * this for every batch size on each edit, within the 100 ms an interaction may take.
 */
export function estimationError(
  population: Population,
  batchSize: number,
  batches: number,
  seed: number,
  params: NormParams,
): EstimationError {
  const draw = batchSampler(population, mulberry32(seed));
  const features = population.samples.cols;
  let meanSquares = 0;
  let varianceSquares = 0;
  let layerNormShift = 0;
  for (let b = 0; b < batches; b++) {
    const batch = draw(batchSize);
    const data = batch.data;
    for (let j = 0; j < features; j++) {
      let sum = 0;
      for (let i = 0; i < batchSize; i++) sum += data[i * features + j]!;
      const mean = sum / batchSize;
      let squares = 0;
      for (let i = 0; i < batchSize; i++) {
        const d = data[i * features + j]! - mean;
        squares += d * d;
      }
      const truth = population.statistics[j]!;
      meanSquares += (mean - truth.mean) ** 2 / truth.variance;
      varianceSquares += ((squares / batchSize - truth.variance) / truth.variance) ** 2;
    }
    // Layer norm's independence from the batch is checked on the first batch: every sample
    // normalized inside it against the same sample alone.
    if (b === 0) {
      const inBatch = layerNorm(batch, params);
      for (let i = 0; i < batch.rows; i++) {
        const alone = layerNorm({ rows: 1, cols: features, data: row(batch, i) }, params);
        alone.data.forEach((value, j) => {
          layerNormShift = Math.max(layerNormShift, Math.abs(value - inBatch.data[i * features + j]!));
        });
      }
    }
  }
  const count = batches * features;
  return {
    batchSize,
    meanError: Math.sqrt(meanSquares / count),
    varianceError: Math.sqrt(varianceSquares / count),
    layerNormShift,
  };
}

/** The same γ and β for every feature (γ = 1, β = 0 is how both layers start training). */
export function sharedParams(features: number, gamma: number, beta: number, epsilon: number = 1e-5): NormParams {
  return { gamma: new Float64Array(features).fill(gamma), beta: new Float64Array(features).fill(beta), epsilon };
}
