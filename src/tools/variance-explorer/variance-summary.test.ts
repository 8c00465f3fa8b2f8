import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VARIANCE_SETTINGS,
  runVarianceSimulation,
  type LayerStats,
  type VarianceResult,
  type VarianceSettings,
} from './variance-depth';
import { describeVarianceResult, perLayerFactor, varianceVerdicts } from './variance-summary';

/** A synthetic result: Var(a) = varA(l), mean(a) = meanA, Var(grad) = grad(l). */
function synthetic(
  settings: Partial<VarianceSettings>,
  varA: (l: number) => number,
  grad: (l: number) => number,
  meanA = 0,
  saturated: number | null = 0,
): VarianceResult {
  const full: VarianceSettings = { activation: 'tanh', c: 1, width: 128, depth: 20, batch: 32, seed: 1, ...settings };
  const layers: LayerStats[] = Array.from({ length: full.depth + 1 }, (_, layer) => ({
    layer,
    varZ: layer === 0 ? null : full.c * (varA(layer - 1) + meanA ** 2),
    varA: varA(layer),
    meanA: layer === 0 ? 0 : meanA,
    saturated: layer === 0 ? null : saturated,
    varGrad: grad(layer),
  }));
  return { settings: full, layers };
}

describe('perLayerFactor', () => {
  it('is the geometric mean change per layer, or null when a value is 0', () => {
    expect(perLayerFactor(1, 0.25, 2)).toBeCloseTo(0.5, 12);
    expect(perLayerFactor(0, 1, 3)).toBeNull();
    expect(perLayerFactor(1, 0, 3)).toBeNull();
  });
});

describe('describeVarianceResult', () => {
  it('reports the measured per-layer factor next to the linear prediction, citing where the course derives it', () => {
    const result = synthetic(
      {},
      (l) => 0.6 ** l,
      () => 1,
    );
    const text = describeVarianceResult(result, 'Figure 1').join(' ');
    expect(text).toContain('Over layers 10–20, activation variance shrinks by about ×0.6 per layer');
    expect(text).toContain('(Figure 1’s linear derivation predicts ×1)');
    expect(text, 'flat gradient').toContain('the gradient variance stays about level');
    expect(describeVarianceResult(result).join(' '), 'no course reference').toContain(
      '(the linear derivation predicts ×1)',
    );
  });

  it('names vanishing and exploding gradients from the overall change', () => {
    const vanishing = describeVarianceResult(
      synthetic(
        {},
        () => 1,
        (l) => 10 ** (l - 20),
      ),
    ).join(' ');
    expect(vanishing).toContain('vanishing gradients');
    const exploding = describeVarianceResult(
      synthetic(
        {},
        () => 1,
        (l) => 2 ** (20 - l),
      ),
    ).join(' ');
    expect(exploding).toContain('exploding gradients');
    expect(exploding).toContain('grows by about ×2 per layer');
  });

  it('explains the non-zero mean for sigmoid with the measured numbers', () => {
    const text = describeVarianceResult(
      synthetic(
        { activation: 'sigmoid' },
        () => 0.0147,
        () => 1,
        0.5,
      ),
    ).join(' ');
    expect(text).toContain('The activations’ mean is 0.5, not 0');
    expect(text, 'c·(Var(a) + mean²) = 0.0147 + 0.25').toContain('≈ 0.265');
    expect(text, 'the zero-mean estimate').toContain('c·Var(a) ≈ 0.0147');
    expect(text, '1/16 prediction').toContain('predicts ×0.0625');
  });

  it('reports saturation above 1% and omits the prediction for ReLU', () => {
    const sigmoidText = describeVarianceResult(
      synthetic(
        { activation: 'sigmoid', c: 16 },
        () => 0.12,
        () => 1,
        0.5,
        0.1,
      ),
    ).join(' ');
    expect(sigmoidText).toContain('10% of the last layer’s pre-activations are saturated (|z| > 4');
    const reluText = describeVarianceResult(
      synthetic(
        { activation: 'relu', c: 2 },
        () => 1,
        () => 1,
        0.56,
        null,
      ),
    ).join(' ');
    expect(reluText).not.toContain('linear derivation');
    expect(reluText).not.toContain('saturated');
  });

  it('says "underflows" instead of printing NaN when variances reach 0', () => {
    const text = describeVarianceResult(
      synthetic(
        {},
        (l) => (l > 15 ? 0 : 1),
        (l) => (l < 3 ? 0 : 1),
      ),
    ).join(' ');
    expect(text).toContain('underflows to 0');
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('varianceVerdicts (forward and backward, as 3(e) asks)', () => {
  const official = { part: '3(e)', activation: 'sigmoid', c: 1, answer: 'neither' } as const;
  it('tells 3(e)’s setting apart: the activations settle (“Neither”, as the exam says) while the gradient vanishes', () => {
    const result = runVarianceSimulation({ ...DEFAULT_VARIANCE_SETTINGS, activation: 'sigmoid', c: 1 });
    const { forward, backward } = varianceVerdicts(result, official);
    expect(forward.trend, forward.evidence).toBe('neither');
    expect(forward.comparison).toBe('Agrees with the official answer to 3(e), “Neither”.');
    expect(backward.trend, backward.evidence).toBe('vanishing');
    expect(backward.comparison).toBe('Differs from the official answer to 3(e), “Neither”.');
  });

  it('compares only when the explorer shows the official setting', () => {
    const result = runVarianceSimulation({ ...DEFAULT_VARIANCE_SETTINGS, activation: 'sigmoid', c: 16 });
    const { forward, backward } = varianceVerdicts(result, official);
    expect([forward.comparison, backward.comparison], 'another c is not 3(e)’s question').toEqual([
      undefined,
      undefined,
    ]);
  });

  it('calls a growing or dying variance exploding or vanishing', () => {
    const growing = varianceVerdicts(
      synthetic(
        {},
        (l) => 1.5 ** l,
        (l) => 1.5 ** (20 - l),
      ),
    );
    expect([growing.forward.trend, growing.backward.trend]).toEqual(['exploding', 'exploding']);
    const dying = varianceVerdicts(
      synthetic(
        {},
        (l) => 0.5 ** l,
        (l) => 0.5 ** (20 - l),
      ),
    );
    expect([dying.forward.trend, dying.backward.trend]).toEqual(['vanishing', 'vanishing']);
    const underflow = varianceVerdicts(
      synthetic(
        {},
        () => 0,
        () => 0,
      ),
    );
    expect([underflow.forward.trend, underflow.backward.trend], 'an underflow to 0 vanishes').toEqual([
      'vanishing',
      'vanishing',
    ]);
  });
});
