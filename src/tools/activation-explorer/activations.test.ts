import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { centralDifference } from '../../maths/finite-differences';
import {
  ACTIVATION_IDS,
  activationCurves,
  activationExplorerSetup,
  defaultRange,
  explorerFormulas,
  h,
  hDerivativeOfficial,
  parseCurveRequest,
  readSentence,
  type ActivationCurves,
  type ActivationId,
} from './activations';

/** The list the exam's pages pass, with their references to the exam. */
const content: unknown = JSON.parse(
  readFileSync(
    new URL('../../../content/exams/cs230-fall-2021-midterm/activation-functions.json', import.meta.url),
    'utf8',
  ),
);
/** Every function, as a placement allowed to show every part's answer would offer them. */
const EVERY_PART = ['1(c)', '2(c)', '3(a)', '3(b)', '4(v)'];
const examSetup = activationExplorerSetup({ functions: content, initial: 'ceiling', reveals: EVERY_PART });
const refsOf = (id: ActivationId) => examSetup.functions.find((f) => f.id === id)?.refs ?? {};
/** The curves as the exam's pages show them. */
const curves = (id: ActivationId, from = -3, to = 3, beta = 1) => activationCurves({ id, from, to, beta }, refsOf(id));
/** The sentences as a reader without the typeset page gets them (each formula by its reading). */
const said = (result: ActivationCurves): string[] => result.sentences.map(readSentence);

const ln2 = Math.LN2;

describe('h(x) = x log(1 + tanh(eˣ)) from 2(c)', () => {
  it('matches a central difference to ~1e-9 over [-4, 4] (the official derivative is right)', () => {
    for (let x = -4; x <= 4; x += 0.05) {
      expect(Math.abs(hDerivativeOfficial(x) - centralDifference(h, x)), `x = ${x}`).toBeLessThan(1e-8);
    }
  });
  it('stays finite for large x: h(x) → x log 2, dh/dx → log 2 (no Infinity × 0)', () => {
    expect(h(1000)).toBeCloseTo(1000 * ln2, 9);
    expect(hDerivativeOfficial(1000)).toBeCloseTo(ln2, 12);
    expect(hDerivativeOfficial(710), 'e^710 overflows a double').toBeCloseTo(ln2, 12);
    expect(hDerivativeOfficial(-1000), 'left tail: h ≈ x·eˣ → 0').toBeCloseTo(0, 12);
  });
  it('has the hand-computed value at 0: dh/dx(0) = log(1 + tanh 1)', () => {
    expect(hDerivativeOfficial(0)).toBeCloseTo(Math.log(1 + Math.tanh(1)), 14);
  });
});

