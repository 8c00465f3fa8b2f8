import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cnnCalculatorSetup,
  computeCnn,
  formatActivation,
  type CnnResult,
  type CnnRow,
  type ComputedRow,
} from './cnn-shapes';

const PROBLEM_5_LAYERS = [
  'CONV5-8',
  'ReLU',
  'CONV3-16',
  'POOL-2',
  'CONV2-64',
  'CONV1-32 with padding 0',
  'POOL-2',
  'POOL-2',
  'FLATTEN',
  'FC-27',
].join('\n');

function computed(rows: CnnRow[]): ComputedRow[] {
  return rows.filter((row): row is ComputedRow => row.status === 'ok');
}

function only(result: CnnResult): ComputedRow {
  const [row] = result.rows;
  if (row?.status !== 'ok') throw new Error(`expected one computed row, got ${JSON.stringify(result.rows)}`);
  return row;
}

describe('Problem 5 of the exam', () => {
  const result = computeCnn('128*128*6', PROBLEM_5_LAYERS);

  it('computes every row without errors', () => {
    expect(result.input.ok, 'input parses').toBe(true);
    expect(result.errorLines, 'no line has an error').toEqual([]);
    expect(computed(result.rows), 'all ten layers computed').toHaveLength(10);
  });

  it('reproduces the official volumes and parameter counts, row by row', () => {
    expect(
      computed(result.rows).map((row) => [row.source, formatActivation(row.output), row.params]),
      'official table of Problem 5',
    ).toEqual([
      ['CONV5-8', '126*126*8', 1208],
      ['ReLU', '126*126*8', 0],
      ['CONV3-16', '126*126*16', 1168],
      ['POOL-2', '63*63*16', 0],
      ['CONV2-64', '64*64*64', 4160],
      ['CONV1-32 with padding 0', '64*64*32', 2080],
      ['POOL-2', '32*32*32', 0],
      ['POOL-2', '16*16*32', 0],
      ['FLATTEN', '8192', 0],
      ['FC-27', '27', 221211],
    ]);
  });

  it('shows the working in the exam style', () => {
    const rows = computed(result.rows);
    expect(
      rows.map((row) => row.paramsFormula).filter((f) => /=/.test(f)),
      'parameter formulas',
    ).toEqual([
      '8*(5*5*6 + 1) = 1208',
      '16*(3*3*8 + 1) = 1168',
      '64*(2*2*16 + 1) = 4160',
      '32*(1*1*64 + 1) = 2080',
      '(8192 + 1)*27 = 221211',
    ]);
    expect(rows[2]?.outputFormula, 'CONV3-16 output size').toBe('(126 + 2*1 - 3)/1 + 1 = 126; channels = 16 filters');
    expect(rows[3]?.outputFormula, 'POOL-2 output size').toBe('(126 + 2*0 - 2)/2 + 1 = 63; channels unchanged = 16');
    expect(rows[8]?.outputFormula, 'FLATTEN').toBe('16*16*32 = 8192');
  });

  it('totals the parameters', () => {
    expect(result.total, '1208 + 1168 + 4160 + 2080 + 221211').toEqual({ ok: true, value: 229827 });
  });
});

describe('Question 1(g) of the exam', () => {
  it('15x15x3 through 15 filters of 3x3x3 with padding 1, stride 1 gives 15x15x15', () => {
    const row = only(computeCnn('15x15x3', 'CONV3-15 with padding 1 with stride 1'));
    expect(formatActivation(row.output), 'answer (iii)').toBe('15*15*15');
    expect(row.params, '15*(3*3*3 + 1)').toBe(420);
  });
});

