/**
 * The gradient-check lab without its page: its fields, the formulas it can check, and everything it
 * reports, as numbers and labels (the island only lays them out). Which formulas a page offers, and
 * how it names them, come from the content.
 */
import { parseFields, type NumberRule, type Validated } from '../../ui/number-field';
import { propChecker } from '../../ui/tool-props';
import { checkNetworkGradients, PASS_THRESHOLD, type EntryComparison, type GradientComparison } from './gradient-check';
import { createProblem, GRADIENT_FORMULAS, type GradientFormula, type NetworkSizes } from './softplus-network';

export type LabField = 'inputSize' | 'hiddenUnits' | 'classes' | 'beta' | 'seed';

export type LabSettings = Record<LabField, number>;

/** The number fields, in form order. */
export const LAB_RULES: Record<LabField, NumberRule> = {
  inputSize: { label: 'Input size', min: 1, max: 16, integer: true },
  hiddenUnits: { label: 'Hidden units', min: 1, max: 16, integer: true },
  // One class makes softmax ≡ 1 and every gradient 0, so any formula would "pass".
  classes: { label: 'Classes', min: 2, max: 16, integer: true },
  // Below 0.1, Softplus ≈ log(2)/β is a large constant offset and the loss reaches the hundreds.
  beta: { label: 'Beta', min: 0.1, max: 100, integer: false },
  seed: { label: 'Seed', min: 0, max: 999_999, integer: true },
};

/** A small network whose shapes are all different (K ≠ D_a shows the missing-transpose mistake). */
export const DEFAULT_LAB_SETTINGS: LabSettings = { inputSize: 3, hiddenUnits: 4, classes: 3, beta: 1, seed: 1 };

export function parseLabSettings(texts: Record<LabField, string>): Validated<LabSettings, LabField> {
  return parseFields(texts, LAB_RULES);
}

/** Each formula as written on the page: ∂L/∂W[1] and ∂L/∂b[1] in the δ notation. */
export const FORMULA_TEXT: Record<GradientFormula, { dW1: string; db1: string }> = {
  official: { dW1: '(δ1ᵀ δ0 ∘ δ2) xᵀ', db1: 'δ1ᵀ δ0 ∘ δ2' },
  'forget-transpose': { dW1: '(δ1 δ0 ∘ δ2) xᵀ', db1: 'δ1 δ0 ∘ δ2' },
  'drop-elementwise': { dW1: '(δ1ᵀ δ0) xᵀ', db1: 'δ1ᵀ δ0' },
  'softplus-not-derivative': { dW1: '(δ1ᵀ δ0 ∘ Softplus(z[1])) xᵀ', db1: 'δ1ᵀ δ0 ∘ Softplus(z[1])' },
};

/** Matrices up to this many rows and columns are listed entry by entry; larger ones are summarized. */
const MAX_LISTED_SIDE = 6;

/** "(2)" for a vector, "(2, 3)" for a matrix: 1-based, as in matrix notation. */
export function entryName(row: number, col: number, cols: number): string {
  return cols === 1 ? `(${row + 1})` : `(${row + 1}, ${col + 1})`;
}

export interface CheckedEntry extends EntryComparison {
  /** e.g. "(2, 3)". */
  name: string;
  passed: boolean;
}

/** One checked gradient: its name, its shape and how the formula compared with finite differences. */
export interface CheckedGradient {
  name: string;
  rows: number;
  cols: number;
  passed: boolean;
  /** rows × cols. */
  entries: number;
  /** Entries at or above the pass threshold. */
  failing: number;
  /** The entry with the largest relative error. */
  worst: CheckedEntry;
  /** Every entry, when the matrix is small enough to list (see MAX_LISTED_SIDE). */
  listed: CheckedEntry[] | undefined;
}

export type LabOutcome =
  | {
      ok: true;
      sizes: NetworkSizes;
      loss: number;
      /** 1-based, as shown. */
      trueClass: number;
      /** The finite-difference step h. */
      step: number;
      gradients: CheckedGradient[];
      /** A wrong formula that agrees at this point (it can, where the entries it gets wrong are ~0). */
      wrongButPassed: boolean;
    }
  | { ok: false; sizes: NetworkSizes; error: string };

function checked(name: string, rows: number, cols: number, comparison: GradientComparison): CheckedGradient {
  const withName = (e: EntryComparison): CheckedEntry => ({
    ...e,
    name: entryName(e.row, e.col, cols),
    passed: e.relativeError < PASS_THRESHOLD,
  });
  return {
    name,
    rows,
    cols,
    passed: comparison.passed,
    entries: rows * cols,
    failing: comparison.failing,
    worst: withName(comparison.worst),
    listed: rows > MAX_LISTED_SIDE || cols > MAX_LISTED_SIDE ? undefined : comparison.entries.map(withName),
  };
}

/** Builds the seeded network and example and checks ∂L/∂W[1] and ∂L/∂b[1] of `formula`. */
export function runGradientCheckLab(settings: LabSettings, formula: GradientFormula): LabOutcome {
  const sizes: NetworkSizes = {
    inputSize: settings.inputSize,
    hiddenUnits: settings.hiddenUnits,
    classes: settings.classes,
  };
  const { network, example } = createProblem(sizes, settings.beta, settings.seed);
  const check = checkNetworkGradients(network, example, formula);
  if (!check.ok) return { ok: false, sizes, error: check.error };
  const { loss, step, dW1, db1 } = check.value;
  const gradients = [
    checked('∂L/∂W[1]', sizes.hiddenUnits, sizes.inputSize, dW1),
    checked('∂L/∂b[1]', sizes.hiddenUnits, 1, db1),
  ];
  return {
    ok: true,
    sizes,
    loss,
    trueClass: example.label + 1,
    step,
    gradients,
    wrongButPassed: formula !== 'official' && gradients.every((g) => g.passed),
  };
}

/** A formula the page offers, as the content names it. */
export interface OfferedFormulaProp {
  formula: GradientFormula;
  /** Its option in the picker, e.g. "Forget the transpose". */
  option: string;
  /** Completes "Checking …", e.g. "a wrong formula (forget the transpose)". */
  checking: string;
}

/** What the content passes to the lab. */
export interface GradientCheckProps {
  /** The formulas to offer, in order; the first is checked at the start. */
  formulas: readonly OfferedFormulaProp[];
  /** The part whose answer the formulas give away, shown on their fold ("shows the answer to …"). */
  reveals?: string;
}

const check = propChecker('GradientCheck');

/** Validates the props; a mistake in the content stops the build with a message naming the prop. */
export function gradientCheckSetup(props: { [K in keyof GradientCheckProps]?: unknown }): {
  formulas: OfferedFormulaProp[];
  reveals: string | undefined;
} {
  const formulas = check.list('formulas', props.formulas).map((raw, index): OfferedFormulaProp => {
    const name = `formulas[${index}]`;
    const offered = check.record(name, raw, ['formula', 'option', 'checking']);
    return {
      formula: check.choice(`${name}.formula`, offered['formula'], GRADIENT_FORMULAS),
      option: check.string(`${name}.option`, offered['option']),
      checking: check.string(`${name}.checking`, offered['checking']),
    };
  });
  formulas.forEach(({ formula }, index) => {
    if (formulas.findIndex((f) => f.formula === formula) !== index) {
      check.fail(`formulas[${index}].formula`, `offers "${formula}" a second time.`);
    }
  });
  const reveals = props.reveals === undefined ? undefined : check.string('reveals', props.reveals);
  return { formulas, reveals };
}
