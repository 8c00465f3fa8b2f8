import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_LAYERS,
  countDenseFromText,
  countDenseParams,
  mlpCounterSetup,
  parseInputSize,
  parseLayerSizes,
} from './dense-params';

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

  it("shows a single layer total as that layer's working, not a sum of one term", () => {
    const result = countDenseParams(10, [1]);
    expect(result.ok && result.value.totalFormula, 'logistic regression on 10 inputs').toBe('10*1 + 1 = 11');
  });

  it('refuses counts JavaScript cannot hold exactly', () => {
    const result = countDenseParams(1e9, [1e9]);
    expect(result.ok, '10^18 weights are beyond MAX_SAFE_INTEGER').toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        field: 'layers',
        message: 'Layer sizes: the count at layer 1 is too large to count exactly (above 9,007,199,254,740,991).',
      },
    ]);
  });

  it('refuses sizes beyond the size limit, naming the field', () => {
    expect(countDenseParams(2 ** 30, [7])).toEqual({
      ok: false,
      errors: [{ field: 'input', message: 'Input size: enter a whole number from 1 to 1,000,000,000.' }],
    });
  });

  it('has weights*units + units per layer for any network (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }),
        (input, widths) => {
          const result = countDenseParams(input, widths);
          if (!result.ok) return false;
          const fanIns = [input, ...widths.slice(0, -1)];
          const expected = widths.reduce((sum, units, i) => sum + (fanIns[i] ?? 0) * units + units, 0);
          return result.value.total === expected && result.value.layers.length === widths.length;
        },
      ),
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

  const WIDTH_2 = 'Layer sizes, entry 2: enter a whole number from 1 to 1,000,000,000.';
  it.each([
    ['', 'Layer sizes: enter at least one width, e.g. 7, 3.'],
    ['7,,3', 'Layer sizes: entry 2 is empty (two commas in a row?).'],
    ['7, 2.5', WIDTH_2],
    ['7, 0', WIDTH_2],
    ['7, -3', WIDTH_2],
    ['7, 0x10', WIDTH_2],
    ['7, 1e300', WIDTH_2],
    ['seven', 'Layer sizes, entry 1: enter a whole number from 1 to 1,000,000,000.'],
  ])('explains what is wrong with layer sizes %j', (text, message) => {
    expect(parseLayerSizes(text)).toEqual({ ok: false, errors: [{ field: 'layers', message }] });
  });

  it.each(['', '4.5', '0', '0x10', 'Infinity'])('explains what is wrong with input size %j', (text) => {
    expect(parseInputSize(text)).toEqual({
      ok: false,
      errors: [{ field: 'input', message: 'Input size: enter a whole number from 1 to 1,000,000,000.' }],
    });
  });

  it('splits a long run of spaces in linear time', () => {
    const started = performance.now();
    expect(parseLayerSizes(`7${' '.repeat(100_000)}x`).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it(`refuses more than ${MAX_LAYERS} layers with a message saying the limit`, () => {
    const widths = (count: number) => Array.from({ length: count }, () => '7').join(', ');
    expect(parseLayerSizes(widths(MAX_LAYERS)).ok, 'the limit itself is allowed').toBe(true);
    const message = 'Layer sizes: enter at most 40 widths.';
    expect(parseLayerSizes(widths(MAX_LAYERS + 1))).toEqual({ ok: false, errors: [{ field: 'layers', message }] });
    expect(parseLayerSizes(widths(100_000))).toEqual({ ok: false, errors: [{ field: 'layers', message }] });
    expect(
      countDenseParams(
        4,
        Array.from({ length: MAX_LAYERS + 1 }, () => 7),
      ),
    ).toEqual({
      ok: false,
      errors: [{ field: 'layers', message }],
    });
  });

  it('counts straight from the text fields', () => {
    const result = countDenseFromText('4', '7, 3');
    expect(result.ok && result.value.total, '2(a) from the prefilled fields').toBe(59);
  });

  it('reports the input field first when both fields are wrong', () => {
    const result = countDenseFromText('', 'x');
    expect(!result.ok && result.errors[0].field, 'input is checked before layers').toBe('input');
  });
});

describe('mlpCounterSetup (the props from the content)', () => {
  it('opens on the network the content gives', () => {
    expect(mlpCounterSetup({ input: 4, layers: '7, 3' })).toEqual({ input: 4, layers: '7, 3', id: 'mlp-counter' });
  });

  it('stops the build with the tool and the prop named for an author mistake', () => {
    expect(() => mlpCounterSetup({ input: '4', layers: '7, 3' })).toThrow(
      'MlpCounter: prop `input` must be a whole number from 1 to 1,000,000,000, got "4".',
    );
    expect(() => mlpCounterSetup({ input: 4 })).toThrow(
      'MlpCounter: prop `layers` must be a non-empty string, got nothing.',
    );
    expect(() => mlpCounterSetup({ input: 4, layers: '7, x' })).toThrow(
      'MlpCounter: prop `layers` describes a network that cannot be counted: Layer sizes, entry 2: enter a whole number',
    );
  });
});
