/**
 * A catalogue of activation functions with their derivatives, and the curves and sentences the
 * activation explorer shows for each. Which functions a page offers, under which label, and how the
 * sentences cite the course (a question, a figure) come from the content: see `activationExplorerSetup`.
 * Everything is numerically stable over the whole input range the explorer allows (|x| ≤ 1000).
 */
import {
  relu,
  sigmoid,
  sigmoidDerivative,
  softplus,
  softplusDerivative,
  tanhDerivative,
} from '../../maths/activations';
import { centralDifference } from '../../maths/finite-differences';
import { formatExact, formatNumber } from '../../ui/format';
import { parseFields, parseNumber, type NumberRule, type Validated } from '../../ui/number-field';
import type { PointOrBreak } from '../../ui/plot/plot-data';
import { propChecker } from '../../ui/tool-props';

const X_LIMIT = 1000;
const SAMPLES = 401;

export type CurveField = 'from' | 'to' | 'beta';

export const CURVE_RULES: Record<CurveField, NumberRule> = {
  from: { label: 'From x', min: -X_LIMIT, max: X_LIMIT, integer: false },
  to: { label: 'To x', min: -X_LIMIT, max: X_LIMIT, integer: false },
  beta: { label: 'β', min: 0.01, max: 100, integer: false },
};

