/**
 * A two-layer softplus network for K-class classification:
 *   z1 = W1 x + b1,  a1 = Softplus_β(z1),  z2 = W2 a1 + b2,  ŷ = LogSoftmax(z2),  L = −Σ y_i ŷ_i
 * with its forward pass and the backward pass written as the official solution's formulas, plus the
 * typical mistakes the gradient-check lab lets students try.
 */
import { softplus, softplusDerivative } from '../../maths/activations';
import {
  add,
  columnVector,
  hadamard,
  mapEntries,
  multiply,
  randomMatrix,
  shapeText,
  transpose,
  type Matrix,
  type MatrixResult,
} from '../../maths/matrix';
import { mulberry32, normalGenerator } from '../../maths/random';

export interface NetworkSizes {
  /** D_x */
  inputSize: number;
  /** D_a */
  hiddenUnits: number;
  /** K */
  classes: number;
}

export interface Network {
  W1: Matrix;
  b1: Matrix;
  W2: Matrix;
  b2: Matrix;
  beta: number;
}

export interface Example {
  /** D_x × 1 input. */
  x: Matrix;
  /** Index of the true class; y is its one-hot K × 1 vector. */
  label: number;
}

/** log softmax, shifted by the maximum so exp never overflows (the shift cancels in the ratio). */
export function logSoftmax(z: Matrix): Matrix {
  let max = -Infinity;
  for (const value of z.data) max = Math.max(max, value);
  let sum = 0;
  for (const value of z.data) sum += Math.exp(value - max);
  const logZ = max + Math.log(sum);
  return mapEntries(z, (value) => value - logZ);
}

export function softmax(z: Matrix): Matrix {
  return mapEntries(logSoftmax(z), Math.exp);
}

export function oneHot(label: number, classes: number): Matrix {
  const y = columnVector(new Float64Array(classes));
  y.data[label] = 1;
  return y;
}

export interface ForwardPass {
  z1: Matrix;
  a1: Matrix;
  z2: Matrix;
  yHat: Matrix;
  loss: number;
}

/** The caller guarantees compatible shapes (createProblem builds them), so a shape error here is a bug. */
function expectShape(result: MatrixResult): Matrix {
  if (!result.ok) throw new Error(`softplus network: ${result.error}`);
  return result.value;
}

export function forward(network: Network, example: Example): ForwardPass {
  const z1 = expectShape(add(expectShape(multiply(network.W1, example.x)), network.b1));
  const a1 = mapEntries(z1, (value) => softplus(value, network.beta));
  const z2 = expectShape(add(expectShape(multiply(network.W2, a1)), network.b2));
  const yHat = logSoftmax(z2);
  // y is one-hot, so −Σ y_i ŷ_i is −ŷ at the true class.
  const loss = -(yHat.data[example.label] ?? Number.NaN);
  return { z1, a1, z2, yHat, loss };
}

export type GradientFormula = 'official' | 'forget-transpose' | 'drop-elementwise' | 'softplus-not-derivative';

export const GRADIENT_FORMULAS: ReadonlyArray<GradientFormula> = [
  'official',
  'forget-transpose',
  'drop-elementwise',
  'softplus-not-derivative',
];

export interface BackwardPass {
  /** δ0 = ∂L/∂z2 = softmax(z2) − y, K × 1. */
  delta0: Matrix;
  /** δ1 = ∂z2/∂a1 = W2, K × D_a. */
  delta1: Matrix;
  /** δ2 = ∂a1/∂z1 = σ(β z1), stored as the D_a × 1 diagonal of the Jacobian. */
  delta2: Matrix;
  /** ∂L/∂W1, D_a × D_x. */
  dW1: Matrix;
  /** ∂L/∂b1, D_a × 1. */
  db1: Matrix;
}

export type BackwardResult = { ok: true; value: BackwardPass } | { ok: false; error: string };

/**
 * ∂L/∂W1 = (δ1ᵀ δ0 ∘ δ2) xᵀ and ∂L/∂b1 = δ1ᵀ δ0 ∘ δ2 (official solution), or one of the mistakes:
 * forgetting the transpose of δ1, dropping the element-wise product with δ2, or multiplying by
 * Softplus(z1) instead of its derivative.
 */
