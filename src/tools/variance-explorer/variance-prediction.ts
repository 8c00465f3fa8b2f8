/**
 * Predictions for the variance explorer, to set beside the Monte Carlo:
 *
 * 1. The linear derivation behind Xavier initialisation: linearise the activation around 0 (slope s)
 *    and assume zero-mean activations, so Var(a^[l]) = s² · n · Var(W) · Var(a^[l−1]) = s² · c · Var(a^[l−1]).
 * 2. The infinite-width recursion, which keeps what the linear derivation drops: with zero-mean weights,
 *    Var(z^[l]) = n · Var(W) · E[(a^[l−1])²] (a second moment, so a non-zero mean counts), z is
 *    Gaussian, and the gradient obeys Var(∂L/∂a^[l−1]) = c · E[g'(z^[l])²] · Var(∂L/∂a^[l]).
 */
import { activation as activate, activationDerivative } from '../../maths/activations';
import type { Activation } from './variance-depth';

/** Slope of the activation at 0 as used by the linear derivation; null where it does not apply. */
export const LINEAR_SLOPE: Record<Activation, number | null> = {
  tanh: 1, // tanh(z) ≈ z
  sigmoid: 1 / 4, // σ(z) ≈ z/4 + 1/2, so Var(σ(z)) ≈ Var(z)/16
  linear: 1,
  relu: null, // a kink at 0: no linearisation around 0 exists
};

/** Var(a^[l]) for l = 0…depth under the linear derivation, or null for ReLU. */
export function linearPrediction(activation: Activation, c: number, depth: number, inputVariance = 1): number[] | null {
  const slope = LINEAR_SLOPE[activation];
  if (slope === null) return null;
  const factor = slope * slope * c;
  return Array.from({ length: depth + 1 }, (_, layer) => inputVariance * factor ** layer);
}

/** Per-layer factor of the linear derivation (s²·c), or null for ReLU. */
export function linearFactor(activation: Activation, c: number): number | null {
  const slope = LINEAR_SLOPE[activation];
  return slope === null ? null : slope * slope * c;
}

// Gaussian expectations by the midpoint rule on [−12, 12]: the integrands are smooth and decay like
// e^(−ξ²/2), so 2,400 nodes give ~1e-6 relative accuracy or better. No node sits at 0, so ReLU's
// jump in slope at 0 is split exactly in half by symmetry.
const NODES = 2400;
const HALF_WIDTH = 12;
const STEP = (2 * HALF_WIDTH) / NODES;
const XI = Float64Array.from({ length: NODES }, (_, i) => -HALF_WIDTH + (i + 0.5) * STEP);
const WEIGHT = Float64Array.from(XI, (xi) => (STEP * Math.exp(-0.5 * xi * xi)) / Math.sqrt(2 * Math.PI));

/** E[f(ξ)] for ξ ~ N(0, 1). */
export function gaussianExpectation(f: (xi: number) => number): number {
  let total = 0;
  for (let i = 0; i < NODES; i += 1) total += WEIGHT[i]! * f(XI[i]!);
  return total;
}

export interface PredictedLayer {
  layer: number;
  varZ: number | null;
  varA: number;
  meanA: number;
  varGrad: number;
}

/** The infinite-width recursion for layers 0…depth, with unit-variance gradient at the top. */
export function infiniteWidthRecursion(
  activation: Activation,
  c: number,
  depth: number,
  inputVariance = 1,
): PredictedLayer[] {
  const layers: PredictedLayer[] = [{ layer: 0, varZ: null, varA: inputVariance, meanA: 0, varGrad: 1 }];
  const gradientFactors: number[] = [];
  let secondMoment = inputVariance;
  for (let layer = 1; layer <= depth; layer += 1) {
    const varZ = c * secondMoment;
    const sd = Math.sqrt(varZ);
    const mean = gaussianExpectation((xi) => activate(activation, sd * xi));
    secondMoment = gaussianExpectation((xi) => activate(activation, sd * xi) ** 2);
    gradientFactors[layer] = c * gaussianExpectation((xi) => activationDerivative(activation, sd * xi) ** 2);
    layers.push({ layer, varZ, varA: Math.max(0, secondMoment - mean * mean), meanA: mean, varGrad: 1 });
  }
  // Backward from Var(∂L/∂a^[depth]) = 1.
  let gradient = 1;
  for (let layer = depth; layer >= 1; layer -= 1) {
    gradient *= gradientFactors[layer] ?? 1;
    const below = layers[layer - 1];
    if (below) below.varGrad = gradient;
  }
  return layers;
}
