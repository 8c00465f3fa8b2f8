import { describe, expect, it } from 'vitest';
import { checkNetworkGradients, numericGradient, PASS_THRESHOLD, relativeError } from './gradient-check';
import { columnVector } from '../../maths/matrix';
import { createProblem, forward, GRADIENT_FORMULAS, type NetworkSizes } from './softplus-network';

const shapes: NetworkSizes[] = [
  { inputSize: 1, hiddenUnits: 1, classes: 2 },
  { inputSize: 3, hiddenUnits: 4, classes: 3 },
  { inputSize: 5, hiddenUnits: 2, classes: 7 },
  { inputSize: 16, hiddenUnits: 12, classes: 10 },
  { inputSize: 4, hiddenUnits: 6, classes: 6 },
];

function maxError(check: ReturnType<typeof checkNetworkGradients>): number {
  if (!check.ok) throw new Error(check.error);
  return Math.max(check.value.dW1.worst.relativeError, check.value.db1.worst.relativeError);
}

describe('relative error and finite differences', () => {
  it('computes |a − n| / max(|a|, |n|, floor)', () => {
    expect(relativeError(1, 1.001), 'scale-free for ordinary entries').toBeCloseTo(0.001 / 1.001, 15);
    expect(relativeError(0, 0), 'two exact zeros agree').toBe(0);
    expect(relativeError(1e-12, 0), 'near-zero entries are compared against the floor 1e-4').toBeCloseTo(1e-8, 20);
  });

  it('differentiates a known function and leaves the parameter unchanged', () => {
    const parameter = columnVector([0.7, -1.3]);
    const original = Array.from(parameter.data);
    const gradient = numericGradient(
      () => Math.sin(parameter.data[0]!) * Math.exp(parameter.data[1]!),
      parameter,
      1e-3,
    );
    expect(gradient.data[0], '∂/∂u sin(u)e^v').toBeCloseTo(Math.cos(0.7) * Math.exp(-1.3), 11);
    expect(gradient.data[1], '∂/∂v sin(u)e^v').toBeCloseTo(Math.sin(0.7) * Math.exp(-1.3), 11);
    expect(Array.from(parameter.data), 'parameter restored exactly').toEqual(original);
  });
});

describe('gradient check of the official formula', () => {
  it('agrees with finite differences to a relative error below 1e-6 for several shapes, seeds and β', () => {
    for (const sizes of shapes) {
      for (const beta of [0.1, 1, 10, 100]) {
        for (let seed = 1; seed <= 5; seed++) {
          const { network, example } = createProblem(sizes, beta, seed);
          const error = maxError(checkNetworkGradients(network, example, 'official'));
          expect(
            error,
            `D_x=${sizes.inputSize} D_a=${sizes.hiddenUnits} K=${sizes.classes} β=${beta} seed ${seed}`,
          ).toBeLessThan(PASS_THRESHOLD);
        }
      }
    }
  });

  it('keeps the loss and gradients finite when βz reaches ±1000', () => {
    const { network, example } = createProblem({ inputSize: 3, hiddenUnits: 4, classes: 3 }, 100, 3);
    // Rows of W1 alternate between +10 and −10, x sums to 1 and b1 = 0, so z1 = ±10 and βz1 = ±1000.
    network.W1.data.forEach((_, i) => (network.W1.data[i] = Math.floor(i / 3) % 2 === 0 ? 10 : -10));
    network.b1.data.fill(0);
    example.x.data.fill(1 / 3);
    const check = checkNetworkGradients(network, example, 'official');
    const z1 = forward(network, example).z1;
    expect(
      Array.from(z1.data, (z) => Math.round(100 * z)),
      'βz1 at ±1000',
    ).toEqual([1000, -1000, 1000, -1000]);
    expect(check.ok && Number.isFinite(check.value.loss), 'finite loss').toBe(true);
    expect(maxError(check), 'the check still passes in saturation').toBeLessThan(PASS_THRESHOLD);
  });
});

describe('gradient check of the wrong formulas', () => {
  it('detects each wrong formula with an error far above 1e-6, or as a shape mismatch', () => {
    for (const formula of GRADIENT_FORMULAS.filter((f) => f !== 'official')) {
      for (const sizes of shapes) {
        for (let seed = 1; seed <= 3; seed++) {
          const { network, example } = createProblem(sizes, 1, seed);
          const check = checkNetworkGradients(network, example, formula);
          const label = `${formula}, D_a=${sizes.hiddenUnits} K=${sizes.classes}, seed ${seed}`;
          if (!check.ok) {
            expect(formula, `${label}: only the missing transpose can be shape-incompatible`).toBe('forget-transpose');
            expect(sizes.hiddenUnits, `${label}: mismatch only when K ≠ D_a`).not.toBe(sizes.classes);
            expect(check.error).toMatch(/^shape mismatch: W2 is K×D_a/);
          } else {
            expect(maxError(check), label).toBeGreaterThan(1e-2);
          }
        }
      }
    }
  });

  it('evaluates the missing transpose when K = D_a, and the check then fails numerically', () => {
    const { network, example } = createProblem({ inputSize: 4, hiddenUnits: 6, classes: 6 }, 1, 2);
    const check = checkNetworkGradients(network, example, 'forget-transpose');
    expect(check.ok, 'W2 δ0 is defined when W2 is square').toBe(true);
    expect(maxError(check), 'W2 δ0 is not W2ᵀ δ0').toBeGreaterThan(1e-2);
  });
});
