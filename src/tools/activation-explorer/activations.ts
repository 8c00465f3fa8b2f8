/**
 * The activation functions of Problems 1(c), 2(c), 3(a)/(b) and 4, their derivatives, and the
 * curves and sentences the activation explorer shows. Implementations are numerically stable over
 * the whole input range the explorer allows (|x| ≤ 1000).
 */
import { formatNumber, type PointOrBreak } from '../../ui/plot/plot-data';

export type ActivationId =
  | 'min-zero'
  | 'max-neg'
  | 'ceiling'
  | 'h'
  | 'softplus'
  | 'sigmoid'
  | 'tanh'
  | 'sigmoid-linearised';

export interface ActivationInfo {
  id: ActivationId;
  /** Option text in the function picker. */
  label: string;
  /** Where it comes from in the exam. */
  source: string;
  range: readonly [number, number];
}

export const ACTIVATION_FUNCTIONS: ReadonlyArray<ActivationInfo> = [
  { id: 'min-zero', label: 'min(0, x)', source: '1(c)(i)', range: [-3, 3] },
  { id: 'max-neg', label: 'max(−x, −2x)', source: '1(c)(ii)', range: [-3, 3] },
  { id: 'ceiling', label: 'ceiling(x)', source: '1(c)(iii)', range: [-3, 3] },
  { id: 'h', label: 'h(x) = x log(1 + tanh(eˣ))', source: '2(c)', range: [-4, 4] },
  { id: 'softplus', label: 'Softplus with β', source: '4', range: [-4, 4] },
  { id: 'sigmoid', label: 'sigmoid σ(x)', source: '3', range: [-8, 8] },
  { id: 'tanh', label: 'tanh(x)', source: '3', range: [-4, 4] },
  { id: 'sigmoid-linearised', label: 'σ(x) = tanh(x/2)/2 + 1/2 vs x/4 + 1/2', source: '3(a), 3(b)', range: [-6, 6] },
];

export const X_LIMIT = 1000;
export const BETA_LIMITS = { min: 0.01, max: 100 } as const;
export const SAMPLES = 401;

/** Numerically stable σ(x): never evaluates exp of a large positive number. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ as 3(a) writes it, via tanh. */
export function sigmoidViaTanh(x: number): number {
  return Math.tanh(x / 2) / 2 + 1 / 2;
}

/** Softplus(x) = (1/β) log(1 + e^(βx)), as max(βx, 0)/β + log1p(e^(−|βx|))/β so e^(βx) never overflows. */
export function softplus(x: number, beta: number): number {
  const t = beta * x;
  return (Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)))) / beta;
}

/** d/dx Softplus = σ(βx) (4(v)'s δ₂), stable for large |βx|. */
export function softplusDerivative(x: number, beta: number): number {
  return sigmoid(beta * x);
}

/** h(x) = x log(1 + tanh(eˣ)); for large x, tanh(eˣ) is exactly 1 and h(x) = x log 2, with no overflow. */
export function h(x: number): number {
  return x * Math.log1p(Math.tanh(Math.exp(x)));
}

/**
 * eˣ(1 − tanh²(eˣ)), the product in the official derivative, computed without Infinity × 0:
 * once eˣ is large, 1 − tanh²(eˣ) = sech²(eˣ) underflows to 0 long before eˣ overflows.
 */
function expTimesTanhSlope(x: number): number {
  const u = Math.exp(x);
  if (u > 350) return 0; // u·sech²(u) < 350·4e^(−700): below the smallest double
  const t = Math.tanh(u);
  return u * (1 - t * t);
}

/** The official 2(c) answer: dh/dx = x eˣ(1 − tanh²(eˣ)) / (1 + tanh(eˣ)) + log(1 + tanh(eˣ)). */
export function hDerivativeOfficial(x: number): number {
  const t = Math.tanh(Math.exp(x));
  return (x * expTimesTanhSlope(x)) / (1 + t) + Math.log1p(t);
}

/** Central difference (f(x + d) − f(x − d)) / 2d with d scaled to x, to check a formula numerically. */
export function centralDifference(f: (x: number) => number, x: number): number {
  const d = 1e-5 * Math.max(1, Math.abs(x));
  return (f(x + d) - f(x - d)) / (2 * d);
}

