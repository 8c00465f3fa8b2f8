import { describe, expect, it } from 'vitest';
import {
  BATCH_SIZES,
  BETA,
  DEFAULT_LAB_SETTINGS,
  GAMMA,
  batchSizeSweep,
  createLab,
  errorAtBatchSize,
  normalizedSample,
  parseLabSettings,
  withBatchSize,
} from './normalization-lab';

const lab = createLab(8, 1);

describe('the batch-size sweep', () => {
  const sweep = batchSizeSweep(lab);

  it('covers every batch size of the plot, with errors shrinking as B grows', () => {
    expect(sweep.map((p) => p.batchSize)).toEqual(BATCH_SIZES);
    expect(sweep[0]?.varianceError, 'B = 1: the batch variance is 0, off by 100 %').toBe(1);
    expect(sweep.at(-1)?.meanError ?? 1, 'B = 256: about 1/16 σ').toBeLessThan(0.1);
    expect(
      sweep.every((p) => p.layerNormShift === 0),
      'layer norm never depends on the batch',
    ).toBe(true);
  });

  it('is reproducible per batch size, so another B does not reshuffle the others', () => {
    expect(errorAtBatchSize(lab, 16)).toEqual(sweep.find((p) => p.batchSize === 16));
  });

  it('adds the student’s batch size in order unless the sweep has it', () => {
    const own = errorAtBatchSize(lab, 3);
    expect(
      withBatchSize(sweep, own)
        .map((p) => p.batchSize)
        .slice(0, 4),
    ).toEqual([1, 2, 3, 4]);
    const listed = sweep[4]!;
    expect(withBatchSize(sweep, listed)).toHaveLength(BATCH_SIZES.length);
  });
});

describe('one normalized sample', () => {
  it('B = 1: batch norm outputs β for every feature; layer norm does not', () => {
    const sample = normalizedSample(lab, 1);
    expect(sample.equalToBeta, 'all 8 features erased').toBe(8);
    expect(sample.batchNorm).toEqual(Array(8).fill(BETA));
    expect(sample.layerNorm.some((value) => value !== BETA)).toBe(true);
  });

  it('B = 2: batch norm outputs about β ± γ', () => {
    const sample = normalizedSample(lab, 2);
    expect(sample.nearBetaPlusMinusGamma, 'most of the 8 features').toBeGreaterThanOrEqual(6);
    for (const value of sample.batchNorm) {
      expect(Math.min(Math.abs(value - (BETA + GAMMA)), Math.abs(value - (BETA - GAMMA))), `${value}`).toBeLessThan(
        0.05,
      );
    }
  });
});

describe('parseLabSettings', () => {
  it('accepts the defaults and states the rule of a bad field', () => {
    expect(parseLabSettings({ batchSize: '16', features: '8', seed: '1' })).toEqual({
      ok: true,
      value: DEFAULT_LAB_SETTINGS,
    });
    expect(parseLabSettings({ batchSize: '16', features: '1', seed: '1' })).toEqual({
      ok: false,
      errors: [{ field: 'features', message: 'Features: enter a whole number from 2 to 16.' }],
    });
    expect(
      parseLabSettings({ batchSize: '257', features: '17', seed: '1' }),
      'the limits that keep an edit under 100 ms',
    ).toEqual({
      ok: false,
      errors: [
        { field: 'batchSize', message: 'Batch size: enter a whole number from 1 to 256.' },
        { field: 'features', message: 'Features: enter a whole number from 2 to 16.' },
      ],
    });
  });
});
