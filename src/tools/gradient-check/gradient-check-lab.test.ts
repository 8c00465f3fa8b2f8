import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAB_SETTINGS,
  entryName,
  gradientCheckSetup,
  parseLabSettings,
  runGradientCheckLab,
  type OfferedFormulaProp,
} from './gradient-check-lab';
import { PASS_THRESHOLD } from './gradient-check';

const at = (settings: Partial<typeof DEFAULT_LAB_SETTINGS>) => ({ ...DEFAULT_LAB_SETTINGS, ...settings });

describe('the lab’s report', () => {
  it('passes the official formula, with the numbers behind each summary', () => {
    const outcome = runGradientCheckLab(at({ hiddenUnits: 5 }), 'official');
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.gradients.map((g) => [g.name, g.rows, g.cols, g.passed, g.entries, g.failing])).toEqual([
      ['∂L/∂W[1]', 5, 3, true, 15, 0],
      ['∂L/∂b[1]', 5, 1, true, 5, 0],
    ]);
    for (const g of outcome.gradients) expect(g.worst.relativeError, g.name).toBeLessThan(PASS_THRESHOLD);
    expect(outcome.trueClass, '1-based, one of K = 3').toBeGreaterThanOrEqual(1);
    expect(outcome.trueClass).toBeLessThanOrEqual(3);
    expect(Number.isFinite(outcome.loss) && outcome.loss > 0).toBe(true);
    expect(outcome.step, 'h = min(10⁻³, 0.01/β)').toBe(1e-3);
    expect(outcome.wrongButPassed).toBe(false);
  });

  it('fails a wrong formula, counting the failing entries', () => {
    const outcome = runGradientCheckLab(at({ hiddenUnits: 5 }), 'drop-elementwise');
    if (!outcome.ok) throw new Error(outcome.error);
    const [dW1] = outcome.gradients;
    expect(dW1?.passed).toBe(false);
    expect(dW1?.failing).toBeGreaterThan(0);
    expect(dW1?.worst.relativeError).toBeGreaterThan(1e-2);
    expect(dW1?.listed?.filter((e) => !e.passed).length, 'the listed entries agree with the count').toBe(dW1?.failing);
  });

  it('reports a shape mismatch instead of numbers', () => {
    expect(runGradientCheckLab(at({ hiddenUnits: 5 }), 'forget-transpose')).toEqual({
      ok: false,
      sizes: { inputSize: 3, hiddenUnits: 5, classes: 3 },
      error: 'shape mismatch: W2 is K×D_a (3×5), cannot multiply by δ0 (K×1 = 3×1) without transposing',
    });
  });

  it('lists small matrices entry by entry and summarizes large ones', () => {
    const small = runGradientCheckLab(at({ inputSize: 6, hiddenUnits: 6 }), 'official');
    const large = runGradientCheckLab(at({ inputSize: 7, hiddenUnits: 6 }), 'official');
    expect(small.ok && small.gradients[0]?.listed?.map((e) => e.name).slice(0, 2)).toEqual(['(1, 1)', '(1, 2)']);
    expect(large.ok && large.gradients[0]?.listed, '6 × 7 is too wide to list').toBeUndefined();
    expect(large.ok && large.gradients[1]?.listed?.length, 'but ∂L/∂b[1] (6 × 1) is listed').toBe(6);
  });

  it('names entries 1-based, without a column for vectors', () => {
    expect(entryName(0, 0, 1)).toBe('(1)');
    expect(entryName(1, 2, 3)).toBe('(2, 3)');
  });
});

describe('parseLabSettings', () => {
  it('accepts the defaults and names every bad field', () => {
    const texts = { inputSize: '3', hiddenUnits: '4', classes: '3', beta: '1', seed: '1' };
    expect(parseLabSettings(texts)).toEqual({ ok: true, value: DEFAULT_LAB_SETTINGS });
    expect(parseLabSettings({ ...texts, beta: '0', classes: '1' })).toEqual({
      ok: false,
      errors: [
        { field: 'classes', message: 'Classes: enter a whole number from 2 to 16.' },
        { field: 'beta', message: 'Beta: enter a number from 0.1 to 100.' },
      ],
    });
    expect(
      parseLabSettings({ ...texts, inputSize: '17', hiddenUnits: '64' }),
      'sizes that check within 100 ms',
    ).toEqual({
      ok: false,
      errors: [
        { field: 'inputSize', message: 'Input size: enter a whole number from 1 to 16.' },
        { field: 'hiddenUnits', message: 'Hidden units: enter a whole number from 1 to 16.' },
      ],
    });
  });
});

describe('gradientCheckSetup (the props from the content)', () => {
  const formulas: OfferedFormulaProp[] = [
    { formula: 'official', option: 'No: the official solution’s formula', checking: 'the official solution’s formula' },
    { formula: 'forget-transpose', option: 'Forget the transpose', checking: 'a wrong formula (forget the transpose)' },
  ];

  it('offers the listed formulas in order', () => {
    expect(gradientCheckSetup({ formulas, reveals: '4(vi)' })).toEqual({ formulas, reveals: '4(vi)' });
  });

  it('stops the build with the tool and the prop named for an author mistake', () => {
    expect(() => gradientCheckSetup({ formulas: [{ ...formulas[0], formula: 'forget-bias' }] })).toThrow(
      /^GradientCheck: prop `formulas\[0\]\.formula` must be one of "official", .*, got "forget-bias"\.$/,
    );
    expect(() => gradientCheckSetup({ formulas: [...formulas, formulas[1]] })).toThrow(
      'GradientCheck: prop `formulas[2].formula` offers "forget-transpose" a second time.',
    );
    expect(() => gradientCheckSetup({ formulas: [{ formula: 'official', option: 'Official' }] })).toThrow(
      'GradientCheck: prop `formulas[0].checking` must be a non-empty string, got nothing.',
    );
    expect(() => gradientCheckSetup({})).toThrow(
      'GradientCheck: prop `formulas` must be a non-empty list, got nothing.',
    );
  });
});
