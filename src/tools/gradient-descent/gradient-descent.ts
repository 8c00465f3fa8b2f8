/**
 * Gradient descent on L = |x| and L = x² (Problem 1(e)): the iterates, and a verdict on whether
 * the loss converges, with the reason.
 *
 * Definitions used for the verdict (after the given number of steps T):
 * - converges: L(x_T) < 1e-6 and the loss did not rise over the last 5 steps (L → 0);
 * - diverges: x became too large to represent, or |x| rose in each of the last 5 steps to above |x_0|;
 * - oscillates: neither, and the iterates keep revisiting the same values (bounded, L does not → 0);
 * - not yet decided: the loss is still falling but has not reached 1e-6 (more steps needed).
 */

import { parseLimitedFields, type LimitedField, type Validated } from '../../ui/limited-fields';
import { formatNumber } from '../../ui/plot/plot-data';

export type Loss = 'abs' | 'square';

export const LOSSES: ReadonlyArray<{ id: Loss; label: string }> = [
  { id: 'abs', label: '|x|' },
  { id: 'square', label: 'x²' },
];

export interface DescentSettings {
  loss: Loss;
  x0: number;
  step: number;
  steps: number;
}

export type DescentField = 'x0' | 'step' | 'steps';

export const DESCENT_LIMITS: Record<DescentField, { min: number; max: number }> = {
  x0: { min: -1000, max: 1000 },
  step: { min: 0.001, max: 10 },
  steps: { min: 1, max: 2000 },
};

/** Below this loss we call it converged. */
export const CONVERGED_LOSS = 1e-6;
const TAIL = 5;

export type VerdictKind = 'converges' | 'oscillates' | 'diverges' | 'undecided';

export interface Verdict {
  kind: VerdictKind;
  /** One or two sentences: what happened and why. */
  reason: string;
}

export interface DescentResult {
  settings: DescentSettings;
  /** x_0 … x_T. */
  iterates: number[];
  losses: number[];
  verdict: Verdict;
}

export function loss(kind: Loss, x: number): number {
  return kind === 'abs' ? Math.abs(x) : x * x;
}

