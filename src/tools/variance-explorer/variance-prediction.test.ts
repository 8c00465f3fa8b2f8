import { describe, expect, it } from 'vitest';
import { gaussianExpectation, infiniteWidthRecursion, linearFactor, linearPrediction } from './variance-prediction';

describe('linearPrediction (Figure 1 with the activation linearised)', () => {
  it('keeps Var(a) at 1 for tanh with Xavier and shrinks it ×1/16 per layer for sigmoid (3(c))', () => {
    expect(linearPrediction('tanh', 1, 3)).toEqual([1, 1, 1, 1]);
    expect(linearPrediction('sigmoid', 1, 2)).toEqual([1, 1 / 16, 1 / 256]);
  });
  it('keeps Var(a) level for sigmoid with 16/n, which is the 3(d) answer', () => {
    expect(linearFactor('sigmoid', 16)).toBe(1);
  });
  it('does not exist for ReLU, whose kink at 0 has no linearisation', () => {
    expect(linearPrediction('relu', 2, 3)).toBeNull();
  });
});

describe('gaussianExpectation', () => {
  it('integrates known moments of the standard normal', () => {
    expect(
      gaussianExpectation(() => 1),
      'total mass',
    ).toBeCloseTo(1, 9);
    expect(
      gaussianExpectation((x) => x * x),
      'variance',
    ).toBeCloseTo(1, 9);
    expect(
      gaussianExpectation((x) => x ** 4),
      'fourth moment',
    ).toBeCloseTo(3, 8);
    expect(
      gaussianExpectation((x) => Math.max(0, x) ** 2),
      'E[relu²] = 1/2',
    ).toBeCloseTo(0.5, 6);
  });
});

describe('infiniteWidthRecursion', () => {
  it('keeps Var(z) = 2 through ReLU layers with He initialisation 2/n', () => {
    const layers = infiniteWidthRecursion('relu', 2, 10);
    for (const layer of layers.slice(1)) expect(layer.varZ ?? NaN, `layer ${layer.layer}`).toBeCloseTo(2, 5);
    expect(layers[0]?.varGrad, 'gradient level too: 2 · E[relu′²] = 1').toBeCloseTo(1, 5);
  });
  it('is exact for a linear network: Var ×c per layer forwards and backwards', () => {
    const layers = infiniteWidthRecursion('linear', 2, 4);
    expect(layers.map((l) => l.varA)).toEqual([1, 2, 4, 8, 16].map((v): unknown => expect.closeTo(v, 6)));
    expect(layers[0]?.varGrad).toBeCloseTo(16, 6);
  });
  it('settles sigmoid with 1/n at Var(z) ≈ 0.265, near the linearised fixed point 4/15', () => {
    const layers = infiniteWidthRecursion('sigmoid', 1, 30);
    expect(layers[30]?.varZ ?? NaN).toBeCloseTo(0.265, 3);
    expect(layers[30]?.meanA ?? NaN, 'mean of σ(z) is 1/2 by symmetry').toBeCloseTo(0.5, 9);
  });
});
