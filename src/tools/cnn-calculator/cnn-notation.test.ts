import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LAYER_LINES, MAX_LINE_LENGTH, parseLayerLine, parseLayers, parseVolume } from './cnn-notation';

describe('parseLayerLine', () => {
  it('reads the exam notation with its defaults (convolutions: padding 1, stride 1; POOL-n: stride n, padding 0)', () => {
    expect(parseLayerLine('CONV5-8'), 'CONVk-N').toEqual({
      ok: true,
      spec: { kind: 'conv', kernel: 5, filters: 8, padding: 1, stride: 1 },
    });
    expect(parseLayerLine('POOL-2'), 'POOL-n').toEqual({
      ok: true,
      spec: { kind: 'pool', size: 2, padding: 0, stride: 2 },
    });
    expect(parseLayerLine('FC-27'), 'FC-N').toEqual({ ok: true, spec: { kind: 'fc', units: 27 } });
    expect(parseLayerLine('FLATTEN'), 'FLATTEN').toEqual({ ok: true, spec: { kind: 'flatten' } });
    expect(parseLayerLine('ReLU'), 'ReLU').toEqual({ ok: true, spec: { kind: 'activation', name: 'ReLU' } });
  });

  it('is case-insensitive and tolerates spaces', () => {
    expect(parseLayerLine('conv3 - 16'), 'lower case with spaces').toEqual(parseLayerLine('CONV3-16'));
    expect(parseLayerLine('pool-2'), 'lower-case pool').toEqual(parseLayerLine('POOL-2'));
    expect(parseLayerLine('Flatten'), 'mixed-case flatten').toEqual(parseLayerLine('FLATTEN'));
  });

  it('reads "with padding P" and "with stride S", alone or together', () => {
    expect(parseLayerLine('CONV1-32 with padding 0'), 'the exam line').toEqual({
      ok: true,
      spec: { kind: 'conv', kernel: 1, filters: 32, padding: 0, stride: 1 },
    });
    const expected = { ok: true, spec: { kind: 'conv', kernel: 3, filters: 4, padding: 0, stride: 2 } };
    expect(parseLayerLine('CONV3-4 with padding 0 and stride 2'), '"and"').toEqual(expected);
    expect(parseLayerLine('CONV3-4 with padding 0 with stride 2'), 'two "with"s').toEqual(expected);
    expect(parseLayerLine('CONV3-4 WITH STRIDE 2, PADDING 0'), 'comma, upper case').toEqual(expected);
    expect(parseLayerLine('POOL-3 with stride 2'), 'overlapping pooling').toEqual({
      ok: true,
      spec: { kind: 'pool', size: 3, padding: 0, stride: 2 },
    });
  });

  it('knows the usual element-wise activations', () => {
    for (const name of ['tanh', 'Sigmoid', 'softplus', 'leaky relu', 'Leaky_ReLU', 'LeakyReLU', 'ELU', 'GELU']) {
      const parsed = parseLayerLine(name);
      expect(parsed.ok && parsed.spec.kind, `${name} is an activation`).toBe('activation');
    }
  });

  const size = (label: string, min = 1) => `${label}: enter a whole number from ${min} to 1,000,000,000.`;
  it.each([
    [
      'BANANA',
      'Unknown layer "BANANA". Use CONVk-N, POOL-n, FC-N, FLATTEN or an activation such as ReLU, tanh, sigmoid.',
    ],
    ['Input 128*128*6', 'The input volume goes in the Input field, not in the list of layers.'],
    ['CONV0-8', size('Kernel size k in CONVk-N')],
    ['CONV2.5-8', size('Kernel size k in CONVk-N')],
    ['CONV3-0', size('Number of filters N in CONVk-N')],
    ['POOL-0', size('Pooling size n in POOL-n')],
    ['FC-1.5', size('Number of neurons N in FC-N')],
    ['FC-99999999999999999999', size('Number of neurons N in FC-N')],
    ['CONV3-8 with padding -1', size('CONV padding', 0)],
    ['CONV3-8 with stride 0', size('CONV stride')],
    ['CONV3-8 with dilation 2', '"with dilation 2" is not understood: write "with padding P" or "with stride S".'],
    ['CONV3-8 with padding 0 and padding 2', 'The padding is given twice.'],
    ['ReLU with padding 1', 'ReLU has no padding or stride; only CONV and POOL layers take "with …".'],
  ])('explains what is wrong with %j', (line, message) => {
    expect(parseLayerLine(line)).toEqual({ ok: false, message });
  });

  it('reads lines with long runs of spaces in linear time', () => {
    const started = performance.now();
    expect(parseLayerLine(`CONV3-8${' '.repeat(50_000)}with${' '.repeat(50_000)}padding 0`).ok).toBe(true);
    expect(parseLayerLine(`CONV3-8${' , '.repeat(30_000)}x`).ok).toBe(false);
    expect(parseVolume(`128${' '.repeat(100_000)}*128*6`).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('parseLayers', () => {
  it('numbers lines as the editor does, skipping blank lines but not their numbers', () => {
    const parsed = parseLayers('CONV3-8\n\n  BANANA  \r\nReLU\n').lines;
    expect(
      parsed.map((entry) => [entry.line, entry.source, entry.result.ok]),
      'line numbers match the textarea',
    ).toEqual([
      [1, 'CONV3-8', true],
      [3, 'BANANA', false],
      [4, 'ReLU', true],
    ]);
  });

  it(`reads at most ${MAX_LAYER_LINES} layers and says so`, () => {
    const full = parseLayers('ReLU\n'.repeat(MAX_LAYER_LINES));
    expect([full.lines.length, full.more], 'the limit itself is read whole').toEqual([MAX_LAYER_LINES, false]);
    const over = parseLayers('ReLU\n'.repeat(5000));
    expect([over.lines.length, over.more], '5,000 lines: only the first ones are read').toEqual([
      MAX_LAYER_LINES,
      true,
    ]);
  });

  it(`refuses a layer line longer than ${MAX_LINE_LENGTH} characters (after collapsing spaces)`, () => {
    expect(parseLayerLine(`CONV3-8 with padding ${'0'.repeat(MAX_LINE_LENGTH)}`)).toEqual({
      ok: false,
      message: 'This line is longer than 200 characters; write one layer per line.',
    });
    const [row] = parseLayers(`FC-${'1'.repeat(5000)}`).lines;
    expect(row?.source.length, 'a long line is shown cut short').toBeLessThan(50);
  });
});

describe('no parser backtracks (property, seeded)', () => {
  // Pieces that start a valid layer and then go wrong far away: the inputs regular expressions choke on.
  const piece = fc.constantFrom(
    ' ',
    '  ',
    '\t',
    'x',
    ',',
    '-',
    '1',
    '.',
    'e',
    'with',
    'and',
    'padding',
    'CONV3-8',
    'POOL-',
    '*',
    '(',
    ')',
  );
  const adversarial = fc.tuple(
    fc.constantFrom('CONV3-8', 'conv', 'POOL-2', 'FC-', 'max pool', '128*', '('),
    fc.array(piece, { minLength: 1, maxLength: 8 }),
  );

  it('reads long adversarial lines in time proportional to their length', () => {
    fc.assert(
      fc.property(adversarial, fc.integer({ min: 1_000, max: 20_000 }), ([start, pieces], repeat) => {
        const line = `${start}${pieces.join('').repeat(Math.ceil(repeat / Math.max(1, pieces.join('').length)))}x`;
        // The best of three runs, so a garbage collection or a compile (other tests and tools share
        // the machine) is not taken for the parser's own time.
        const times = [0, 1, 2].map(() => {
          const started = performance.now();
          parseLayerLine(line);
          parseLayers(line);
          parseVolume(line);
          return performance.now() - started;
        });
        // Linear: 20,000 characters within the 100 ms an interaction may take; a quadratic scan takes seconds.
        const bound = 20 + line.length / 250;
        expect(
          Math.min(...times),
          `${line.length} characters starting ${JSON.stringify(line.slice(0, 30))}`,
        ).toBeLessThan(bound);
      }),
      { seed: 230, numRuns: 200 },
    );
  });
});

describe('parseVolume', () => {
  it.each([
    '128*128*6',
    '128x128x6',
    '128×128×6',
    '128 * 128 * 6',
    ' 128 x 128 x 6 ',
    '(128, 128, 6)',
    '128 \\times 128 \\times 6',
  ])('accepts %j', (text) => {
    expect(parseVolume(text), `"${text}" is 128*128*6`).toEqual({ ok: true, volume: { h: 128, w: 128, c: 6 } });
  });

  it.each([
    ['', /Enter the input volume as H\*W\*C/],
    ['128*128', /is not a volume: write height\*width\*channels/],
    ['128**6', /is not a volume/],
    ['0*128*6', /^Height H: enter a whole number from 1 to 1,000,000,000\.$/],
    ['128*12.5*6', /^Width W: enter a whole number/],
    ['128*128*abc', /^Number of channels C: enter a whole number/],
    ['128*128*Infinity', /^Number of channels C: enter a whole number/],
  ])('explains what is wrong with %j', (text, message) => {
    const parsed = parseVolume(text);
    expect(parsed.ok, `"${text}" is rejected`).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