/** σ written through tanh: σ(x) = tanh(x/2)/2 + 1/2. */
function sigmoidViaTanh(x: number): number {
  return Math.tanh(x / 2) / 2 + 1 / 2;
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

/** The official answer for h: dh/dx = x eˣ(1 − tanh²(eˣ)) / (1 + tanh(eˣ)) + log(1 + tanh(eˣ)). */
export function hDerivativeOfficial(x: number): number {
  const t = Math.tanh(Math.exp(x));
  return (x * expTimesTanhSlope(x)) / (1 + t) + Math.log1p(t);
}

export interface CurveSeries {
  name: string;
  points: PointOrBreak[];
  dashed?: boolean;
}

/**
 * A formula in a sentence: its TeX, which ActivationExplorer.astro typesets with KaTeX at build
 * time for the island to show, and its plain reading, for the plot's SVG description (which
 * cannot hold KaTeX) and for tests.
 */
export interface Formula {
  readonly tex: string;
  readonly text: string;
}

/** A sentence of plain text with formulas in it. */
export type Sentence = ReadonlyArray<string | Formula>;

const formula = (tex: string, text: string = tex): Formula => ({ tex, text });

/** A sentence from a template, e.g. say`flat for ${NEGATIVE_X}`; numbers go in as formatted text. */
function say(strings: TemplateStringsArray, ...values: ReadonlyArray<string | Formula>): Sentence {
  return strings.flatMap((text, index) => [text, ...values.slice(index, index + 1)]).filter((part) => part !== '');
}

/** The sentence as plain text, each formula by its reading. */
export function readSentence(sentence: Sentence): string {
  return sentence.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}

/** The formulas of the sentences, in TeX as the content writes the same expressions. */
const X = formula('x');
const NEGATIVE_X = formula('x < 0');
const POSITIVE_X = formula('x > 0');
const X_AT_ZERO = formula('x = 0');
const ABS_X = formula('|x|');
const UNIT_INTERVAL = formula('[0, 1]');
const MIN_AS_RELU = formula('\\min(0, x) = -\\text{ReLU}(-x)', 'min(0, x) = −ReLU(−x)');
const CEILING = formula('\\text{ceiling}(x)', 'ceiling(x)');
const STEP = formula('10^{-5}', '10⁻⁵');
const TANH_OF_EXP = formula('\\tanh(e^x)', 'tanh(eˣ)');
const H_LIMIT = formula('h(x) \\to x \\log 2', 'h(x) → x log 2');
const H_SLOPE_LIMIT = formula('dh/dx \\to \\log 2 \\approx 0.693', 'dh/dx → log 2 ≈ 0.693');
const BETA = formula('\\beta', 'β');
const SOFTPLUS_GAP_AT_ZERO = formula('\\log(2)/\\beta', 'log(2)/β');
const SOFTPLUS_DERIVATIVE = formula(
  'e^{\\beta x}/(1 + e^{\\beta x}) = \\sigma(\\beta x)',
  'e^(βx)/(1 + e^(βx)) = σ(βx)',
);
const SIGMOID_OF_BETA_X = formula('\\sigma(\\beta x)', 'σ(βx)');
const EXP_BETA_X = formula('e^{\\beta x}', 'e^(βx)');
const TANH_LINEAR = formula('\\tanh(z) \\approx z', 'tanh(z) ≈ z');
const SIGMOID = formula('\\sigma(x)', 'σ(x)');
const SIGMOID_VARIANCE = formula('\\text{Var}(\\sigma(x)) \\approx \\text{Var}(x)/16', 'Var(σ(x)) ≈ Var(x)/16');

export interface ActivationCurves {
  title: string;
  description: string;
  yLabel: string;
  series: CurveSeries[];
  /** What the plot shows, computed from the sampled values. */
  sentences: Sentence[];
}

export interface CurveRequest {
  id: ActivationId;
  from: number;
  to: number;
  beta: number;
}

/** How a page's text cites the course (which option, question or figure); every reference is optional. */
export type References = Readonly<Record<string, string>>;

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

/** The reference in parentheses after a space, or nothing when the page gives none. */
const inParentheses = (reference: string | undefined): string => (reference === undefined ? '' : ` (${reference})`);

interface CatalogueEntry {
  /** The x range shown when the function is picked. */
  range: readonly [number, number];
  /** The keys of `refs` its text can cite (see each entry). */
  references: readonly string[];
  /** Every formula its sentences show when citing `refs`, for the build to typeset (and no other). */
  formulas(refs: References): Formula[];
  curves(
    request: { from: number; to: number; beta: number; range: string; xs: number[] },
    refs: References,
  ): ActivationCurves;
}

const CATALOGUE = {
  'min-zero': {
    range: [-3, 3],
    references: [],
    formulas: () => [NEGATIVE_X, POSITIVE_X, X_AT_ZERO, UNIT_INTERVAL, MIN_AS_RELU],
    curves: ({ from, to, range, xs }) => {
      const kinks = from < 0 && 0 < to ? [0] : [];
      return {
        title: 'min(0, x) and its derivative',
        description: `min(0, x) equals x for negative x and 0 for positive x; its derivative is 1 then 0, with a kink at 0. Plotted over ${range}.`,
        yLabel: 'Value',
        series: [
          { name: 'min(0, x)', points: sample(xs, (x) => Math.min(0, x)) },
          { name: 'Derivative', points: sample(xs, (x) => (x < 0 ? 1 : 0), kinks), dashed: true },
        ],
        sentences: [
          say`The derivative is 1 for ${NEGATIVE_X} and 0 for ${POSITIVE_X}; at the kink ${X_AT_ZERO} any value in ${UNIT_INTERVAL} is a subgradient (frameworks use 0 or 1).`,
          say`It is ReLU mirrored (${MIN_AS_RELU}): gradients flow for every negative input, so SGD can train with it.`,
        ],
      };
    },
  },
  'max-neg': {
    range: [-3, 3],
    references: [],
    formulas: () => [NEGATIVE_X, POSITIVE_X],
    curves: ({ from, to, range, xs }) => {
      const kinks = from < 0 && 0 < to ? [0] : [];
      return {
        title: 'max(−x, −2x) and its derivative',
        description: `max(−x, −2x) equals −2x for negative x and −x for positive x; its derivative is −2 then −1, with a kink at 0. Plotted over ${range}.`,
        yLabel: 'Value',
        series: [
          { name: 'max(−x, −2x)', points: sample(xs, (x) => Math.max(-x, -2 * x)) },
          { name: 'Derivative', points: sample(xs, (x) => (x < 0 ? -2 : -1), kinks), dashed: true },
        ],
        sentences: [
          say`The derivative is −2 for ${NEGATIVE_X} and −1 for ${POSITIVE_X}: never zero, so every input passes a gradient back.`,
          say`It is piecewise linear with a single kink at 0, like a (flipped) leaky ReLU, so SGD can train with it.`,
        ],
      };
    },
  },
  ceiling: {
    range: [-3, 3],
    // option: the answer option that offers ceiling(x).
    references: ['option'],
    formulas: () => [CEILING],
    curves: ({ from, to, range, xs }, refs) => {
      const jumps = integersBetween(from, to);
      // ceiling is left-continuous: at an integer `from` the value belongs to the piece outside the
      // range, at an integer `to` to the last piece; the derivative is not defined at either.
      // The grid alone can fall entirely on integers (from 0 to 400, say), so the derivative is
      // also sampled at the middle of every unit interval, which is never an integer.
      const middles = integersBetween(from - 1, to, true)
        .map((k) => k + 0.5)
        .filter((x) => x > from && x < to);
      const offGrid = [...new Set([...xs, ...middles])].sort((a, b) => a - b);
      const derivative = sample(offGrid, () => 0, integersBetween(from, to, true, true));
      const zeroSlope = derivative.filter((p) => p !== null).length;
      const option = refs['option'];
      return {
        title: 'ceiling(x) and its derivative',
        description: `ceiling(x) is a staircase that jumps by 1 at every integer; its derivative is 0 between integers and not defined at them. Plotted over ${range}.`,
        yLabel: 'Value',
        series: [
          { name: 'ceiling(x)', points: sample(xs, Math.ceil, integersBetween(from, to, true)) },
          { name: 'Derivative', points: derivative, dashed: true },
        ],
        sentences: [
          say`Between integers ${CEILING} is flat, so its derivative is 0; at each integer it jumps, so the derivative is not defined there (${formatExact(jumps.length)} ${jumps.length === 1 ? 'jump' : 'jumps'} in this range).`,
          say`At each of the ${formatExact(zeroSlope)} points sampled between integers the gradient is exactly 0: it is zero almost everywhere, so SGD gets no signal through it${option === undefined ? '' : `, which is why ${option} is not a usable activation`}.`,
        ],
      };
    },
  },
  h: {
    range: [-4, 4],
    // question: the question that asks for dh/dx.
    references: ['question'],
    formulas: () => [STEP, X, TANH_OF_EXP, H_LIMIT, H_SLOPE_LIMIT],
    curves: ({ range, xs }, refs) => {
      const official = sample(xs, hDerivativeOfficial);
      const { gap, at } = largestGap(official, (x) => centralDifference(h, x));
      const question = refs['question'];
      return {
        title: 'h(x) = x log(1 + tanh(eˣ)) and its derivative',
        description: `h(x), the official derivative formula${question === undefined ? '' : ` from ${question}`}, and a numerical central difference, plotted over ${range}. The two derivative curves coincide.`,
        yLabel: 'Value',
        series: [
          { name: 'h(x)', points: sample(xs, h) },
          { name: 'dh/dx, official formula', points: official },
          { name: 'dh/dx, central difference', points: sample(xs, (x) => centralDifference(h, x)), dashed: true },
        ],
        sentences: [
          say`Largest gap between the official formula and the central difference (step ${STEP}) over ${range}: ${formatNumber(gap, 2)} (at ${X} = ${fmt(at)}), so the official answer is right.`,
          say`For large ${X}, ${TANH_OF_EXP} is 1 to double precision: ${H_LIMIT} and ${H_SLOPE_LIMIT}.`,
        ],
      };
    },
  },
  softplus: {
    range: [-4, 4],
    // derivative: the course's name for the derivative, if it gives one.
    references: ['derivative'],
    formulas: () => [X, SOFTPLUS_GAP_AT_ZERO, BETA, SOFTPLUS_DERIVATIVE, SIGMOID_OF_BETA_X, EXP_BETA_X],
    curves: ({ beta, range, xs }, refs) => {
      const values = sample(xs, (x) => softplus(x, beta));
      const { gap, at } = largestGap(values, relu);
      const name = refs['derivative'];
      return {
        title: `Softplus with β = ${fmt(beta)} and its derivative`,
        description: `Softplus(x) = (1/β) log(1 + e^(βx)) with β = ${fmt(beta)}, its derivative σ(βx), and ReLU for comparison, plotted over ${range}.`,
        yLabel: 'Value',
        series: [
          { name: 'Softplus(x)', points: values },
          { name: 'Derivative σ(βx)', points: sample(xs, (x) => softplusDerivative(x, beta)) },
          { name: 'ReLU max(0, x)', points: sample(xs, relu), dashed: true },
        ],
        sentences: [
          say`Largest gap between Softplus and ReLU over ${range}: ${formatNumber(gap, 3)} at ${X} = ${fmt(at)} (${SOFTPLUS_GAP_AT_ZERO} = ${formatNumber(Math.LN2 / beta, 3)} at 0): a larger ${BETA} makes Softplus closer to ReLU.`,
          say`The derivative ${SOFTPLUS_DERIVATIVE}${name === undefined ? '' : ` is ${name}; it`} is computed as ${SIGMOID_OF_BETA_X} so ${EXP_BETA_X} never overflows.`,
        ],
      };
    },
  },
  sigmoid: {
    range: [-8, 8],
    // derivation: where the course derives variance through depth assuming zero-mean activations.
    references: ['derivation'],
    formulas: () => [X_AT_ZERO],
    curves: ({ range, xs }, refs) => {
      const derivative = sample(xs, sigmoidDerivative);
      const peak = Math.max(...derivative.map((p) => (p === null ? 0 : p[1])));
      const derivation = refs['derivation'];
      return {
        title: 'Sigmoid σ(x) and its derivative',
        description: `σ(x) = 1/(1 + e^(−x)) and its derivative σ(x)(1 − σ(x)), plotted over ${range}.`,
        yLabel: 'Value',
        series: [
          { name: 'σ(x)', points: sample(xs, sigmoid) },
          { name: 'Derivative σ(x)(1 − σ(x))', points: derivative, dashed: true },
        ],
        sentences: [
          say`The largest slope in this range is ${formatNumber(peak, 3)} (at most 1/4, at ${X_AT_ZERO}): each sigmoid layer scales gradients by 1/4 or less.`,
          say`Its outputs have mean 1/2, not 0, which is what ${derivation === undefined ? 'a' : `${derivation}’s`} zero-mean derivation assumes away (see the variance explorer).`,
        ],
      };
    },
  },
  tanh: {
    range: [-4, 4],
    // derivation: where the course uses tanh(z) ≈ z.
    references: ['derivation'],
    formulas: () => [X_AT_ZERO, TANH_LINEAR],
    curves: ({ range, xs }, refs) => {
      const derivative = sample(xs, tanhDerivative);
      const peak = Math.max(...derivative.map((p) => (p === null ? 0 : p[1])));
      const derivation = refs['derivation'];
      return {
        title: 'tanh(x) and its derivative',
        description: `tanh(x) and its derivative 1 − tanh²(x), plotted over ${range}.`,
        yLabel: 'Value',
        series: [
          { name: 'tanh(x)', points: sample(xs, Math.tanh) },
          { name: 'Derivative 1 − tanh²(x)', points: derivative, dashed: true },
        ],
        sentences: [
          say`The largest slope in this range is ${formatNumber(peak, 3)} (at most 1, at ${X_AT_ZERO}), which is why ${derivation === undefined ? '' : `${derivation} can use `}${TANH_LINEAR} near 0.`,
        ],
      };
    },
  },
  'sigmoid-linearised': {
    range: [-6, 6],
    // identity: writes σ through tanh; tangent: linearises σ near 0; variance: derives Var(σ(x)).
    references: ['identity', 'tangent', 'variance'],
    // Var(σ(x)) is 3(c)'s answer: typeset only where the page names that question.
    formulas: (refs) => [SIGMOID, ABS_X, X, ...(refs['variance'] === undefined ? [] : [SIGMOID_VARIANCE])],
    curves: ({ range, xs }, refs) => {
      const exact = sample(xs, sigmoidViaTanh);
      const linear = (x: number) => x / 4 + 1 / 2;
      const { gap, at } = largestGap(exact, linear);
      const within = largestRadiusWithin(0.01, (x) => Math.abs(sigmoidViaTanh(x) - linear(x)));
      return {
        title: 'σ(x) = tanh(x/2)/2 + 1/2 against its linearisation x/4 + 1/2',
        description: `σ(x) written through tanh${inParentheses(refs['identity'])} and the tangent line x/4 + 1/2 at 0${inParentheses(refs['tangent'])}, plotted over ${range}.`,
        yLabel: 'Value',
        series: [
          { name: 'σ(x) = tanh(x/2)/2 + 1/2', points: exact },
          { name: 'x/4 + 1/2', points: sample(xs, linear), dashed: true },
        ],
        sentences: [
          say`The linearisation stays within 0.01 of ${SIGMOID} for ${ABS_X} < ${fmt(within)}; over ${range} the largest gap is ${fmt(gap)} (at ${X} = ${fmt(at)}).`,
          // Only where the page may show the variance question's answer (the content names it).
          ...(refs['variance'] === undefined
            ? []
            : [say`So ${SIGMOID_VARIANCE} (${refs['variance']}) only holds while ${X} stays near 0.`]),
        ],
      };
    },
  },
} satisfies Record<string, CatalogueEntry>;

export type ActivationId = keyof typeof CATALOGUE;

export const ACTIVATION_IDS = Object.keys(CATALOGUE) as ActivationId[];

export function defaultRange(id: ActivationId): readonly [number, number] {
  return CATALOGUE[id].range;
}

/** The series and sentences for one function over [from, to], citing the course as `refs` says. */
export function activationCurves({ id, from, to, beta }: CurveRequest, refs: References = {}): ActivationCurves {
  const entry: CatalogueEntry = CATALOGUE[id];
  return entry.curves({ from, to, beta, range: `[${fmt(from)}, ${fmt(to)}]`, xs: grid(from, to) }, refs);
}

type Invalid = { ok: false; errors: [{ field: CurveField; message: string }] };
const invalid = (field: CurveField, message: string): Invalid => ({ ok: false, errors: [{ field, message }] });

/** The range first, then whether it is a range, then β (which only Softplus has). */
export function parseCurveRequest(
  id: ActivationId,
  raw: Record<CurveField, string>,
): Validated<CurveRequest, CurveField> {
  const range = parseFields({ from: raw.from, to: raw.to }, { from: CURVE_RULES.from, to: CURVE_RULES.to });
  if (!range.ok) return range;
  const { from, to } = range.value;
  if (to <= from) return invalid('to', 'To x: must be greater than From x.');
  if (id !== 'softplus') return { ok: true, value: { id, from, to, beta: 1 } };
  const beta = parseNumber(raw.beta, CURVE_RULES.beta);
  return beta.ok ? { ok: true, value: { id, from, to, beta: beta.value } } : invalid('beta', beta.message);
}

/** One function as the content lists it. */
export interface ShownActivationProp {
  /** Which function of the catalogue. */
  fn: ActivationId;
  /** Its name in the picker, e.g. "ceiling(x)". */
  label: string;
  /** Where the course uses it (a problem or part), shown in parentheses after the label. */
  source?: string;
  /** How its sentences cite the course; the keys each function accepts are in the catalogue. */
  refs?: References;
  /** The parts whose answers its plot or sentences give, e.g. ["2(c)"]. */
  answers?: readonly string[];
}

export interface ActivationExplorerProps {
  /** The functions the picker offers, in order. */
  functions: readonly ShownActivationProp[];
  /** The function shown first; the first offered if not given. */
  initial?: ActivationId;
  /**
   * The parts whose answers this placement may show: its own part inside a solution, or those a lab
   * names. Functions that give any other part's answer are not offered.
   */
  reveals?: readonly string[];
}

export interface ShownActivation {
  id: ActivationId;
  /** The picker's option text: the label, then the source in parentheses. */
  option: string;
  refs: References;
}

/**
 * Every formula the sentences of the offered functions may show, each once, in a fixed order: the
 * build typesets them (ActivationExplorer.astro) and passes each back as the slot `formulaSlot(i)`.
 */
export function explorerFormulas(functions: readonly ShownActivation[]): Formula[] {
  const byTex = new Map<string, Formula>();
  for (const shown of functions) {
    const entry: CatalogueEntry = CATALOGUE[shown.id];
    for (const f of entry.formulas(shown.refs)) byTex.set(f.tex, f);
  }
  return [...byTex.values()];
}

/** The slot of the i-th formula: camel case, which Astro's Preact renderer keeps as is on both sides. */
export const formulaSlot = (index: number): `formula${number}` => `formula${index}`;

const check = propChecker('ActivationExplorer');

/** Validates the props; a mistake in the content stops the build with a message naming the prop. */
export function activationExplorerSetup(props: { [K in keyof ActivationExplorerProps]?: unknown }): {
  functions: ShownActivation[];
  initial: ActivationId;
} {
  const reveals =
    props.reveals === undefined
      ? []
      : check.list('reveals', props.reveals).map((part, index) => check.string(`reveals[${index}]`, part));
  const listed = check.list('functions', props.functions).map((raw, index) => {
    const name = `functions[${index}]`;
    const entry = check.record(name, raw, ['fn', 'label', 'source', 'refs', 'answers']);
    const answers =
      entry['answers'] === undefined
        ? []
        : check.list(`${name}.answers`, entry['answers']).map((part, i) => check.string(`${name}.answers[${i}]`, part));
    return { raw: entry, name, allowed: answers.every((part) => reveals.includes(part)) };
  });
  const functions = listed.flatMap(({ raw: shown, name, allowed }): ShownActivation[] => {
    if (!allowed) return [];
    const id = check.choice(`${name}.fn`, shown['fn'], ACTIVATION_IDS);
    const label = check.string(`${name}.label`, shown['label']);
    const source = shown['source'] === undefined ? undefined : check.string(`${name}.source`, shown['source']);
    const known: readonly string[] = CATALOGUE[id].references;
    const given = shown['refs'] === undefined ? {} : check.record(`${name}.refs`, shown['refs'], known);
    const refs = Object.fromEntries(
      Object.entries(given).map(([key, value]) => [key, check.string(`${name}.refs.${key}`, value)]),
    );
    return [{ id, option: source === undefined ? label : `${label} (${source})`, refs }];
  });
  if (functions.length === 0)
    check.fail(
      'functions',
      `offers nothing here: every function gives an answer outside ${reveals.join(', ') || 'this placement'}.`,
    );
  const ids = functions.map((f) => f.id);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) check.fail(`functions[${index}].fn`, `lists "${id}" a second time.`);
  });
  const initial = props.initial === undefined ? ids[0]! : check.choice('initial', props.initial, ids);
  return { functions, initial };
}
