import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DESCENT_SETTINGS,
  gradient,
  gradientDescentSetup,
  parseDescentSettings,
  runGradientDescent,
  type DescentPresetProp,
  type DescentSettings,
} from './gradient-descent';

/** The options of the exam's 1(e), as its page passes them. */
const OPTIONS: DescentPresetProp[] = [
  { label: '(i) |x|, x₀ = 0.1, step 0.5', loss: 'abs', x0: 0.1, step: 0.5, steps: 500 },
  { label: '(ii) x², x₀ = 1, step 0.99', loss: 'square', x0: 1, step: 0.99, steps: 500 },
  { label: '(iii) |x|, x₀ = 1, step 1.5', loss: 'abs', x0: 1, step: 1.5, steps: 500 },
  { label: '(iv) x², x₀ = 1, step 1', loss: 'square', x0: 1, step: 1, steps: 500 },
];
const { presets } = gradientDescentSetup({ question: '1(e)', presets: OPTIONS });

const option = (numeral: string): DescentSettings => {
  const found = presets.find((p) => p.label.startsWith(`(${numeral})`));
  if (!found) throw new Error(`no option ${numeral}`);
  return found.settings;
};

describe('Problem 1(e): only option (ii) converges', () => {
  it('(i) |x| from 0.1 with step 0.5 oscillates between 0.1 and -0.4', () => {
    const result = runGradientDescent(option('i'));
    expect(result.iterates.slice(0, 4), 'fixed-size steps overshoot 0').toEqual(
      [0.1, -0.4, 0.1, -0.4].map((v): unknown => expect.closeTo(v, 12)),
    );
    expect(result.iterates.at(-1) ?? NaN, 'still bouncing after 500 steps').toBeCloseTo(0.1, 12);
    expect(result.verdict.kind).toBe('oscillates');
    expect(result.verdict.reason, 'reason names the bounce').toContain('bounces between 0.1 and -0.4');
  });

  it('(ii) x² from 1 with step 0.99 converges: x is multiplied by -0.98 each step', () => {
    const result = runGradientDescent(option('ii'));
    expect(result.iterates[1], 'x₁ = (1 - 2·0.99)·1').toBeCloseTo(-0.98, 12);
    expect(result.verdict.kind).toBe('converges');
    expect(result.losses.at(-1) ?? Infinity, 'L below 1e-6 after 500 steps').toBeLessThan(1e-6);
    expect(result.verdict.reason).toContain('1 − 2·step = -0.98');
  });

  it('(iii) |x| from 1 with step 1.5 oscillates between 1 and -0.5', () => {
    const result = runGradientDescent(option('iii'));
    expect(result.iterates.slice(0, 3)).toEqual([1, -0.5, 1]);
    expect(result.verdict.kind).toBe('oscillates');
    expect(result.verdict.reason).toContain('L never goes below 0.5');
  });

  it('(iv) x² from 1 with step 1 oscillates between 1 and -1 (|1 - 2·step| = 1)', () => {
    const result = runGradientDescent(option('iv'));
    expect(result.iterates.slice(0, 3)).toEqual([1, -1, 1]);
    expect(result.verdict.kind).toBe('oscillates');
    expect(result.verdict.reason).toContain('flips between 1 and -1');
  });
});

