import { describe, expect, it } from 'vitest';
import { parseLayerLine, parseLayers, parseVolume } from './cnn-notation';

describe('parseLayerLine', () => {
  it('reads the exam notation with its defaults (convolutions: padding 1, stride 1; POOL-n: stride n, padding 0)', () => {
    expect(parseLayerLine('CONV5-8'), 'CONVk-N').toEqual({
      ok: true,
      spec: { kind: 'conv', kernel: 5, filters: 8, padding: 1, stride: 1 },
    });
    expect(parseLayerLine('POOL-2'), 'POOL-n').toEqual({ ok: true, spec: { kind: 'pool', size: 2, padding: 0, stride: 2 } });
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

  it.each([
    ['BANANA', /Unknown layer "BANANA"\. Use CONVk-N, POOL-n, FC-N, FLATTEN/],
    ['Input 128*128*6', /goes in the Input field/],
    ['CONV0-8', /kernel size k in CONVk-N must be at least 1, not 0/],
    ['CONV2.5-8', /kernel size k in CONVk-N must be a whole number, not 2\.5/],
    ['CONV3-0', /number of filters N in CONVk-N must be at least 1/],
    ['POOL-0', /pooling size n in POOL-n must be at least 1/],
    ['FC-1.5', /number of neurons N in FC-N must be a whole number/],
    ['FC-99999999999999999999', /too large to count exactly/],
    ['CONV3-8 with padding -1', /CONV padding must be 0 or more, not -1/],
    ['CONV3-8 with stride 0', /CONV stride must be at least 1, not 0/],
    ['CONV3-8 with dilation 2', /"with dilation 2" is not understood/],
    ['CONV3-8 with padding 0 and padding 2', /padding is given twice/],
    ['ReLU with padding 1', /ReLU has no padding or stride/],
  ])('explains what is wrong with %j', (line, message) => {
    const parsed = parseLayerLine(line);
    expect(parsed.ok, `"${line}" is rejected`).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('parseLayers', () => {
  it('numbers lines as the editor does, skipping blank lines but not their numbers', () => {
    const parsed = parseLayers('CONV3-8\n\n  BANANA  \r\nReLU\n');
    expect(
      parsed.map((entry) => [entry.line, entry.source, entry.result.ok]),
      'line numbers match the textarea',
    ).toEqual([
      [1, 'CONV3-8', true],
      [3, 'BANANA', false],
      [4, 'ReLU', true],
    ]);
  });
});

describe('parseVolume', () => {
  it.each(['128*128*6', '128x128x6', '128×128×6', '128 * 128 * 6', ' 128 x 128 x 6 ', '(128, 128, 6)', '128 \\times 128 \\times 6'])(
    'accepts %j',
    (text) => {
      expect(parseVolume(text), `"${text}" is 128*128*6`).toEqual({ ok: true, volume: { h: 128, w: 128, c: 6 } });
    },
  );

  it.each([
    ['', /Enter the input volume as H\*W\*C/],
    ['128*128', /is not a volume: write height\*width\*channels/],
    ['128**6', /is not a volume/],
    ['0*128*6', /height H must be at least 1/],
    ['128*12.5*6', /width W must be a whole number/],
    ['128*128*abc', /number of channels C, abc, is not a number/],
  ])('explains what is wrong with %j', (text, message) => {
    const parsed = parseVolume(text);
    expect(parsed.ok, `"${text}" is rejected`).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