export interface CurveSeries {
  name: string;
  points: PointOrBreak[];
  dashed?: boolean;
}

export interface ActivationCurves {
  title: string;
  description: string;
  yLabel: string;
  series: CurveSeries[];
  /** What the plot shows, computed from the sampled values. */
  sentences: string[];
}

export interface CurveRequest {
  id: ActivationId;
  from: number;
  to: number;
  beta: number;
}

export type CurveField = 'from' | 'to' | 'beta';

export function parseCurveRequest(
  id: ActivationId,
  raw: Record<CurveField, string>,
): { ok: true; value: CurveRequest } | { ok: false; error: { field: CurveField; message: string } } {
  const from = Number(raw.from.trim());
  const to = Number(raw.to.trim());
  const beta = Number(raw.beta.trim());
  const limit = X_LIMIT.toLocaleString('en-US');
  if (raw.from.trim() === '' || !Number.isFinite(from) || Math.abs(from) > X_LIMIT) {
    return { ok: false, error: { field: 'from', message: `From x: enter a number between -${limit} and ${limit}.` } };
  }
  if (raw.to.trim() === '' || !Number.isFinite(to) || Math.abs(to) > X_LIMIT) {
    return { ok: false, error: { field: 'to', message: `To x: enter a number between -${limit} and ${limit}.` } };
  }
  if (to <= from) return { ok: false, error: { field: 'to', message: 'To x: must be greater than From x.' } };
  if (id === 'softplus' && (raw.beta.trim() === '' || !(beta >= BETA_LIMITS.min && beta <= BETA_LIMITS.max))) {
    return { ok: false, error: { field: 'beta', message: `β: enter a number between ${BETA_LIMITS.min} and ${BETA_LIMITS.max}.` } };
  }
  return { ok: true, value: { id, from, to, beta: id === 'softplus' ? beta : 1 } };
}

function grid(from: number, to: number): number[] {
  return Array.from({ length: SAMPLES }, (_, i) => from + ((to - from) * i) / (SAMPLES - 1));
}

/** Integers k with from < k < to, plus from and/or to themselves when asked and integer. */
function integersBetween(from: number, to: number, withFrom = false, withTo = false): number[] {
  const result: number[] = [];
  for (let k = Math.ceil(from); k <= to; k += 1) {
    if ((k > from || withFrom) && (k < to || withTo)) result.push(k);
  }
  return result;
}

/**
 * Samples f on the grid, breaking the line at each point in `breaks`: samples exactly at a break
 * are left out (the function or derivative is undefined there) and the line is not joined across.
 */
function sample(xs: number[], f: (x: number) => number, breaks: number[] = []): PointOrBreak[] {
  const points: PointOrBreak[] = [];
  let next = 0;
  let broken = false;
  for (const x of xs) {
    while (next < breaks.length && (breaks[next] ?? Infinity) <= x) {
      broken = points.length > 0;
      next += 1;
    }
    if (breaks.includes(x)) continue;
    if (broken) points.push(null);
    broken = false;
    points.push([x, f(x)]);
  }
  return points;
}

const fmt = (value: number) => formatNumber(value, 3);

function largestGap(a: PointOrBreak[], b: (x: number) => number): { gap: number; at: number } {
  let gap = 0;
  let at = 0;
  for (const p of a) {
    if (p === null) continue;
    const difference = Math.abs(p[1] - b(p[0]));
    if (difference > gap) {
      gap = difference;
      at = p[0];
    }
  }
  return { gap, at };
}

