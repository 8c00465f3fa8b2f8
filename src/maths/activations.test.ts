import { describe, expect, it } from 'vitest';
import {
  activation,
  activationDerivative,
  relu,
  reluDerivative,
  sigmoid,
  sigmoidDerivative,
  softplus,
  softplusDerivative,
  tanhDerivative,
  type ActivationName,
} from './activations';
import { centralDifference } from './finite-differences';

describe('sigmoid', () => {
  it('matches the textbook formula and equals tanh(x/2)/2 + 1/2', () => {
    for (const x of [-30, -2, -0.5, 0, 1.5, 30]) {
      expect(sigmoid(x), `x = ${x}`).toBeCloseTo(1 / (1 + Math.exp(-x)), 14);
      expect(sigmoid(x), `x = ${x}, via tanh`).toBeCloseTo(Math.tanh(x / 2) / 2 + 1 / 2, 14);
    }
  });

  it('saturates to exactly 0 and 1 without overflow', () => {
    expect(Math.exp(1000), 'the naive formula would overflow').toBe(Infinity);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoidDerivative(-1000), 'no Infinity/Infinity').toBe(0);
  });

  it('has slope σ(1 − σ), 1/4 at 0', () => {
    expect(sigmoidDerivative(0)).toBe(0.25);
    for (const x of [-3, -0.2, 0.7, 4])
      expect(sigmoidDerivative(x), `x = ${x}`).toBeCloseTo(centralDifference(sigmoid, x), 9);
  });
});

describe('tanh and ReLU', () => {
  it('tanh has slope 1 − tanh², 1 at 0', () => {
    expect(tanhDerivative(0)).toBe(1);
    for (const x of [-2, 0.3, 5]) expect(tanhDerivative(x), `x = ${x}`).toBeCloseTo(centralDifference(Math.tanh, x), 9);
  });

  it('ReLU is max(0, x) with slope 0 at the kink', () => {
    expect([relu(-2), relu(0), relu(3)]).toEqual([0, 0, 3]);
    expect([reluDerivative(-2), reluDerivative(0), reluDerivative(3)]).toEqual([0, 0, 1]);
  });
});

describe('softplus', () => {
  it('matches the definition where exp does not overflow', () => {
    for (const [x, beta] of [
      [0.3, 1],
      [-2, 0.5],
      [1.5, 4],
    ] as const) {
      expect(softplus(x, beta)).toBeCloseTo(Math.log(1 + Math.exp(beta * x)) / beta, 12);
    }
  });

  it('stays finite for βx = ±1000, where exp(βx) overflows', () => {
    expect(softplus(1000, 1), 'softplus(x) → x for large x').toBe(1000);
    expect(softplus(-1000, 1), 'softplus(x) → 0⁺ for very negative x').toBe(0);
    expect(softplus(10, 100), 'βx = 1000 with β = 100').toBeCloseTo(10, 12);
    expect(softplus(1000, 10), 'β·x = 10⁴').toBe(1000);
  });

  it('has derivative σ(βx), agreeing with a central difference and saturating at 1', () => {
    for (const x of [-2, -0.1, 0, 0.5, 3]) {
      expect(softplusDerivative(x, 3), `x = ${x}`).toBeCloseTo(
        centralDifference((t) => softplus(t, 3), x),
        8,
      );
    }
    expect(softplusDerivative(1000, 100)).toBe(1);
  });
});

describe('activations by name', () => {
  it('dispatch to the functions above, with linear as the identity', () => {
    const names: ActivationName[] = ['tanh', 'sigmoid', 'relu', 'linear'];
    expect(names.map((name) => activation(name, 0.5))).toEqual([Math.tanh(0.5), sigmoid(0.5), 0.5, 0.5]);
    expect(names.map((name) => activationDerivative(name, 0.5))).toEqual([
      tanhDerivative(0.5),
      sigmoidDerivative(0.5),
      1,
      1,
    ]);
  });
});