describe('errors', () => {
  it('reports a kernel larger than the padded input, naming the line, and computes the rest', () => {
    const result = computeCnn('4*4*3', 'CONV3-8\nCONV9-4\nPOOL-2');
    expect(result.errorLines, 'line 2 is the bad one').toEqual([2]);
    const [first, second, third] = result.rows;
    expect(second?.status === 'error' && second.message, 'says what does not fit').toMatch(
      /kernel 9\*9 is larger than the padded input height and width 4 \+ 2\*1 = 6/,
    );
    expect(first?.status === 'ok' && formatActivation(first.output), 'line 1 computed').toBe('4*4*8');
    expect(
      third?.status === 'ok' && formatActivation(third.output),
      'line 3 continues from the last valid volume (line 1), skipping line 2',
    ).toBe('2*2*8');
    expect(result.total, 'the total covers the valid lines only').toEqual({ ok: true, value: 8 * (3 * 3 * 3 + 1) });
  });

  it('reports an unknown layer and keeps going', () => {
    const result = computeCnn('8*8*3', 'BANANA\nCONV3-2');
    expect(
      result.rows.map((row) => row.status),
      'BANANA fails, CONV3-2 computes',
    ).toEqual(['error', 'ok']);
    expect(result.rows[0]?.status === 'error' && result.rows[0].message).toMatch(/Unknown layer "BANANA"/);
  });

  it('rounds an uneven stride down as PyTorch does, and says so', () => {
    const row = only(computeCnn('7*7*1', 'CONV2-1 with padding 0 with stride 2'));
    expect(formatActivation(row.output), 'floor((7 - 2)/2) + 1 = 3').toBe('3*3*1');
    expect(row.outputFormula).toMatch(/^floor\(\(7 \+ 2\*0 - 2\)\/2\) \+ 1 = floor\(2\.5\) \+ 1 = 3/);
    expect(row.notes.join(' '), 'the note explains the rounding').toMatch(
      /^Stride 2 does not divide 5 evenly along the height and width: \(7 \+ 2\*0 - 2\)\/2 = 2\.5 is rounded down, as PyTorch does, so the last 1 padded row and column is never covered\.$/,
    );
  });

  it('names the dimension when height and width differ', () => {
    const row = only(computeCnn('7*8*1', 'POOL-2'));
    expect(formatActivation(row.output)).toBe('3*4*1');
    expect(row.outputFormula, 'two formulas').toMatch(/^H: floor\(.*\) \+ 1 = 3; W: \(8 \+ 2\*0 - 2\)\/2 \+ 1 = 4/);
    expect(row.notes, 'only the height is uneven').toEqual([
      expect.stringMatching(/along the height: .* last 1 padded row is never covered/),
    ]);
  });

  it('refuses a convolution or pooling after FLATTEN, naming where the vector came from', () => {
    const result = computeCnn('4*4*2', 'FLATTEN\nCONV3-4\nPOOL-2\nFC-3');
    expect(result.errorLines, 'CONV and POOL need a volume').toEqual([2, 3]);
    const conv = result.rows[1];
    expect(conv?.status === 'error' && conv.message).toMatch(
      /A convolution needs an H\*W\*C volume, but after FLATTEN on line 1 the activations are a vector of 32 values/,
    );
    const dense = result.rows[3];
    expect(dense?.status === 'ok' && dense.paramsFormula, 'FC still computes from the vector').toBe('(32 + 1)*3 = 99');
  });

  it('treats FC on a volume as flattened, and says so', () => {
    const row = only(computeCnn('2*2*3', 'FC-5'));
    expect(row.paramsFormula).toBe('(12 + 1)*5 = 65');
    expect(row.notes.join(' ')).toMatch(/sees its 2\*2\*3 input as 12 values/);
  });

  it('refuses numbers beyond Number.MAX_SAFE_INTEGER instead of printing a wrong count', () => {
    const huge = computeCnn('1*1*100000000', 'CONV1-100000000 with padding 0');
    expect(huge.rows[0]?.status === 'error' && huge.rows[0].message, '1e16 parameters').toBe(
      'The number of parameters is too large to count exactly (above 9,007,199,254,740,991).',
    );
    const input = computeCnn('300000*300000*300000', 'ReLU');
    expect(!input.input.ok && input.input.message, 'input volume of 2.7e16 values').toBe(
      'The input volume 300000*300000*300000 is too large to count exactly (above 9,007,199,254,740,991).',
    );
    const row = computeCnn('1*1*1', 'FC-1000000000\nFC-1000000000');
    expect(
      row.rows.map((r) => r.status),
      'the second FC, (1e9 + 1)*1e9, is the line that overflows',
    ).toEqual(['ok', 'error']);
    const total = computeCnn('1*1*1', 'FC-70000000\nFC-70000000\nFC-70000000');
    expect(total.errorLines, 'each layer, about 4.9e15, is countable').toEqual([]);
    expect(!total.total.ok && total.total.message, 'but their sum, about 9.8e15, is not').toMatch(
      /^The total is too large to count exactly/,
    );
  });

  it('waits for a valid input instead of inventing shapes, but still reports syntax errors', () => {
    const result = computeCnn('128*128', 'CONV3-4\nBANANA');
    expect(result.input.ok, 'two numbers are not a volume').toBe(false);
    expect(
      result.rows.map((row) => row.status),
      'syntax is still checked',
    ).toEqual(['waiting', 'error']);
    expect(result.total, 'nothing computed, nothing counted').toEqual({ ok: true, value: 0 });
  });
});

