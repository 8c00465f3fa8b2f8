import { describe, expect, it } from 'vitest';
import { fromRows } from '../../maths/matrix';
import {
  batchNorm,
  batchSampler,
  batchStatistics,
  createPopulation,
  estimationError,
  layerNorm,
  sharedParams,
} from './normalization';
import { mulberry32 } from '../../maths/random';

const features = 16;
const population = createPopulation(features, 2021);
const params = sharedParams(features, 1, 0.5);

describe('batch norm and layer norm forward passes', () => {
  const batch = fromRows([
    [1, 10, -2],
    [3, 20, -2],
    [5, 60, 4],
  ]);
  const three = { gamma: [2, 1, 1], beta: [0.5, 0, -1], epsilon: 0 };

  it('normalizes each feature over the batch, then scales by γ and shifts by β', () => {
    const out = batchNorm(batch, three);
    // Feature 0 is 1, 3, 5: mean 3, variance 8/3.
    expect(out.data[0], 'γ(1 − 3)/√(8/3) + β').toBeCloseTo(2 * (-2 / Math.sqrt(8 / 3)) + 0.5, 12);
    const normalizedFeature1 = [out.data[1]!, out.data[4]!, out.data[7]!];
    expect(normalizedFeature1.reduce((a, b) => a + b) / 3, 'β = 0 feature has mean 0').toBeCloseTo(0, 12);
    expect(normalizedFeature1.reduce((a, b) => a + b * b, 0) / 3, 'γ = 1 feature has variance 1').toBeCloseTo(1, 12);
  });

  it('normalizes each sample over its own features', () => {
    const out = layerNorm(batch, { gamma: [1, 1, 1], beta: [0, 0, 0], epsilon: 0 });
    const first = Array.from(out.data.subarray(0, 3));
    expect(first.reduce((a, b) => a + b) / 3, 'each row has mean 0').toBeCloseTo(0, 12);
    expect(first.reduce((a, b) => a + b * b, 0) / 3, 'each row has variance 1').toBeCloseTo(1, 12);
  });

  it('gives a sample the same layer-norm output whatever batch it is in, unlike batch norm', () => {
    const sample = [0.3, -1.2, 2.5];
    const inOneBatch = fromRows([sample, [9, 9, 1], [-4, 0, 0]]);
    const inAnother = fromRows([[100, -50, 3], sample]);
    const shared = { gamma: [1.5, 1, 0.5], beta: [0.1, 0.2, 0.3], epsilon: 1e-5 };
    expect(
      Array.from(layerNorm(inAnother, shared).data.subarray(3, 6)),
      'layer norm ignores the other samples',
    ).toEqual(Array.from(layerNorm(inOneBatch, shared).data.subarray(0, 3)));
    expect(Array.from(batchNorm(inAnother, shared).data.subarray(3, 6)), 'batch norm depends on them').not.toEqual(
      Array.from(batchNorm(inOneBatch, shared).data.subarray(0, 3)),
    );
  });

  it('returns β for every feature when B = 1, without NaN', () => {
    const single = fromRows([[4.2, -7, 0.001]]);
    const out = batchNorm(single, { gamma: [2, 3, 4], beta: [0.5, -1, 7], epsilon: 1e-5 });
    expect(Array.from(out.data), 'x − μ_B = 0 and σ_B² = 0, so γ·0 + β').toEqual([0.5, -1, 7]);
    const noEpsilon = batchNorm(single, { gamma: [2, 3, 4], beta: [0.5, -1, 7], epsilon: 0 });
    expect(Array.from(noEpsilon.data), 'even with ε = 0: no 0/0').toEqual([0.5, -1, 7]);
  });
});

describe('the seeded population and batch sampler', () => {
  it('has feature-specific means and variances and is reproducible', () => {
    const again = createPopulation(features, 2021);
    expect(Array.from(again.samples.data.subarray(0, 50)), 'same seed, same samples').toEqual(
      Array.from(population.samples.data.subarray(0, 50)),
    );
    const variances = population.statistics.map((s) => s.variance);
    expect(Math.max(...variances) / Math.min(...variances), 'features differ in scale').toBeGreaterThan(4);
    expect(population.samples.rows).toBe(10_000);
  });

  it('draws batches of distinct samples from the population', () => {
    const draw = batchSampler(population, mulberry32(5));
    const batch = draw(256);
    const firstFeature = new Set(Array.from({ length: 256 }, (_, i) => batch.data[i * features]));
    expect(firstFeature.size, 'no sample drawn twice within a batch').toBe(256);
    expect(batchStatistics(batch)).toHaveLength(features);
  });
});

describe('estimation error of batch statistics', () => {
  // 200 batches × 16 independent features = 3 200 squared errors per batch size, so each RMS carries
  // a relative sampling error of about √(2/3200)/2 ≈ 1.3 % (more for the heavier-tailed variance error),
  // and a ratio of two RMS values about 2 %. A 10 % tolerance is 5 such standard errors: a true
  // 1/√B law passes, and a 1/B law (ratio 4) or no shrinkage (ratio 1) fails.
  const at = (batchSize: number) => estimationError(population, batchSize, 200, 7, params);

  it('shrinks as 1/√B: quadrupling B from 16 to 64 halves the error', () => {
    const small = at(16);
    const large = at(64);
    expect(small.meanError / large.meanError, 'mean error ratio ≈ √4 = 2').toBeGreaterThan(1.8);
    expect(small.meanError / large.meanError, 'mean error ratio ≈ √4 = 2').toBeLessThan(2.2);
    expect(small.varianceError / large.varianceError, 'variance error ratio ≈ 2').toBeGreaterThan(1.75);
    expect(small.varianceError / large.varianceError, 'variance error ratio ≈ 2').toBeLessThan(2.25);
  });

  it('matches the sampling theory for normal data', () => {
    for (const batchSize of [4, 16, 64]) {
      const error = at(batchSize);
      // Var(mean) = σ²/B; the divide-by-B variance has bias −σ²/B and variance 2(B−1)σ⁴/B².
      expect(Math.abs(error.meanError * Math.sqrt(batchSize) - 1), `B = ${batchSize}: mean error ≈ 1/√B`).toBeLessThan(
        0.1,
      );
      const varianceTheory = Math.sqrt(2 * batchSize - 1) / batchSize;
      expect(Math.abs(error.varianceError / varianceTheory - 1), `B = ${batchSize}: variance error`).toBeLessThan(0.15);
    }
  });

  it('misses the variance by 100 % at B = 1 and leaves layer norm untouched at every B', () => {
    expect(at(1).varianceError, 'a single sample has batch variance 0').toBe(1);
    for (const batchSize of [1, 2, 32, 256]) {
      expect(at(batchSize).layerNormShift, `B = ${batchSize}: layer norm output does not depend on the batch`).toBe(0);
    }
  });
});