/** dL/dx; for |x| at exactly 0 the subgradient 0 is used (any value in [−1, 1] is a subgradient). */
export function gradient(kind: Loss, x: number): number {
  if (kind === 'square') return 2 * x;
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** The four options of 1(e), as one-click presets. */
export const OPTIONS_1E: ReadonlyArray<{ id: string; label: string; settings: DescentSettings }> = [
  { id: 'i', label: '(i) |x|, x₀ = 0.1, step 0.5', settings: { loss: 'abs', x0: 0.1, step: 0.5, steps: 500 } },
  { id: 'ii', label: '(ii) x², x₀ = 1, step 0.99', settings: { loss: 'square', x0: 1, step: 0.99, steps: 500 } },
  { id: 'iii', label: '(iii) |x|, x₀ = 1, step 1.5', settings: { loss: 'abs', x0: 1, step: 1.5, steps: 500 } },
  { id: 'iv', label: '(iv) x², x₀ = 1, step 1', settings: { loss: 'square', x0: 1, step: 1, steps: 500 } },
];

/** Not one of the options, so the explorer does not answer 1(e) before the student picks an option. */
export const DEFAULT_DESCENT_SETTINGS: DescentSettings = { loss: 'square', x0: 1, step: 0.1, steps: 100 };

/** The number fields: label (as shown on the form and in messages), limits and kind. */
export const DESCENT_FIELDS: Record<DescentField, LimitedField<DescentField>> = {
  x0: { field: 'x0', label: 'Initial x', ...DESCENT_LIMITS.x0, integer: false },
  step: { field: 'step', label: 'Step size', ...DESCENT_LIMITS.step, integer: false },
  steps: { field: 'steps', label: 'Steps', ...DESCENT_LIMITS.steps, integer: true },
};

export function parseDescentSettings(
  loss: Loss,
  raw: Record<DescentField, string>,
): Validated<DescentSettings, DescentField> {
  const parsed = parseLimitedFields(raw, [DESCENT_FIELDS.x0, DESCENT_FIELDS.step, DESCENT_FIELDS.steps]);
  return parsed.ok ? { ok: true, value: { loss, ...parsed.value } } : parsed;
}

/**
 * |x| descent moves by exactly `step` each time, so in exact arithmetic it lands on 0 when x₀ is a
 * multiple of step; floating-point subtraction leaves ~1e-17 instead. Snapping such residues to 0
 * shows the exact-arithmetic behaviour.
 */
const ROUNDING_RESIDUE = 1e-12;

export function runGradientDescent(settings: DescentSettings): DescentResult {
  const { loss: kind, x0, step, steps } = settings;
  const iterates = [x0];
  let x = x0;
  for (let t = 0; t < steps && Number.isFinite(x); t += 1) {
    x -= step * gradient(kind, x);
    if (kind === 'abs' && Math.abs(x) < ROUNDING_RESIDUE * Math.max(step, Math.abs(x0))) x = 0;
    iterates.push(x);
  }
  const losses = iterates.map((value) => loss(kind, value));
  return { settings, iterates, losses, verdict: judge(settings, iterates, losses) };
}

/** Enough digits to tell 0.1 from 0.1000001, few enough to read. */
const fmt = (value: number) => formatNumber(value, 6);

function judge(settings: DescentSettings, iterates: number[], losses: number[]): Verdict {
  const last = iterates[iterates.length - 1] ?? settings.x0;
  const lastLoss = losses[losses.length - 1] ?? 0;
  const tail = losses.slice(-TAIL - 1);
  const lossNotRising = tail.every((value, i) => i === 0 || value <= (tail[i - 1] ?? Infinity));
  const magnitudes = iterates.slice(-TAIL - 1).map(Math.abs);
  const growing = magnitudes.length > TAIL && magnitudes.every((m, i) => i === 0 || m > (magnitudes[i - 1] ?? Infinity));
  const why = explain(settings);

  if (!Number.isFinite(last)) {
    return { kind: 'diverges', reason: `x grew too large to represent after ${(iterates.length - 2).toLocaleString('en-US')} steps. ${why}` };
  }
  if (lastLoss < CONVERGED_LOSS && lossNotRising) {
    return { kind: 'converges', reason: `L fell below 10⁻⁶ (L = ${fmt(lastLoss)} after ${settings.steps.toLocaleString('en-US')} steps). ${why}` };
  }
  if (growing && Math.abs(last) > Math.abs(settings.x0)) {
    return { kind: 'diverges', reason: `|x| grows at every step (x = ${fmt(last)} after ${settings.steps.toLocaleString('en-US')} steps). ${why}` };
  }
  if (lossNotRising && lastLoss < (losses[0] ?? 0)) {
    return {
      kind: 'undecided',
      reason: `L is still falling (L = ${fmt(lastLoss)}) but has not reached 10⁻⁶ in ${settings.steps.toLocaleString('en-US')} steps. ${why}`,
    };
  }
  return { kind: 'oscillates', reason: `L does not go to 0: x stays bounded but keeps moving. ${why}` };
}

/** The analytic reason behind what the iterates do. */
function explain(settings: DescentSettings): string {
  const { loss: kind, x0, step } = settings;
  if (x0 === 0) return 'x₀ = 0 is already the minimum (for |x|, the subgradient 0 is used at 0, so x stays).';
  if (kind === 'square') {
    const factor = 1 - 2 * step;
    const f = fmt(factor);
    const size = Math.abs(factor);
    if (size < 1) {
      const needed = Math.ceil(Math.log(CONVERGED_LOSS / (x0 * x0)) / (2 * Math.log(size)));
      const stepsText = Number.isFinite(needed) && needed > 0 ? ` (L < 10⁻⁶ after about ${needed.toLocaleString('en-US')} steps)` : '';
      return `Each step multiplies x by 1 − 2·step = ${f}; |${f}| < 1, so x → 0 geometrically${stepsText}.`;
    }
    if (size === 1) return `Each step multiplies x by 1 − 2·step = ${f}: x flips between ${fmt(x0)} and ${fmt(-x0)} forever.`;
    return `Each step multiplies x by 1 − 2·step = ${f}; |${f}| > 1, so |x| grows ×${fmt(size)} per step.`;
  }
  // |x|: the gradient is ±1, so every step moves x by exactly `step` towards (and past) 0, until
  // x is within one step of 0; from there it bounces between r and r − step·sign(x₀).
  const direction = Math.sign(x0);
  const remainder = Math.abs(x0) % step;
  const fixed = `The step is fixed at step·sign(x) = ±${fmt(step)} whatever x is (the gradient of |x| does not shrink near 0)`;
  if (remainder < ROUNDING_RESIDUE * step || step - remainder < ROUNDING_RESIDUE * step) {
    return `${fixed}; x₀ is a whole number of steps from 0, so x lands exactly on 0, where the subgradient 0 keeps it.`;
  }
  const near = direction * remainder;
  const far = near - direction * step;
  return `${fixed}, so once |x| < ${fmt(step)}, x bounces between ${fmt(Math.max(near, far))} and ${fmt(Math.min(near, far))} and L never goes below ${fmt(Math.min(Math.abs(near), Math.abs(far)))}.`;
}
