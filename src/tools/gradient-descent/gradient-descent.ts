/**
 * Gradient descent on L = |x| and L = x²: the iterates, and a verdict on whether the loss
 * converges, with the reason. The one-click presets (a question's options) come from the content.
 *
 * Definitions used for the verdict (after the given number of steps T):
 * - converges: L(x_T) < 1e-6 and the loss did not rise over the last 5 steps (L → 0);
 * - diverges: x became too large to represent, or |x| rose in each of the last 5 steps to above |x_0|;
 * - oscillates: neither, and the iterates keep revisiting the same values (bounded, L does not → 0);
 * - not yet decided: the loss is still falling but has not reached 1e-6 (more steps needed).
 */

import { formatExact, formatNumber } from '../../ui/format';
import { parseFields, type NumberRule, type Validated } from '../../ui/number-field';
import { propChecker } from '../../ui/tool-props';

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

/** The number fields, in form order: label (as shown on the form and in messages), limits and kind. */
export const DESCENT_RULES: Record<DescentField, NumberRule> = {
  x0: { label: 'Initial x', min: -1000, max: 1000, integer: false },
  step: { label: 'Step size', min: 0.001, max: 10, integer: false },
  steps: { label: 'Steps', min: 1, max: 2000, integer: true },
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

/** Where the explorer opens: not a preset, so it does not answer a question before the student picks an option. */
export const DEFAULT_DESCENT_SETTINGS: DescentSettings = { loss: 'square', x0: 1, step: 0.1, steps: 100 };

export function parseDescentSettings(
  loss: Loss,
  raw: Record<DescentField, string>,
): Validated<DescentSettings, DescentField> {
  const parsed = parseFields(raw, DESCENT_RULES);
  return parsed.ok ? { ok: true, value: { loss, ...parsed.value } } : parsed;
}

/** A one-click setting, e.g. an option of a multiple-choice question. */
export interface DescentPreset {
  /** The button text. */
  label: string;
  settings: DescentSettings;
}

/** A preset as the content writes it. */
export type DescentPresetProp = { label: string } & DescentSettings;

/** What the content passes to the explorer. */
export interface GradientDescentProps {
  /** The question whose options the presets are ("Options of …"); required with `presets`. */
  question?: string;
  presets?: readonly DescentPresetProp[];
}

export interface DescentExplorerSetup {
  question: string | undefined;
  presets: DescentPreset[];
}

const check = propChecker('GradientDescentExplorer');
const PRESET_KEYS = ['label', 'loss', 'x0', 'step', 'steps'] as const;

/** Validates the props; a mistake in the content stops the build with a message naming the prop. */
export function gradientDescentSetup(props: { [K in keyof GradientDescentProps]?: unknown }): DescentExplorerSetup {
  if (props.presets === undefined) {
    if (props.question !== undefined)
      check.fail('question', 'names the question of the presets, but there are no `presets`.');
    return { question: undefined, presets: [] };
  }
  const question = check.string('question', props.question);
  const presets = check.list('presets', props.presets).map((raw, index): DescentPreset => {
    const name = `presets[${index}]`;
    const preset = check.record(name, raw, PRESET_KEYS);
    const settings: DescentSettings = {
      loss: check.choice(
        `${name}.loss`,
        preset['loss'],
        LOSSES.map((l) => l.id),
      ),
      x0: check.number(`${name}.x0`, preset['x0'], DESCENT_RULES.x0),
      step: check.number(`${name}.step`, preset['step'], DESCENT_RULES.step),
      steps: check.number(`${name}.steps`, preset['steps'], DESCENT_RULES.steps),
    };
    if (sameSettings(settings, DEFAULT_DESCENT_SETTINGS)) {
      check.fail(name, 'is the setting the explorer opens on, so it would show its verdict before the student asks.');
    }
    return { label: check.string(`${name}.label`, preset['label']), settings };
  });
  return { question, presets };
}

function sameSettings(a: DescentSettings, b: DescentSettings): boolean {
  return a.loss === b.loss && a.x0 === b.x0 && a.step === b.step && a.steps === b.steps;
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
  const growing =
    magnitudes.length > TAIL && magnitudes.every((m, i) => i === 0 || m > (magnitudes[i - 1] ?? Infinity));
  const why = explain(settings);

  if (!Number.isFinite(last)) {
    return {
      kind: 'diverges',
      reason: `x grew too large to represent after ${formatExact(iterates.length - 2)} steps. ${why}`,
    };
  }
  if (lastLoss < CONVERGED_LOSS && lossNotRising) {
    return {
      kind: 'converges',
      reason: `L fell below 10⁻⁶ (L = ${fmt(lastLoss)} after ${formatExact(settings.steps)} steps). ${why}`,
    };
  }
  if (growing && Math.abs(last) > Math.abs(settings.x0)) {
    return {
      kind: 'diverges',
      reason: `|x| grows at every step (x = ${fmt(last)} after ${formatExact(settings.steps)} steps). ${why}`,
    };
  }
  if (lossNotRising && lastLoss < (losses[0] ?? 0)) {
    return {
      kind: 'undecided',
      reason: `L is still falling (L = ${fmt(lastLoss)}) but has not reached 10⁻⁶ in ${formatExact(settings.steps)} steps. ${why}`,
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
      const stepsText =
        Number.isFinite(needed) && needed > 0 ? ` (L < 10⁻⁶ after about ${formatExact(needed)} steps)` : '';
      return `Each step multiplies x by 1 − 2·step = ${f}; |${f}| < 1, so x → 0 geometrically${stepsText}.`;
    }
    if (size === 1)
      return `Each step multiplies x by 1 − 2·step = ${f}: x flips between ${fmt(x0)} and ${fmt(-x0)} forever.`;
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