/** The series and sentences for one function over [from, to]. */
export function activationCurves({ id, from, to, beta }: CurveRequest): ActivationCurves {
  const xs = grid(from, to);
  const range = `[${fmt(from)}, ${fmt(to)}]`;
  switch (id) {
    case 'min-zero': {
      const kinks = from < 0 && 0 < to ? [0] : [];
      return {
        title: 'min(0, x) and its derivative',
        description: `min(0, x) equals x for negative x and 0 for positive x; its derivative is 1 then 0, with a kink at 0. Plotted over ${range}.`,
        yLabel: 'Value (unitless)',
        series: [
          { name: 'min(0, x)', points: sample(xs, (x) => Math.min(0, x)) },
          { name: 'Derivative', points: sample(xs, (x) => (x < 0 ? 1 : 0), kinks), dashed: true },
        ],
        sentences: [
          'The derivative is 1 for x < 0 and 0 for x > 0; at the kink x = 0 any value in [0, 1] is a subgradient (frameworks use 0 or 1).',
          'It is ReLU mirrored (min(0, x) = −ReLU(−x)): gradients flow for every negative input, so SGD can train with it.',
        ],
      };
    }
    case 'max-neg': {
      const kinks = from < 0 && 0 < to ? [0] : [];
      return {
        title: 'max(−x, −2x) and its derivative',
        description: `max(−x, −2x) equals −2x for negative x and −x for positive x; its derivative is −2 then −1, with a kink at 0. Plotted over ${range}.`,
        yLabel: 'Value (unitless)',
        series: [
          { name: 'max(−x, −2x)', points: sample(xs, (x) => Math.max(-x, -2 * x)) },
          { name: 'Derivative', points: sample(xs, (x) => (x < 0 ? -2 : -1), kinks), dashed: true },
        ],
        sentences: [
          'The derivative is −2 for x < 0 and −1 for x > 0: never zero, so every input passes a gradient back.',
          'It is piecewise linear with a single kink at 0, like a (flipped) leaky ReLU, so SGD can train with it.',
        ],
      };
    }
    case 'ceiling': {
      const jumps = integersBetween(from, to);
      // ceiling is left-continuous: at an integer `from` the value belongs to the piece outside the
      // range, at an integer `to` to the last piece; the derivative is not defined at either.
      const derivative = sample(xs, () => 0, integersBetween(from, to, true, true));
      const zeroSlope = derivative.filter((p) => p !== null).length;
      return {
        title: 'ceiling(x) and its derivative',
        description: `ceiling(x) is a staircase that jumps by 1 at every integer; its derivative is 0 between integers and not defined at them. Plotted over ${range}.`,
        yLabel: 'Value (unitless)',
        series: [
          { name: 'ceiling(x)', points: sample(xs, Math.ceil, integersBetween(from, to, true)) },
          { name: 'Derivative', points: derivative, dashed: true },
        ],
        sentences: [
          `Between integers ceiling(x) is flat, so its derivative is 0; at each integer it jumps, so the derivative is not defined there (${jumps.length.toLocaleString('en-US')} ${jumps.length === 1 ? 'jump' : 'jumps'} in this range).`,
          `All ${zeroSlope.toLocaleString('en-US')} sampled points off the integers have gradient exactly 0: the gradient is zero almost everywhere, so SGD gets no signal through it, which is why (iii) is not a usable activation.`,
        ],
      };
    }
    case 'h': {
      const official = sample(xs, hDerivativeOfficial);
      const { gap, at } = largestGap(official, (x) => centralDifference(h, x));
      return {
        title: 'h(x) = x log(1 + tanh(eˣ)) and its derivative',
        description: `h(x), the official derivative formula from 2(c), and a numerical central difference, plotted over ${range}. The two derivative curves coincide.`,
        yLabel: 'Value (unitless)',
        series: [
          { name: 'h(x)', points: sample(xs, h) },
          { name: 'dh/dx, official formula', points: official },
          { name: 'dh/dx, central difference', points: sample(xs, (x) => centralDifference(h, x)), dashed: true },
        ],
        sentences: [
          `Largest gap between the official formula and the central difference (step 10⁻⁵) over ${range}: ${formatNumber(gap, 2)} (at x = ${fmt(at)}), so the official answer is right.`,
          'For large x, tanh(eˣ) is 1 to double precision: h(x) → x log 2 and dh/dx → log 2 ≈ 0.693.',
        ],
      };
    }
    case 'softplus': {
      const values = sample(xs, (x) => softplus(x, beta));
      const { gap, at } = largestGap(values, (x) => Math.max(0, x));
      return {
        title: `Softplus with β = ${fmt(beta)} and its derivative`,
        description: `Softplus(x) = (1/β) log(1 + e^(βx)) with β = ${fmt(beta)}, its derivative σ(βx), and ReLU for comparison, plotted over ${range}.`,
        yLabel: 'Value (unitless)',
        series: [
          { name: 'Softplus(x)', points: values },
          { name: 'Derivative σ(βx)', points: sample(xs, (x) => softplusDerivative(x, beta)) },
          { name: 'ReLU max(0, x)', points: sample(xs, (x) => Math.max(0, x)), dashed: true },
        ],
        sentences: [
          `Largest gap between Softplus and ReLU over ${range}: ${formatNumber(gap, 3)} at x = ${fmt(at)} (log(2)/β = ${formatNumber(Math.LN2 / beta, 3)} at 0): a larger β makes Softplus closer to ReLU.`,
          'The derivative e^(βx)/(1 + e^(βx)) = σ(βx) is 4(v)’s δ₂; it is computed as σ(βx) so e^(βx) never overflows.',
        ],
      };
    }
    case 'sigmoid': {
      const derivative = sample(xs, (x) => sigmoid(x) * (1 - sigmoid(x)));
      const peak = Math.max(...derivative.map((p) => (p === null ? 0 : p[1])));
      return {
        title: 'Sigmoid σ(x) and its derivative',
        description: `σ(x) = 1/(1 + e^(−x)) and its derivative σ(x)(1 − σ(x)), plotted over ${range}.`,
        yLabel: 'Value (unitless)',
        series: [
          { name: 'σ(x)', points: sample(xs, sigmoid) },
          { name: 'Derivative σ(x)(1 − σ(x))', points: derivative, dashed: true },
        ],
        sentences: [
          `The largest slope in this range is ${formatNumber(peak, 3)} (at most 1/4, at x = 0): each sigmoid layer scales gradients by 1/4 or less.`,
          'Its outputs have mean 1/2, not 0, which is what Figure 1’s zero-mean derivation assumes away (see the variance explorer).',
        ],
      };
    }
    case 'tanh': {
      const derivative = sample(xs, (x) => 1 - Math.tanh(x) ** 2);
      const peak = Math.max(...derivative.map((p) => (p === null ? 0 : p[1])));
      return {
        title: 'tanh(x) and its derivative',
        description: `tanh(x) and its derivative 1 − tanh²(x), plotted over ${range}.`,
        yLabel: 'Value (unitless)',
        series: [
          { name: 'tanh(x)', points: sample(xs, Math.tanh) },
          { name: 'Derivative 1 − tanh²(x)', points: derivative, dashed: true },
        ],
        sentences: [
          `The largest slope in this range is ${formatNumber(peak, 3)} (at most 1, at x = 0), which is why Figure 1 can use tanh(z) ≈ z near 0.`,
        ],
      };
    }
    case 'sigmoid-linearised': {
      const exact = sample(xs, sigmoidViaTanh);
      const linear = (x: number) => x / 4 + 1 / 2;
      const { gap, at } = largestGap(exact, linear);
      const within = largestRadiusWithin(0.01, (x) => Math.abs(sigmoidViaTanh(x) - linear(x)));
      return {
        title: 'σ(x) = tanh(x/2)/2 + 1/2 against its linearisation x/4 + 1/2',
        description: `σ(x) written through tanh (3(a)) and the tangent line x/4 + 1/2 at 0 (3(b)), plotted over ${range}.`,
        yLabel: 'Value (unitless)',
        series: [
          { name: 'σ(x) = tanh(x/2)/2 + 1/2', points: exact },
          { name: 'x/4 + 1/2', points: sample(xs, linear), dashed: true },
        ],
        sentences: [
          `The linearisation stays within 0.01 of σ(x) for |x| < ${fmt(within)}; over ${range} the largest gap is ${fmt(gap)} (at x = ${fmt(at)}).`,
          'So Var(σ(x)) ≈ Var(x)/16 (3(c)) only holds while x stays near 0.',
        ],
      };
    }
  }
}

/** Largest r (to 0.001) such that error(x) ≤ tolerance for all |x| ≤ r, assuming error grows with |x|. */
function largestRadiusWithin(tolerance: number, error: (x: number) => number): number {
  let low = 0;
  let high = 10;
  while (high - low > 1e-3) {
    const mid = (low + high) / 2;
    if (error(mid) <= tolerance && error(-mid) <= tolerance) low = mid;
    else high = mid;
  }
  return low;
}
