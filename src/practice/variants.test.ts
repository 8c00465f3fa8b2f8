import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { problemSchema, type VariantData } from '../exams/schema';
import { mulberry32 } from '../maths/random';
import { parseLayerLine } from '../tools/cnn-calculator/cnn-notation';
import {
  checkVariantAnswer,
  formatVariantAnswer,
  MAX_SEED,
  parseVariantParam,
  variantGenerator,
  variantParam,
  type PageVariant,
  type Variant,
} from './variants';

/** Both ends of the seed range, then 2,000 seeds from a seeded generator. */
const uniform = mulberry32(2021);
const seeds = [0, MAX_SEED, ...Array.from({ length: 2000 }, () => Math.floor(uniform() * MAX_SEED))];

function generator(page: PageVariant): (seed: number) => Variant {
  const setup = variantGenerator(page);
  if (!setup.ok) throw new Error(`expected a generator: ${setup.message}`);
  return setup.generate;
}

/** The numbers a test template lists, separated by semicolons ("12;3;1,024" → [12, 3, 1024]). */
const numbersOf = (question: string): number[] => question.split(';').map((text) => Number(text.replaceAll(',', '')));

type Ranges<Kind extends VariantData['kind']> = Extract<VariantData, { kind: Kind }>['ranges'];

const within = ([low, high]: readonly [number, number], value: number) => value >= low && value <= high;

const mlp = (ranges: Ranges<'mlp-parameters'>, template: string): PageVariant => ({
  variant: { kind: 'mlp-parameters', template, ranges },
});

const conv = (ranges: Ranges<'conv-output'>): PageVariant => ({
  variant: { kind: 'conv-output', template: '{size};{channels};{filters};{kernel};{padding};{stride}', ranges },
});

const problem5Network = {
  input: '128*128*6',
  layers: 'CONV5-8\nReLU\nCONV3-16\nPOOL-2\nCONV2-64\nCONV1-32 with padding 0\nPOOL-2\nPOOL-2\nFLATTEN\nFC-27',
};

const cnn = (ranges: Ranges<'cnn-parameters'>, network: PageVariant['network'] = problem5Network): PageVariant => ({
  variant: { kind: 'cnn-parameters', template: '{size};{channels};{count}', ranges },
  network,
});

describe('mlp-parameters variants', () => {
  const ranges: Ranges<'mlp-parameters'> = { input: [1, 40], depth: [1, 5], width: [1, 40] };
  const generate = generator(mlp(ranges, '{input};{depth};{output}'));

  it('draw sizes within the ranges and count them as an independent sum of weights and biases', () => {
    for (const seed of seeds) {
      const variant = generate(seed);
      const [input = 0, depth = 0, output = 0] = numbersOf(variant.question);
      expect(within(ranges.input, input) && within(ranges.depth, depth), `seed ${seed}: ${variant.question}`).toBe(
        true,
      );
      const widths = variant.working.slice(0, -1).map((line) => Number(/, (\d+) neurons/.exec(line)?.[1]));
      expect(widths, `seed ${seed}: one working line per layer`).toHaveLength(depth);
      expect(
        widths.every((width) => within(ranges.width, width)),
        `seed ${seed}: widths in range`,
      ).toBe(true);
      expect(widths.at(-1), `seed ${seed}: {output} is the last width`).toBe(output);
      let inputs = input;
      let total = 0;
      for (const width of widths) {
        total += inputs * width + width;
        inputs = width;
      }
      expect(variant.answer, `seed ${seed}: the answer is the count`).toEqual({ kind: 'number', value: total });
    }
  });

  it('reproduce the same question and answer from the same seed, and change with the seed', () => {
    expect(generate(1234), 'same seed, same variant').toEqual(generate(1234));
    const questions = new Set(seeds.slice(0, 50).map((seed) => generate(seed).question));
    expect(questions.size, '50 seeds give many different questions').toBeGreaterThan(40);
  });

  it('fill the 2(a) template like the exam’s wording', () => {
    const twoA = generator(
      mlp(
        { input: [4, 4], depth: [2, 2], width: [7, 7] },
        'A {depth}-layer neural network that has {width1} neurons in the first layer and {width2} neurons in the output layer takes in a {input}-dimensional input vector.',
      ),
    )(5);
    expect(twoA.question).toBe(
      'A 2-layer neural network that has 7 neurons in the first layer and 7 neurons in the output layer takes in a 4-dimensional input vector.',
    );
    expect(twoA.working, 'the working shows every layer and the total').toEqual([
      'Layer 1 (4 inputs, 7 neurons): 4*7 + 7 = 35',
      'Layer 2 (7 inputs, 7 neurons): 7*7 + 7 = 56',
      'Total: 35 + 56 = 91',
    ]);
  });

  it('list every width in {widths}', () => {
    const question = generator(mlp({ input: [3, 3], depth: [3, 3], width: [5, 5] }, '{widths}'))(9).question;
    expect(question).toBe('5, 5 and 5');
  });
});

