import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_FUNCTIONS,
  activationCurves,
  centralDifference,
  h,
  hDerivativeOfficial,
  parseCurveRequest,
  sigmoid,
  sigmoidViaTanh,
  softplus,
  softplusDerivative,
} from './activations';

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

describe('softplus (Problem 4)', () => {
  it('does not overflow for large β·x and matches the definition where that is safe', () => {
    expect(softplus(1000, 10), 'β·x = 10⁴: exp would overflow').toBe(1000);
    expect(softplus(-1000, 10), 'far left: tiny but not negative').toBeGreaterThanOrEqual(0);
    expect(softplus(0.3, 2)).toBeCloseTo(Math.log(1 + Math.exp(0.6)) / 2, 14);
  });
  it('has derivative σ(βx), agreeing with a central difference', () => {
    for (const x of [-2, -0.1, 0, 0.5, 3]) {
      expect(softplusDerivative(x, 3), `x = ${x}`).toBeCloseTo(centralDifference((t) => softplus(t, 3), x), 8);
    }
    expect(softplusDerivative(1000, 100), 'saturates at 1').toBe(1);
  });
});

describe('sigmoid (Problem 3)', () => {
  it('equals tanh(x/2)/2 + 1/2 (3(a)) and is stable for large |x|', () => {
    for (const x of [-30, -2, 0, 1.5, 30]) expect(sigmoid(x), `x = ${x}`).toBeCloseTo(sigmoidViaTanh(x), 14);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });
});

describe('activationCurves', () => {
  const curves = (id: Parameters<typeof activationCurves>[0]['id'], from = -3, to = 3, beta = 1) =>
    activationCurves({ id, from, to, beta });

  it('states the 2(c) gap between official formula and central difference, computed (≤ 1e-7)', () => {
    const result = curves('h', -4, 4);
    const sentence = result.sentences[0] ?? '';
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
    expect(derivative.some((p) => p !== null && Number.isInteger(p[0]) && p[0] > -3 && p[0] < 3), 'no sample at an integer').toBe(false);
    expect(result.sentences.join(' ')).toContain('5 jumps');
    expect(result.sentences.join(' ')).toContain('zero almost everywhere');
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
    const sentence = activationCurves({ id: 'softplus', from: -4, to: 4, beta: 2 }).sentences[0] ?? '';
    expect(sentence).toContain(`${Number((ln2 / 2).toPrecision(3))} at x = 0`);
  });

  it('sigmoid vs linearisation: within 0.01 for |x| below about 0.78 (error ≈ x³/48)', () => {
    const sentence = curves('sigmoid-linearised', -6, 6).sentences[0] ?? '';
    const radius = Number(/\|x\| < ([0-9.]+)/.exec(sentence)?.[1]);
    expect(radius, sentence).toBeGreaterThan(0.75);
    expect(radius).toBeLessThan(0.85);
  });

  it('never produces non-finite values or NaN text for any function over a wide range', () => {
    for (const { id } of ACTIVATION_FUNCTIONS) {
      const result = activationCurves({ id, from: -1000, to: 1000, beta: 100 });
      for (const series of result.series) {
        for (const p of series.points) if (p !== null) expect(Number.isFinite(p[1]), `${id} ${series.name} at ${p[0]}`).toBe(true);
      }
      expect(result.sentences.join(' '), id).not.toMatch(/NaN|Infinity|undefined/);
    }
  });
});

describe('parseCurveRequest', () => {
  it('names the field of the problem', () => {
    expect(parseCurveRequest('tanh', { from: '2', to: '1', beta: '1' })).toEqual({
      ok: false,
      error: { field: 'to', message: 'To x: must be greater than From x.' },
    });
    expect(parseCurveRequest('softplus', { from: '-1', to: '1', beta: '0' })).toEqual({
      ok: false,
      error: { field: 'beta', message: 'β: enter a number between 0.01 and 100.' },
    });
    expect(parseCurveRequest('tanh', { from: '', to: '1', beta: '1' }).ok).toBe(false);
  });
  it('ignores β for functions without it', () => {
    expect(parseCurveRequest('tanh', { from: '-1', to: '1', beta: 'x' })).toEqual({
      ok: true,
      value: { id: 'tanh', from: -1, to: 1, beta: 1 },
    });
  });
});