export function backward(network: Network, example: Example, formula: GradientFormula = 'official'): BackwardResult {
  const { z1, z2 } = forward(network, example);
  const classes = network.W2.rows;
  const delta0 = expectShape(
    add(
      softmax(z2),
      mapEntries(oneHot(example.label, classes), (y) => -y),
    ),
  );
  const delta1 = network.W2;
  const delta2 = mapEntries(z1, (value) => softplusDerivative(value, network.beta));

  let upstream: Matrix;
  if (formula === 'forget-transpose') {
    const product = multiply(delta1, delta0);
    if (!product.ok) {
      return {
        ok: false,
        error:
          `shape mismatch: W2 is K×D_a (${shapeText(delta1)}), cannot multiply by δ0 ` +
          `(K×1 = ${shapeText(delta0)}) without transposing`,
      };
    }
    upstream = product.value;
  } else {
    upstream = expectShape(multiply(transpose(delta1), delta0));
  }

  let dz1: Matrix;
  if (formula === 'drop-elementwise') {
    dz1 = upstream;
  } else if (formula === 'softplus-not-derivative') {
    dz1 = expectShape(
      hadamard(
        upstream,
        mapEntries(z1, (value) => softplus(value, network.beta)),
      ),
    );
  } else {
    dz1 = expectShape(hadamard(upstream, delta2));
  }

  const dW1 = expectShape(multiply(dz1, transpose(example.x)));
  return { ok: true, value: { delta0, delta1, delta2, dW1, db1: dz1 } };
}

/**
 * A reproducible network and labelled example. Weights are scaled by 1/√(fan-in) so z1 and z2 stay of
 * order 1 at every size, which keeps the softmax away from saturation and the check meaningful.
 */
export function createProblem(sizes: NetworkSizes, beta: number, seed: number): { network: Network; example: Example } {
  const uniform = mulberry32(seed);
  const normal = normalGenerator(uniform);
  const x = randomMatrix(sizes.inputSize, 1, normal, 1);
  const W1 = randomMatrix(sizes.hiddenUnits, sizes.inputSize, normal, 1 / Math.sqrt(sizes.inputSize));
  const b1 = randomMatrix(sizes.hiddenUnits, 1, normal, 0.1);
  const W2 = randomMatrix(sizes.classes, sizes.hiddenUnits, normal, 1 / Math.sqrt(sizes.hiddenUnits));
  const b2 = randomMatrix(sizes.classes, 1, normal, 0.1);
  const label = Math.floor(uniform() * sizes.classes);
  return { network: { W1, b1, W2, b2, beta }, example: { x, label } };
}

export interface QuantityShape {
  /** How the exam writes it, e.g. "W[2]". */
  name: string;
  /** Symbolic shape, e.g. "K × D_a". */
  symbolic: string;
  /** The shape at the chosen sizes, e.g. "3 × 4". */
  numeric: string;
}

/** Every quantity of the network with its shape, symbolic and at the chosen sizes. */
export function quantityShapes(sizes: NetworkSizes): QuantityShape[] {
  const { inputSize: dx, hiddenUnits: da, classes: k } = sizes;
  const row = (name: string, symbolic: string, rows: number, cols: number): QuantityShape => ({
    name,
    symbolic,
    numeric: `${rows} × ${cols}`,
  });
  return [
    row('x', 'D_x × 1', dx, 1),
    row('W[1]', 'D_a × D_x', da, dx),
    row('b[1]', 'D_a × 1', da, 1),
    row('z[1], a[1]', 'D_a × 1', da, 1),
    row('W[2]', 'K × D_a', k, da),
    row('b[2]', 'K × 1', k, 1),
    row('z[2], ŷ, y', 'K × 1', k, 1),
    row('L', '1 × 1 (scalar)', 1, 1),
    row('δ0 = ∂L/∂z[2]', 'K × 1', k, 1),
    row('δ1 = ∂z[2]/∂a[1]', 'K × D_a', k, da),
    row('δ2 = ∂a[1]/∂z[1]', 'D_a × 1 (diagonal of a D_a × D_a Jacobian)', da, 1),
    row('∂L/∂W[1]', 'D_a × D_x', da, dx),
    row('∂L/∂b[1]', 'D_a × 1', da, 1),
  ];
}
