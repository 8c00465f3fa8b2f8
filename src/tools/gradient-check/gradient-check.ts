/**
 * Gradient checking: compare an analytic gradient with central finite differences, entry by entry.
 *
 * The numeric gradient is Richardson-extrapolated (see maths/finite-differences.ts): with the plain
 * central difference alone, small β (large losses) or large β (sharp softplus kinks) push the
 * agreement of a correct gradient above 1e-6.
 */
import { richardsonDifference } from '../../maths/finite-differences';
import { zeros, type Matrix } from '../../maths/matrix';
import { backward, forward, type Example, type GradientFormula, type Network } from './softplus-network';

/**
 * Floor of the relative error's denominator. Entries whose true gradient is essentially zero
 * (a saturated σ(βz)) would otherwise divide rounding noise (~1e-11) by ~0 and look like failures.
 */
export const RELATIVE_ERROR_FLOOR = 1e-4;

/** A check passes when every entry's relative error is below this. */
export const PASS_THRESHOLD = 1e-6;

/** |a − n| / max(|a|, |n|, floor). */
export function relativeError(analytic: number, numeric: number, floor: number = RELATIVE_ERROR_FLOOR): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
}

/**
 * Step h for Softplus_β networks: 10⁻³, but small enough that a step moves βz by at most about 0.01,
 * so the finite difference stays inside the softplus kink (width ~1/β) instead of jumping across it.
 */
export function finiteDifferenceStep(beta: number): number {
  return Math.min(1e-3, 0.01 / beta);
}

/**
 * ∂loss/∂parameter by Richardson-extrapolated central differences. Perturbs `parameter` in place
 * (the loss closure reads it) and restores every entry to its exact original value.
 */
export function numericGradient(loss: () => number, parameter: Matrix, step: number): Matrix {
  const gradient = zeros(parameter.rows, parameter.cols);
  for (let i = 0; i < parameter.data.length; i++) {
    const original = parameter.data[i]!;
    const lossAt = (value: number): number => {
      parameter.data[i] = value;
      return loss();
    };
    gradient.data[i] = richardsonDifference(lossAt, original, step);
    parameter.data[i] = original;
  }
  return gradient;
}

export interface EntryComparison {
  row: number;
  col: number;
  analytic: number;
  numeric: number;
  relativeError: number;
}

export interface GradientComparison {
  entries: EntryComparison[];
  /** The entry with the largest relative error. */
  worst: EntryComparison;
  /** How many entries reach PASS_THRESHOLD or more. */
  failing: number;
  passed: boolean;
}

export function compareGradients(analytic: Matrix, numeric: Matrix): GradientComparison {
  if (analytic.rows !== numeric.rows || analytic.cols !== numeric.cols || analytic.data.length === 0) {
    throw new RangeError('compareGradients: gradients must have the same, non-empty shape');
  }
  const entries = Array.from(analytic.data, (a, index): EntryComparison => {
    const n = numeric.data[index]!;
    return {
      row: Math.floor(index / analytic.cols),
      col: index % analytic.cols,
      analytic: a,
      numeric: n,
      relativeError: relativeError(a, n),
    };
  });
  const worst = entries.reduce((best, e) => (e.relativeError > best.relativeError ? e : best));
  const failing = entries.filter((e) => !(e.relativeError < PASS_THRESHOLD)).length;
  return { entries, worst, failing, passed: failing === 0 };
}

export type NetworkCheck =
  | { ok: true; value: { loss: number; step: number; dW1: GradientComparison; db1: GradientComparison } }
  | { ok: false; error: string };

/** Checks ∂L/∂W1 and ∂L/∂b1 of the chosen formula against finite differences. */
export function checkNetworkGradients(network: Network, example: Example, formula: GradientFormula): NetworkCheck {
  const analytic = backward(network, example, formula);
  if (!analytic.ok) return analytic;
  const loss = () => forward(network, example).loss;
  const step = finiteDifferenceStep(network.beta);
  return {
    ok: true,
    value: {
      loss: loss(),
      step,
      dW1: compareGradients(analytic.value.dW1, numericGradient(loss, network.W1, step)),
      db1: compareGradients(analytic.value.db1, numericGradient(loss, network.b1, step)),
    },
  };
}
