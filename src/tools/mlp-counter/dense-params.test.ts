import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countDenseFromText, countDenseParams, parseInputSize, parseLayerSizes } from './dense-params';

describe('countDenseParams', () => {
  it('reproduces the exam answer for 2(a): input 4, layers 7 and 3 give 59', () => {
    const result = countDenseParams(4, [7, 3]);
    expect(result.ok, 'a valid network is counted').toBe(true);
    if (!result.ok) return;
    expect(result.value.total, '2(a) official answer').toBe(59);
    expect(
      result.value.layers.map((layer) => [layer.weights, layer.biases, layer.params, layer.formula]),
      'per-layer working',
    ).toEqual([
      [28, 7, 35, '4*7 + 7 = 35'],
      [21, 3, 24, '7*3 + 3 = 24'],
    ]);
    expect(result.value.totalFormula, 'total shows how the layers add up').toBe('35 + 24 = 59');
  });

  it('adds a layer the way a student would by hand: 7, 3, 2 after input 4 gives 59 + 3*2 + 2 = 67', () => {
    const result = countDenseParams(4, [7, 3, 2]);
    expect(result.ok && result.value.total, 'one more layer of 2').toBe(67);
  });

  it('shows a single layer total as that layer\'s working, not a sum of one term', () => {
    const result = countDenseParams(10, [1]);
    expect(result.ok && result.value.totalFormula, 'logistic regression on 10 inputs').toBe('10*1 + 1 = 11');
  });

  it('refuses counts JavaScript cannot hold exactly', () => {
    const result = countDenseParams(2 ** 30, [2 ** 30]);
    expect(result.ok, '2^60 weights are beyond MAX_SAFE_INTEGER').toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe('layers');
    expect(result.error.message, 'says why, not NaN').toMatch(/too large to count exactly/);
  });

  it('has weights*units + units per layer for any network (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }), (input, widths) => {
        const result = countDenseParams(input, widths);
        if (!result.ok) return false;
        const fanIns = [input, ...widths.slice(0, -1)];
        const expected = widths.reduce((sum, units, i) => sum + (fanIns[i] ?? 0) * units + units, 0);
        return result.value.total === expected && result.value.layers.length === widths.length;
      }),
      { seed: 42 },
    );
  });
});

describe('parsing the fields', () => {
  it('accepts commas, spaces, or both between widths', () => {
    for (const text of ['7, 3', '7,3', '7 3', ' 7 ,  3 ']) {
      const parsed = parseLayerSizes(text);
      expect(parsed.ok && parsed.value, `"${text}"`).toEqual([7, 3]);
    }
  });

  it.each([
    ['', /enter at least one width/],
    ['7,,3', /entry 2 is empty/],
    ['7, 2.5', /entry 2, "2\.5", is not a whole number/],
    ['7, 0', /entry 2, "0", must be at least 1/],
    ['7, -3', /entry 2, "-3", must be at least 1/],
    ['seven', /entry 1, "seven", is not a number/],
    ['7, 1e300', /too large to count exactly/],
  ])('explains what is wrong with layer sizes %j', (text, message) => {
    const parsed = parseLayerSizes(text);
    expect(parsed.ok, `"${text}" is rejected`).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(message);
  });

  it.each([
    ['', /Input size: enter a whole number/],
    ['4.5', /4\.5 is not a whole number/],
    ['0', /must be at least 1/],
  ])('explains what is wrong with input size %j', (text, message) => {
    const parsed = parseInputSize(text);
    expect(parsed.ok, `"${text}" is rejected`).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.field, 'names the Input size field').toBe('input');
      expect(parsed.error.message).toMatch(message);
    }
  });

  it('counts straight from the text fields', () => {
    const result = countDenseFromText('4', '7, 3');
    expect(result.ok && result.value.total, '2(a) from the prefilled fields').toBe(59);
  });

  it('reports the input field first when both fields are wrong', () => {
    const result = countDenseFromText('', 'x');
    expect(!result.ok && result.error.field, 'input is checked before layers').toBe('input');
  });
});