describe('verdicts beyond the four options', () => {
  it('diverges when |1 - 2·step| > 1', () => {
    const result = runGradientDescent({ loss: 'square', x0: 1, step: 1.5, steps: 20 });
    expect(result.verdict.kind).toBe('diverges');
    expect(Math.abs(result.iterates.at(-1) ?? 0), '|x| doubles each step').toBe(2 ** 20);
    expect(result.verdict.reason).toContain('grows ×2 per step');
  });

  it('stops and reports divergence when x overflows, without NaN in the text', () => {
    const result = runGradientDescent({ loss: 'square', x0: 1, step: 10, steps: 2000 });
    expect(result.verdict.kind).toBe('diverges');
    expect(result.verdict.reason).toContain('too large to represent');
    expect(result.verdict.reason).not.toMatch(/NaN|Infinity/);
  });

  it('is undecided while L still falls but has not reached 1e-6', () => {
    const result = runGradientDescent({ loss: 'square', x0: 1, step: 0.99, steps: 50 });
    expect(result.verdict.kind, 'slow convergence needs more steps').toBe('undecided');
    expect(result.verdict.reason, 'says how many steps it needs').toMatch(/after about 342 steps/);
  });

  it('|x| lands exactly on 0 when x₀ is a whole number of steps away, and stays (subgradient 0)', () => {
    const result = runGradientDescent({ loss: 'abs', x0: 0.3, step: 0.1, steps: 10 });
    expect(result.iterates.slice(3), 'despite 0.3 - 0.1 - 0.1 - 0.1 ≠ 0 in floating point').toEqual(Array(8).fill(0));
    expect(result.verdict.kind).toBe('converges');
  });

  it('uses the subgradient 0 for |x| at exactly 0', () => {
    expect(gradient('abs', 0)).toBe(0);
    expect(gradient('abs', -2)).toBe(-1);
  });

  it('starts at a setting that is not one of the options (no spoiler)', () => {
    const isOption = presets.some((o) => JSON.stringify(o.settings) === JSON.stringify(DEFAULT_DESCENT_SETTINGS));
    expect(isOption).toBe(false);
    expect(runGradientDescent(DEFAULT_DESCENT_SETTINGS).verdict.kind).toBe('converges');
  });
});

describe('parseDescentSettings', () => {
  it('names the bad field', () => {
    expect(parseDescentSettings('abs', { x0: '1', step: '0', steps: '10' })).toEqual({
      ok: false,
      errors: [{ field: 'step', message: 'Step size: enter a number from 0.001 to 10.' }],
    });
    expect(parseDescentSettings('abs', { x0: 'x', step: '1', steps: '10' })).toEqual({
      ok: false,
      errors: [{ field: 'x0', message: 'Initial x: enter a number from -1,000 to 1,000.' }],
    });
    expect(parseDescentSettings('abs', { x0: '1', step: '1', steps: '2.5' })).toEqual({
      ok: false,
      errors: [{ field: 'steps', message: 'Steps: enter a whole number from 1 to 2,000.' }],
    });
  });
  it('accepts valid input', () => {
    expect(parseDescentSettings('square', { x0: ' -2 ', step: '0.25', steps: '40' })).toEqual({
      ok: true,
      value: { loss: 'square', x0: -2, step: 0.25, steps: 40 },
    });
  });
});

describe('gradientDescentSetup (the props from the content)', () => {
  it('turns the content presets into labelled settings', () => {
    expect(presets[1]).toEqual({
      label: '(ii) x², x₀ = 1, step 0.99',
      settings: { loss: 'square', x0: 1, step: 0.99, steps: 500 },
    });
    expect(gradientDescentSetup({}), 'presets are optional').toEqual({ question: undefined, presets: [] });
  });

  it('stops the build with the tool and the prop named for an author mistake', () => {
    const withStep = (step: unknown) => [{ ...OPTIONS[0], step }];
    expect(() => gradientDescentSetup({ question: '1(e)', presets: withStep('0.5') })).toThrow(
      'GradientDescentExplorer: prop `presets[0].step` must be a number from 0.001 to 10, got "0.5".',
    );
    expect(() => gradientDescentSetup({ question: '1(e)', presets: withStep(0) })).toThrow('presets[0].step');
    expect(() => gradientDescentSetup({ presets: OPTIONS }), 'the question names the presets').toThrow(
      'GradientDescentExplorer: prop `question` must be a non-empty string, got nothing.',
    );
    expect(() => gradientDescentSetup({ question: '1(e)', presets: [{ ...OPTIONS[0], loss: 'cube' }] })).toThrow(
      'prop `presets[0].loss` must be one of "abs", "square", got "cube".',
    );
    expect(() =>
      gradientDescentSetup({ question: '1(e)', presets: [{ label: 'x', ...DEFAULT_DESCENT_SETTINGS }] }),
    ).toThrow('is the setting the explorer opens on');
  });
});