describe('conv-output variants', () => {
  const ranges: Ranges<'conv-output'> = {
    size: [1, 40],
    channels: [1, 8],
    filters: [1, 32],
    kernel: [1, 9],
    padding: [0, 4],
    stride: [1, 4],
  };
  const generate = generator(conv(ranges));

  it('are always well-posed: kernel within the padded input, whole positive output, padding at most half the kernel', () => {
    for (const seed of seeds) {
      const variant = generate(seed);
      const [size = 0, channels = 0, filters = 0, kernel = 0, padding = 0, stride = 0] = numbersOf(variant.question);
      const where = `seed ${seed}: ${variant.question}`;
      expect(within(ranges.size, size) && within(ranges.channels, channels), where).toBe(true);
      expect(within(ranges.filters, filters) && within(ranges.kernel, kernel), where).toBe(true);
      expect(within(ranges.padding, padding) && within(ranges.stride, stride), where).toBe(true);
      expect(2 * padding, `${where}: padding at most half the kernel`).toBeLessThanOrEqual(kernel);
      expect(size + 2 * padding, `${where}: the kernel fits the padded input`).toBeGreaterThanOrEqual(kernel);
      expect((size + 2 * padding - kernel) % stride, `${where}: the stride divides evenly`).toBe(0);
      const out = (size + 2 * padding - kernel) / stride + 1;
      expect(variant.answer, where).toEqual({ kind: 'shape', volume: { h: out, w: out, c: filters } });
    }
  });

  it('reach every kernel, padding and stride the ranges allow', () => {
    const seen = new Set(
      // kernel/padding/stride
      seeds.map((seed) => numbersOf(generate(seed).question).slice(3).join('/')),
    );
    // kernel 1..9 with padding 0..min(4, kernel/2), times 4 strides: 9·… combinations, all drawn.
    let allowed = 0;
    for (let kernel = 1; kernel <= 9; kernel += 1) allowed += (Math.min(4, Math.floor(kernel / 2)) + 1) * 4;
    expect(seen.size, 'every allowed combination fits some size from 1 to 40, and 2,000 draws find them').toBe(allowed);
  });

  it('show the working of the 1(g) computation', () => {
    const variant = generator(
      conv({ size: [15, 15], channels: [3, 3], filters: [15, 15], kernel: [3, 3], padding: [1, 1], stride: [1, 1] }),
    )(7);
    expect(variant.working).toEqual([
      'Height and width: (15 + 2*1 - 3)/1 + 1 = 15; channels = 15 filters',
      'Output: 15 × 15 × 15',
    ]);
  });

  it('refuse ranges without a single well-posed question, saying what to change', () => {
    const setup = variantGenerator(
      conv({ size: [1, 3], channels: [1, 1], filters: [1, 1], kernel: [7, 9], padding: [0, 0], stride: [1, 1] }),
    );
    expect(!setup.ok && setup.message).toMatch(/^no kernel, padding and stride of the ranges fit an input size/);
  });
});

