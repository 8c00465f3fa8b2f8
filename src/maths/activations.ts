/**
 * Activation functions and their derivatives, each written once and numerically stable over the
 * whole double range: no exp of a large positive argument, so nothing overflows to Infinity or NaN.
 */

/** σ(x) = 1 / (1 + e^−x), evaluated with exp of a non-positive argument only. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ′(x) = σ(x)(1 − σ(x)), at most 1/4 (at 0). */
export function sigmoidDerivative(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

export function tanh(x: number): number {
  return Math.tanh(x);
}

/** tanh′(x) = 1 − tanh²(x), at most 1 (at 0). */
export function tanhDerivative(x: number): number {
  const t = Math.tanh(x);
  return 1 - t * t;
}

export function relu(x: number): number {
  return x > 0 ? x : 0;
}

/** ReLU′, with 0 at the kink x = 0 (any value in [0, 1] is a subgradient there; 0 is the usual choice). */
export function reluDerivative(x: number): number {
  return x > 0 ? 1 : 0;
}

/**
 * Softplus_β(x) = log(1 + e^(βx)) / β, as (max(βx, 0) + log1p(e^(−|βx|))) / β so that e^(βx) is never
 * formed (it overflows for βx > 709).
 */
export function softplus(x: number, beta: number): number {
  const t = beta * x;
  return (Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)))) / beta;
}

/** d/dx Softplus_β(x) = e^(βx) / (1 + e^(βx)) = σ(βx). */
export function softplusDerivative(x: number, beta: number): number {
  return sigmoid(beta * x);
}

/** Activations that are chosen by name, e.g. from a form. */
export type ActivationName = 'tanh' | 'sigmoid' | 'relu' | 'linear';

export function activation(name: ActivationName, z: number): number {
  switch (name) {
    case 'tanh':
      return tanh(z);
    case 'sigmoid':
      return sigmoid(z);
    case 'relu':
      return relu(z);
    case 'linear':
      return z;
  }
}

export function activationDerivative(name: ActivationName, z: number): number {
  switch (name) {
    case 'tanh':
      return tanhDerivative(z);
    case 'sigmoid':
      return sigmoidDerivative(z);
    case 'relu':
      return reluDerivative(z);
    case 'linear':
      return 1;
  }
}