describe('activationCurves', () => {
  it('states the 2(c) gap between official formula and central difference, computed (≤ 1e-7)', () => {
    const result = curves('h', -4, 4);
    const sentence = said(result)[0] ?? '';
    const gap = Number(/: ([0-9.e-]+) \(at x/.exec(sentence)?.[1]);
    expect(gap, sentence).toBeLessThan(1e-7);
    expect(result.series.map((s) => s.name)).toEqual(['h(x)', 'dh/dx, official formula', 'dh/dx, central difference']);
  });

  it('ceiling: derivative 0 off the integers, with breaks at each integer jump', () => {
    const result = curves('ceiling', -3, 3);
    const derivative = result.series[1]?.points ?? [];
    const values = derivative.filter((p) => p !== null).map((p) => p[1]);
    expect(new Set(values), 'only zeros').toEqual(new Set([0]));
    expect(derivative.filter((p) => p === null).length, 'breaks at -2, -1, 0, 1, 2').toBe(5);
    expect(
      derivative.some((p) => p !== null && Number.isInteger(p[0]) && p[0] > -3 && p[0] < 3),
      'no sample at an integer',
    ).toBe(false);
    expect(said(result).join(' ')).toContain('5 jumps');
    expect(said(result).join(' ')).toContain('zero almost everywhere');
  });

  it('ceiling: a range whose samples all fall on integers still draws the derivative and counts its points', () => {
    // 401 samples from 0 to 400 are exactly the integers.
    const result = curves('ceiling', 0, 400);
    const drawn = (result.series[1]?.points ?? []).filter((p) => p !== null);
    expect(drawn.length, 'the derivative is sampled between the integers').toBe(400);
    expect(
      drawn.every((p) => !Number.isInteger(p[0])),
      'never at an integer',
    ).toBe(true);
    expect(said(result)[1], 'no "All 0 sampled points"').toMatch(/^At each of the 400 points sampled between integers/);
  });

  it('σ(x) against x/4 + 1/2 states Var(x)/16 only where the page names the variance question', () => {
    const without = activationCurves({ id: 'sigmoid-linearised', from: -6, to: 6, beta: 1 }, { tangent: '3(b)' });
    expect(said(without).join(' '), '3(c)’s answer is not shown by default').not.toContain('/16');
    const withVariance = activationCurves({ id: 'sigmoid-linearised', from: -6, to: 6, beta: 1 }, { variance: '3(c)' });
    expect(said(withVariance)[1]).toBe('So Var(σ(x)) ≈ Var(x)/16 (3(c)) only holds while x stays near 0.');
  });

  it('min(0, x) and max(−x, −2x) have non-zero slopes on at least one side, with a break at the kink', () => {
    const minZero = curves('min-zero').series[1]?.points ?? [];
    expect(minZero.filter((p) => p === null)).toHaveLength(1);
    expect(minZero.find((p) => p !== null && p[0] < 0)?.[1], 'slope 1 left of 0').toBe(1);
    const maxNeg = curves('max-neg').series[1]?.points ?? [];
    const slopes = new Set(maxNeg.filter((p) => p !== null).map((p) => p[1]));
    expect(slopes).toEqual(new Set([-2, -1]));
    expect(curves('max-neg').series[0]?.points.find((p) => p !== null && p[0] === 3)?.[1], 'max(−3, −6)').toBe(-3);
  });

  it('softplus: the gap to ReLU is log(2)/β at 0', () => {
    const sentence = said(curves('softplus', -4, 4, 2))[0] ?? '';
    expect(sentence).toContain(`${Number((ln2 / 2).toPrecision(3))} at x = 0`);
  });

  it('sigmoid vs linearisation: within 0.01 for |x| below about 0.78 (error ≈ x³/48)', () => {
    const sentence = said(curves('sigmoid-linearised', -6, 6))[0] ?? '';
    const radius = Number(/\|x\| < ([0-9.]+)/.exec(sentence)?.[1]);
    expect(radius, sentence).toBeGreaterThan(0.75);
    expect(radius).toBeLessThan(0.85);
  });

  it('never produces non-finite values or NaN text for any function over a wide range', () => {
    for (const id of ACTIVATION_IDS) {
      const result = activationCurves({ id, from: -1000, to: 1000, beta: 100 });
      for (const series of result.series) {
        for (const p of series.points)
          if (p !== null) expect(Number.isFinite(p[1]), `${id} ${series.name} at ${p[0]}`).toBe(true);
      }
      expect(said(result).join(' '), id).not.toMatch(/NaN|Infinity|undefined/);
    }
  });
});

describe('the sentences’ formulas (typeset at build time by ActivationExplorer.astro)', () => {
  /** Every formula shown over a few ranges (with and without a kink at 0) and a larger β. */
  const shownFormulas = (id: ActivationId, refs: Record<string, string>): string[] => {
    const ranges: [number, number, number][] = [
      [...defaultRange(id), 1],
      [-1000, 1000, 2],
      [0.5, 0.75, 1],
    ];
    const shown = ranges.flatMap(([from, to, beta]) =>
      activationCurves({ id, from, to, beta }, refs).sentences.flatMap((sentence) =>
        sentence.flatMap((part) => (typeof part === 'string' ? [] : [part.tex])),
      ),
    );
    return [...new Set(shown)].sort();
  };
  const listed = (id: ActivationId, refs: Record<string, string>): string[] =>
    explorerFormulas([{ id, option: id, refs }])
      .map((f) => f.tex)
      .sort();

  it('lists exactly the formulas each function’s sentences show, with the page’s references and without', () => {
    for (const id of ACTIVATION_IDS) {
      for (const refs of [{}, refsOf(id)]) {
        expect(listed(id, refs), `${id} with refs ${JSON.stringify(refs)}`).toEqual(shownFormulas(id, refs));
      }
    }
    const withVariance = { variance: '3(c)' };
    expect(listed('sigmoid-linearised', withVariance)).toEqual(shownFormulas('sigmoid-linearised', withVariance));
  });

  it('typesets no formula of 3(c)’s answer where the page does not name 3(c), not even unseen in the page', () => {
    const inLab = explorerFormulas(
      activationExplorerSetup({ functions: content, reveals: ['3(a)', '3(b)'] }).functions,
    );
    expect(inLab.map((f) => f.text).join(' | ')).not.toContain('/16');
    expect(listed('sigmoid-linearised', { variance: '3(c)' }).join(' ')).toContain('/16');
  });

  it('lists each formula once for a page, in the same order every time (slot i is formula i)', () => {
    const { functions } = activationExplorerSetup({ functions: content, reveals: ['1(c)'] });
    const texs = explorerFormulas(functions).map((f) => f.tex);
    expect(new Set(texs).size, texs.join(' | ')).toBe(texs.length);
    expect(explorerFormulas(functions).map((f) => f.tex)).toEqual(texs);
    expect(texs, 'x < 0 is shared by min(0, x) and max(−x, −2x)').toContain('x < 0');
  });

  it('parses in KaTeX without warnings, and reads without TeX for the plot’s description', () => {
    const every = explorerFormulas(
      ACTIVATION_IDS.map((id) => ({
        id,
        option: id,
        refs: id === 'sigmoid-linearised' ? { ...refsOf(id), variance: '3(c)' } : refsOf(id),
      })),
    );
    expect(every.length).toBeGreaterThan(10);
    for (const { tex, text } of every) {
      expect(() => katex.renderToString(tex, { throwOnError: true, strict: 'error' }), tex).not.toThrow();
      expect(text, `the reading of ${tex}`).not.toMatch(/[\\{}]/);
    }
  });
});

describe('parseCurveRequest', () => {
  it('names the field of the problem', () => {
    expect(parseCurveRequest('tanh', { from: '2', to: '1', beta: '1' })).toEqual({
      ok: false,
      errors: [{ field: 'to', message: 'To x: must be greater than From x.' }],
    });
    expect(parseCurveRequest('softplus', { from: '-1', to: '1', beta: '0' })).toEqual({
      ok: false,
      errors: [{ field: 'beta', message: 'β: enter a number from 0.01 to 100.' }],
    });
    expect(parseCurveRequest('tanh', { from: '', to: '1', beta: '1' })).toEqual({
      ok: false,
      errors: [{ field: 'from', message: 'From x: enter a number from -1,000 to 1,000.' }],
    });
  });
  it('ignores β for functions without it', () => {
    expect(parseCurveRequest('tanh', { from: '-1', to: '1', beta: 'x' })).toEqual({
      ok: true,
      value: { id: 'tanh', from: -1, to: 1, beta: 1 },
    });
  });
});

describe('citing the course', () => {
  it('puts the page’s references into the sentences, and reads well without them', () => {
    const withRefs = said(curves('ceiling'))[1] ?? '';
    expect(withRefs).toMatch(/so SGD gets no signal through it, which is why \(iii\) is not a usable activation\.$/);
    const without = said(activationCurves({ id: 'ceiling', from: -3, to: 3, beta: 1 }))[1] ?? '';
    expect(without).toMatch(/so SGD gets no signal through it\.$/);
    expect(said(curves('softplus', -4, 4, 1))[1]).toBe(
      'The derivative e^(βx)/(1 + e^(βx)) = σ(βx) is 4(v)’s δ₂; it is computed as σ(βx) so e^(βx) never overflows.',
    );
    expect(said(activationCurves({ id: 'softplus', from: -4, to: 4, beta: 1 }))[1]).toBe(
      'The derivative e^(βx)/(1 + e^(βx)) = σ(βx) is computed as σ(βx) so e^(βx) never overflows.',
    );
    expect(curves('sigmoid-linearised', -6, 6).description).toBe(
      'σ(x) written through tanh (3(a)) and the tangent line x/4 + 1/2 at 0 (3(b)), plotted over [-6, 6].',
    );
    expect(said(curves('tanh'))[0]).toMatch(/which is why Figure 1 can use tanh\(z\) ≈ z near 0\.$/);
    expect(said(activationCurves({ id: 'tanh', from: -3, to: 3, beta: 1 }))[0]).toMatch(
      /which is why tanh\(z\) ≈ z near 0\.$/,
    );
  });
});

describe('activationExplorerSetup (the props from the content)', () => {
  it('offers the listed functions in order, labelled with their source', () => {
    expect(examSetup.functions.map((f) => f.option)).toEqual([
      'min(0, x) (1(c)(i))',
      'max(−x, −2x) (1(c)(ii))',
      'ceiling(x) (1(c)(iii))',
      'h(x) = x log(1 + tanh(eˣ)) (2(c))',
      'Softplus with β (4)',
      'sigmoid σ(x) (3)',
      'tanh(x) (3)',
      'σ(x) = tanh(x/2)/2 + 1/2 vs x/4 + 1/2 (3(a), 3(b))',
    ]);
    expect(examSetup.initial).toBe('ceiling');
    expect(
      activationExplorerSetup({ functions: [{ fn: 'tanh', label: 'tanh(x)' }] }),
      'first function by default',
    ).toEqual({
      functions: [{ id: 'tanh', option: 'tanh(x)', refs: {} }],
      initial: 'tanh',
    });
  });

  it('offers only the functions whose answers the placement may show, so no part’s answer leaks into another’s', () => {
    const offered = (reveals: string[]) =>
      activationExplorerSetup({ functions: content, reveals }).functions.map((f) => f.id);
    expect(offered(['1(c)']), 'in 1(c)’s solution: nothing of 2(c), 3 or 4(v)').toEqual([
      'min-zero',
      'max-neg',
      'ceiling',
      'tanh',
    ]);
    expect(offered(['2(c)']), 'in 2(c)’s solution').toEqual(['h', 'tanh']);
    expect(offered(['3(a)', '3(b)']), 'in the lab of 3(a) and 3(b)').toEqual(['sigmoid', 'tanh', 'sigmoid-linearised']);
    expect(() => activationExplorerSetup({ functions: content, reveals: ['1(c)'], initial: 'h' })).toThrow(
      'prop `initial` must be one of "min-zero", "max-neg", "ceiling", "tanh", got "h".',
    );
  });

  it('stops the build with the tool and the prop named for an author mistake', () => {
    expect(() => activationExplorerSetup({ functions: [{ fn: 'cosh', label: 'cosh(x)' }] })).toThrow(
      /^ActivationExplorer: prop `functions\[0\]\.fn` must be one of "min-zero", .*, got "cosh"\.$/,
    );
    expect(() => activationExplorerSetup({ functions: [{ fn: 'tanh', label: 'tanh(x)' }], initial: 'h' })).toThrow(
      'ActivationExplorer: prop `initial` must be one of "tanh", got "h".',
    );
    expect(() =>
      activationExplorerSetup({ functions: [{ fn: 'tanh', label: 'tanh', refs: { option: '(iii)' } }] }),
    ).toThrow('ActivationExplorer: prop `functions[0].refs` has unknown key option (allowed: derivation).');
    expect(() =>
      activationExplorerSetup({
        functions: [
          { fn: 'tanh', label: 'a' },
          { fn: 'tanh', label: 'b' },
        ],
      }),
    ).toThrow('prop `functions[1].fn` lists "tanh" a second time.');
    expect(() => activationExplorerSetup({})).toThrow('prop `functions` must be a non-empty list, got nothing.');
  });
});