describe('cnn-parameters variants (Problem 5’s network)', () => {
  const ranges: Ranges<'cnn-parameters'> = { size: [8, 160], channels: [1, 8], filters: [1, 64], units: [1, 64] };
  const generate = generator(cnn(ranges));

  /** An independent walk through the layers: sizes must stay whole and positive; returns the total. */
  function independentTotal(size: number, channels: number, layers: readonly string[], where: string): number {
    let volume = { n: size, c: channels };
    let vector: number | undefined;
    let total = 0;
    for (const line of layers) {
      const parsed = parseLayerLine(line);
      if (!parsed.ok) throw new Error(`${where}: "${line}" does not parse`);
      const spec = parsed.spec;
      const slide = (kernel: number, padding: number, stride: number) => {
        const span = volume.n + 2 * padding - kernel;
        expect(span >= 0 && span % stride === 0, `${where}: ${line} on ${volume.n} is whole and fits`).toBe(true);
        return span / stride + 1;
      };
      if (spec.kind === 'conv') {
        total += spec.filters * (spec.kernel * spec.kernel * volume.c + 1);
        volume = { n: slide(spec.kernel, spec.padding, spec.stride), c: spec.filters };
      } else if (spec.kind === 'pool') volume = { n: slide(spec.size, spec.padding, spec.stride), c: volume.c };
      else if (spec.kind === 'flatten') vector = volume.n * volume.n * volume.c;
      else if (spec.kind === 'fc') {
        total += ((vector ?? 0) + 1) * spec.units;
        vector = spec.units;
      }
    }
    return total;
  }

  it('keep the layer structure, draw counts within the ranges, and are always well-posed', () => {
    const kinds = problem5Network.layers.split('\n').map((line) => line.replace(/\d+/g, 'n'));
    for (const seed of seeds.slice(0, 500)) {
      const variant = generate(seed);
      const where = `seed ${seed}: ${variant.question}`;
      const [size = 0, channels = 0, count = 0] = numbersOf(variant.question);
      expect(within(ranges.size, size) && within(ranges.channels, channels), where).toBe(true);
      expect(count, where).toBe(10);
      expect(
        variant.layers.map((line) => line.replace(/\d+/g, 'n')),
        `${where}: same layers, new counts`,
      ).toEqual(kinds);
      const counts = variant.layers.flatMap((line) => (/^(?:CONV\d+|FC)-(\d+)/.exec(line)?.slice(1) ?? []).map(Number));
      expect(
        counts.every((n) => n >= 1 && n <= 64),
        `${where}: filters and units within the ranges`,
      ).toBe(true);
      expect(variant.answer, where).toEqual({
        kind: 'number',
        value: independentTotal(size, channels, variant.layers, where),
      });
    }
  });

  it('draw only input sizes that go through every layer evenly (multiples of 8 for this network)', () => {
    const sizes = new Set(seeds.slice(0, 500).map((seed) => numbersOf(generate(seed).question)[0] ?? 0));
    expect(
      [...sizes].every((size) => size % 8 === 0),
      'every size is a multiple of 8',
    ).toBe(true);
    expect(sizes.size, 'and all 20 of them (8 to 160) are drawn').toBe(20);
  });

  it('reproduce the exam’s own total on the exam’s own numbers', () => {
    const exam = generator(cnn({ size: [128, 128], channels: [6, 6], filters: [8, 8], units: [27, 27] }))(3);
    expect(exam.layers, 'kernels, paddings and pools kept; every filter count 8').toEqual([
      'CONV5-8',
      'ReLU',
      'CONV3-8',
      'POOL-2',
      'CONV2-8',
      'CONV1-8 with padding 0',
      'POOL-2',
      'POOL-2',
      'FLATTEN',
      'FC-27',
    ]);
    // 8·(5·5·6 + 1) + 8·(3·3·8 + 1) + 8·(2·2·8 + 1) + 8·(1·1·8 + 1) + (16·16·8 + 1)·27
    expect(exam.answer).toEqual({ kind: 'number', value: 57_451 });
    expect(exam.working.at(-1), 'the working ends with the sum').toBe(
      'Total: 1208 + 0 + 584 + 0 + 264 + 72 + 0 + 0 + 0 + 55323 = 57451',
    );
  });

  it('refuse a network with an unreadable line or no size that fits, naming the line or the range', () => {
    const broken = variantGenerator(cnn(ranges, { input: '8*8*1', layers: 'CONV3-4\nPOOLING' }));
    expect(!broken.ok && broken.message).toMatch(/^the network’s line 2 \(“POOLING”\): Unknown layer "POOLING"/);
    const odd = variantGenerator(cnn({ ...ranges, size: [9, 15] }));
    expect(!odd.ok && odd.message).toBe(
      'no input size from 9 to 15 goes through every layer of the network with whole-number sizes; widen `ranges.size`',
    );
  });
});

