/**
 * The batch-size lab without its page: its fields, the sweep over batch sizes, and the numbers its
 * sentences state (the island only lays them out).
 */
import { memoizeRecent } from '../../maths/memo';
import { mulberry32 } from '../../maths/random';
import { parseFields, type NumberRule, type Validated } from '../../ui/number-field';
import {
  batchNorm,
  batchSampler,
  createPopulation,
  estimationError,
  layerNorm,
  sharedParams,
  type EstimationError,
  type NormParams,
  type Population,
} from './normalization';

export type LabField = 'batchSize' | 'features' | 'seed';

export type LabSettings = Record<LabField, number>;

/** The number fields, in form order. */
export const LAB_RULES: Record<LabField, NumberRule> = {
  batchSize: { label: 'Batch size', min: 1, max: 256, integer: true },
  // Layer norm of a single feature is always β, like batch norm of a single sample.
  features: { label: 'Features', min: 2, max: 16, integer: true },
  seed: { label: 'Seed', min: 0, max: 999_999, integer: true },
};

export const DEFAULT_LAB_SETTINGS: LabSettings = { batchSize: 16, features: 8, seed: 1 };

export function parseLabSettings(texts: Record<LabField, string>): Validated<LabSettings, LabField> {
  return parseFields(texts, LAB_RULES);
}

export const GAMMA = 1;
/** Not 0, so that "the output is β" is visible in the numbers. */
export const BETA = 0.5;
/** Batches drawn per batch size. */
export const BATCHES = 100;
/** The batch sizes of the plot, 1 to the largest allowed, doubling. */
export const BATCH_SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256];
/** Sample features listed in the table; the rest are summarized by the sentences. */
export const LISTED_FEATURES = 6;

/** A seeded population and the shared γ, β, ε every feature is normalized with. */
export interface Lab {
  population: Population;
  params: NormParams;
  seed: number;
}

const labOf = memoizeRecent(
  ({ features, seed }: { features: number; seed: number }): Lab => ({
    population: createPopulation(features, seed),
    params: sharedParams(features, GAMMA, BETA),
    seed,
  }),
  ({ features, seed }) => `${features} ${seed}`,
);

/** The lab of these settings; drawn once per build and visit for each (features, seed). */
export function createLab(features: number, seed: number): Lab {
  return labOf({ features, seed });
}

/** Batches for each batch size come from their own stream, so changing B does not reshuffle the others. */
const batchSeed = (seed: number, batchSize: number): number => seed * 1000 + batchSize;

/**
 * Estimation errors at every batch size of BATCH_SIZES. A lab is its features and seed, so a sweep
 * is drawn once per build for every page showing the same lab.
 */
export const batchSizeSweep = memoizeRecent(
  (lab: Lab): EstimationError[] => BATCH_SIZES.map((b) => errorAtBatchSize(lab, b)),
  (lab) => `${lab.population.samples.cols} ${lab.seed}`,
);

/** Estimation errors at one batch size, over BATCHES batches. */
export function errorAtBatchSize(lab: Lab, batchSize: number): EstimationError {
  return estimationError(lab.population, batchSize, BATCHES, batchSeed(lab.seed, batchSize), lab.params);
}

/** The sweep with the student's batch size added in order, if it is not one of the sweep's. */
export function withBatchSize(sweep: readonly EstimationError[], current: EstimationError): EstimationError[] {
  return [...sweep, ...(sweep.includes(current) ? [] : [current])].sort((a, b) => a.batchSize - b.batchSize);
}

export interface NormalizedSample {
  /** The first sample of one batch, feature by feature. */
  x: number[];
  batchNorm: number[];
  layerNorm: number[];
  /** Batch-norm outputs that are exactly β: every one when B = 1. */
  equalToBeta: number;
  /** Batch-norm outputs within 0.01 of β ± γ: about all when B = 2. */
  nearBetaPlusMinusGamma: number;
}

/** Normalizes one batch of `batchSize` both ways and reports its first sample. */
export function normalizedSample(lab: Lab, batchSize: number): NormalizedSample {
  const batch = batchSampler(lab.population, mulberry32(batchSeed(lab.seed, batchSize)))(batchSize);
  const firstRow = (values: Float64Array) => Array.from(values.subarray(0, batch.cols));
  const bn = firstRow(batchNorm(batch, lab.params).data);
  return {
    x: firstRow(batch.data),
    batchNorm: bn,
    layerNorm: firstRow(layerNorm(batch, lab.params).data),
    equalToBeta: bn.filter((value) => value === BETA).length,
    nearBetaPlusMinusGamma: bn.filter(
      (value) => Math.min(Math.abs(value - (BETA + GAMMA)), Math.abs(value - (BETA - GAMMA))) < 0.01,
    ).length,
  };
}