describe('invariants (property tests)', () => {
  const side = fc.integer({ min: 1, max: 512 });
  const channels = fc.integer({ min: 1, max: 256 });

  it('a 1x1 convolution with padding 0 keeps H and W', () => {
    fc.assert(
      fc.property(side, side, channels, fc.integer({ min: 1, max: 512 }), (h, w, c, filters) => {
        const row = only(computeCnn(`${h}*${w}*${c}`, `CONV1-${filters} with padding 0`));
        return row.output.kind === 'volume' && row.output.h === h && row.output.w === w && row.output.c === filters;
      }),
      { seed: 42 },
    );
  });

  it('a convolution with padding (k-1)/2 and stride 1 keeps H and W for odd k', () => {
    fc.assert(
      fc.property(side, side, channels, fc.integer({ min: 0, max: 5 }), (h, w, c, half) => {
        const k = 2 * half + 1;
        const result = computeCnn(`${h}*${w}*${c}`, `CONV${k}-4 with padding ${half}`);
        const [row] = result.rows;
        return row?.status === 'ok' && row.output.kind === 'volume' && row.output.h === h && row.output.w === w;
      }),
      { seed: 42 },
    );
  });

  it('convolution parameters never depend on H and W', () => {
    fc.assert(
      fc.property(
        side,
        side,
        side,
        side,
        channels,
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 64 }),
        (h1, w1, h2, w2, c, k, filters) => {
          const layer = `CONV${k}-${filters} with padding ${k}`;
          const a = only(computeCnn(`${h1}*${w1}*${c}`, layer));
          const b = only(computeCnn(`${h2}*${w2}*${c}`, layer));
          return a.params === b.params && a.params === filters * (k * k * c + 1);
        },
      ),
      { seed: 42 },
    );
  });

  it('pooling never changes C and never has parameters', () => {
    fc.assert(
      fc.property(side, side, channels, fc.integer({ min: 1, max: 8 }), (h, w, c, n) => {
        const [row] = computeCnn(`${h}*${w}*${c}`, `POOL-${n}`).rows;
        if (n > Math.min(h, w)) return row?.status === 'error';
        return row?.status === 'ok' && row.output.kind === 'volume' && row.output.c === c && row.params === 0;
      }),
      { seed: 42 },
    );
  });

  it('never puts NaN or Infinity in a row, whatever the text', () => {
    const token = fc.constantFrom(
      'CONV',
      'POOL',
      'FC',
      '-',
      ' ',
      '0',
      '1',
      '3',
      '9',
      '.5',
      'e9',
      'with padding ',
      'with stride ',
      'FLATTEN',
      'ReLU',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), fc.constantFrom('5*5*3', '1*1*1', '64x32x3'), (tokens, input) => {
        const result = computeCnn(input, tokens.join(''));
        const text = JSON.stringify(result);
        return (
          !/NaN|Infinity|undefined|null/.test(text) &&
          computed(result.rows).every((row) => Number.isSafeInteger(row.params))
        );
      }),
      { seed: 42 },
    );
  });
});

describe('cnnCalculatorSetup (the props from the content)', () => {
  it('opens on the network the content gives, with default id and title', () => {
    expect(cnnCalculatorSetup({ input: '15x15x3', layers: 'CONV3-15 with padding 1 with stride 1' })).toEqual({
      input: '15x15x3',
      layers: 'CONV3-15 with padding 1 with stride 1',
      id: 'cnn-calculator',
      title: 'CNN shape and parameter calculator',
    });
  });

  it('stops the build with the tool and the prop named for an author mistake', () => {
    expect(() => cnnCalculatorSetup({ input: '128*128', layers: 'ReLU' })).toThrow(
      'CnnCalculator: prop `input` is not a volume the calculator reads: "128*128" is not a volume',
    );
    expect(() => cnnCalculatorSetup({ input: '8*8*3', layers: 'CONV3-8\nFLATEN' })).toThrow(
      'CnnCalculator: prop `layers` has an error on line 2 ("FLATEN"): Unknown layer "FLATEN".',
    );
    expect(() => cnnCalculatorSetup({ input: '8*8*3' })).toThrow(
      'CnnCalculator: prop `layers` must be a non-empty string, got nothing.',
    );
  });
});