describe('the variant in the address', () => {
  it('is the part anchor and the seed', () => {
    expect(variantParam('2a', 1234)).toBe('2a-1234');
    expect(parseVariantParam('2a-1234')).toEqual({ anchor: '2a', seed: 1234 });
    expect(parseVariantParam('5table-0')).toEqual({ anchor: '5table', seed: 0 });
    expect(parseVariantParam(`1g-${MAX_SEED}`), 'the largest seed').toEqual({ anchor: '1g', seed: MAX_SEED });
  });

  it('refuses anything else', () => {
    for (const bad of ['2a', '-12', '2a-', '2a-12x', '2A-12', '2a-1e3', `2a-${MAX_SEED + 1}`, '2a-12345678901', '']) {
      expect(parseVariantParam(bad), `"${bad}" is not a variant`).toBeNull();
    }
  });
});

describe('checking a variant answer', () => {
  const count = { kind: 'number', value: 1234 } as const;
  const shape = { kind: 'shape', volume: { h: 15, w: 15, c: 12 } } as const;

  it('accepts the count in any notation the answer field reads', () => {
    for (const text of ['1234', ' 1,234 ', '1.234e3', '2468/2']) {
      expect(checkVariantAnswer(count, text), text).toEqual({ ok: true, correct: true });
    }
    expect(checkVariantAnswer(count, '1233'), 'off by one is wrong').toEqual({ ok: true, correct: false });
    expect(checkVariantAnswer(count, 'lots'), 'not a number').toMatchObject({
      ok: false,
      message: expect.stringContaining('“lots” is not a number') as string,
    });
  });

  it('accepts a shape written with x, × or commas', () => {
    for (const text of ['15x15x12', '15 × 15 × 12', '(15, 15, 12)', '15*15*12']) {
      expect(checkVariantAnswer(shape, text), text).toEqual({ ok: true, correct: true });
    }
    expect(checkVariantAnswer(shape, '15x15x15'), 'channels wrong').toEqual({ ok: true, correct: false });
    expect(checkVariantAnswer(shape, '12x15x15'), 'height and channels swapped').toEqual({ ok: true, correct: false });
  });

  it('explains an entry that is not a shape, instead of marking it wrong', () => {
    expect(checkVariantAnswer(shape, '  ')).toEqual({
      ok: false,
      message: 'Type your answer first. Write the shape as height × width × channels, e.g. 8 x 8 x 16.',
    });
    expect(checkVariantAnswer(shape, '15x15')).toMatchObject({
      ok: false,
      message: expect.stringContaining('is not a volume') as string,
    });
    expect(checkVariantAnswer(shape, '15x0x12')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Width W') as string,
    });
  });

  it('states the answer as the working does', () => {
    expect(formatVariantAnswer(count)).toBe('1,234');
    expect(formatVariantAnswer(shape)).toBe('15 × 15 × 12');
  });
});

describe('the variants in the content', () => {
  const examsDir = 'content/exams';
  const variants = readdirSync(examsDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mdx') && !file.endsWith('index.mdx'))
    .flatMap((file) => {
      const [, frontmatter = ''] = readFileSync(join(examsDir, file), 'utf8').split('---\n');
      const problem = problemSchema.parse(parse(frontmatter));
      return problem.parts.flatMap((part) =>
        part.variant
          ? [{ where: `${file}, part ${part.id}`, page: { variant: part.variant, network: part.network } }]
          : [],
      );
    });

  it('include 1(g), 2(a) and Problem 5', () => {
    expect(variants.map(({ where }) => where).sort()).toEqual([
      'cs230-fall-2021-midterm/01-multiple-choice.mdx, part g',
      'cs230-fall-2021-midterm/02-short-answers.mdx, part a',
      'cs230-fall-2021-midterm/05-cnns.mdx, part table',
    ]);
  });

  it('each draw 500 complete questions with answers', () => {
    for (const { where, page } of variants) {
      const generate = generator(page);
      for (const seed of seeds.slice(0, 500)) {
        const variant = generate(seed);
        expect(variant.question, `${where}, seed ${seed}: no placeholder left`).not.toMatch(/[{}]/);
        expect(formatVariantAnswer(variant.answer), `${where}, seed ${seed}`).not.toMatch(/NaN|undefined|Infinity/);
      }
    }
  });
});
