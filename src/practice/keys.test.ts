import { describe, expect, it } from 'vitest';
import { buildProblemKeys, publicParts } from './keys';
import { readBodyParts } from './mdx-parts';

const body = `Intro.

<Part id="a">

Which?

<Options>

- (i) One
- (ii) Two $x$
- (iii) Three

</Options>

<Solution>

(i)

</Solution>

</Part>

<Part id="b">

How many?

</Part>
`;

const problem = (parts: object[]) => ({ number: 1, points: 4, parts }) as never;

describe('reading the MDX body', () => {
  it('finds option ids and solutions per part', () => {
    expect(readBodyParts(body)).toEqual([
      {
        id: 'a',
        options: [
          { id: 'i', text: 'One' },
          { id: 'ii', text: 'Two $x$' },
          { id: 'iii', text: 'Three' },
        ],
        hasSolution: true,
        hasVariantQuestion: false,
      },
      { id: 'b', options: [], hasSolution: false, hasVariantQuestion: false },
    ]);
  });
});

describe('answer keys', () => {
  it('keys choices in list order, numbers with tolerance, and computed counts', () => {
    const parts = buildProblemKeys(
      problem([
        { id: 'a', title: 'A', points: 2, answer: { choices: ['iii', 'i'] } },
        { id: 'b', title: 'B', points: 2, answer: { computed: 'mlp-parameters', input: 4, layers: [7, 3] } },
      ]),
      body,
      'p.mdx',
    );
    expect(parts.map((part) => part.key)).toEqual([
      { kind: 'choices', correct: ['i', 'iii'], options: ['i', 'ii', 'iii'] },
      { kind: 'number', value: 59, abs: 0, rel: 0 },
    ]);
    expect(publicParts(parts)).toEqual([
      { anchor: '1a', label: '1(a)', points: 2, kind: 'choices' },
      { anchor: '1b', label: '1(b)', points: 2, kind: 'number' },
    ]);
  });

  it('fails naming the file and part for an option that does not exist', () => {
    expect(() =>
      buildProblemKeys(problem([{ id: 'a', title: 'A', points: 4, answer: { choices: ['v'] } }]), body, 'p.mdx'),
    ).toThrow('p.mdx, part a: the answer names (v), which the <Options> list does not have (it has (i), (ii), (iii))');
  });

  it('fails for a part with neither a key nor a solution', () => {
    expect(() =>
      buildProblemKeys(
        problem([
          { id: 'a', title: 'A', points: 2 },
          { id: 'b', title: 'B', points: 2 },
        ]),
        body,
        'p.mdx',
      ),
    ).toThrow('p.mdx, part b: the part has no `answer` key and no <Solution>');
  });

  it('shares a problem’s points between parts that have none', () => {
    const parts = buildProblemKeys(problem([{ id: 'a', title: 'A' }]), body, 'p.mdx');
    expect(parts[0]).toMatchObject({ points: 4, kind: 'self' });
  });
});

describe('parts with new numbers', () => {
  const marked = `<Part id="a">

<div data-variant-question>

How many parameters?

</div>

</Part>
`;
  const mlp = (template: string, width: [number, number] = [2, 8]) => ({
    id: 'a',
    title: 'A',
    points: 4,
    answer: { number: 59 },
    variant: { kind: 'mlp-parameters', template, ranges: { input: [2, 8], depth: [2, 2], width } },
  });

  it('finds the marked question', () => {
    expect(readBodyParts(marked)[0], 'the part marks its question').toMatchObject({ hasVariantQuestion: true });
  });

  it('accept a variant that draws questions around a marked question', () => {
    const [part] = buildProblemKeys(problem([mlp('{input} inputs')]), marked, 'p.mdx');
    expect(part, 'the variant does not change the official key').toMatchObject({ kind: 'number' });
  });

  it('fail naming the file and part when the question is not marked, or marked without a variant', () => {
    expect(() => buildProblemKeys(problem([mlp('{input} inputs')]), body, 'p.mdx')).toThrow(
      'p.mdx, part a: the part has a `variant` but its question is not marked; wrap the text (and options) whose numbers change in <div data-variant-question> … </div>',
    );
    expect(() =>
      buildProblemKeys(problem([{ id: 'a', title: 'A', points: 4, answer: { number: 1 } }]), marked, 'p.mdx'),
    ).toThrow('p.mdx, part a: <div data-variant-question> marks a question, but the part has no `variant`');
  });

  it('fail naming the file and part when the variant cannot draw a question', () => {
    const impossible = {
      id: 'a',
      title: 'A',
      points: 4,
      answer: { number: 1 },
      variant: {
        kind: 'conv-output',
        template: '{size}',
        ranges: { size: [1, 2], channels: [1, 1], filters: [1, 1], kernel: [9, 9], padding: [0, 0], stride: [1, 1] },
      },
    };
    expect(() => buildProblemKeys(problem([impossible]), marked, 'p.mdx')).toThrow(
      'p.mdx, part a: the variant cannot draw a question: no kernel, padding and stride of the ranges fit',
    );
  });
});

describe('keys computed by the CNN calculator', () => {
  const convBody = (options: string[]) => `<Part id="g">

<Options>

${options.map((text) => `- ${text}`).join('\n')}

</Options>

<Solution>

See above.

</Solution>

</Part>
`;
  const examOptions = [
    '(i) ($15 \\times 15 \\times 3$)',
    '(ii) ($12 \\times 12 \\times 6$)',
    '(iii) ($15 \\times 15 \\times 15$)',
    '(iv) None of the above',
  ];
  const convPart = (layer = 'CONV3-15 with padding 1 with stride 1', input = '15x15x3') => ({
    id: 'g',
    title: 'G',
    points: 2,
    answer: { computed: 'conv-output-choice', input, layer },
  });
  const convKey = (options: string[], part = convPart()) =>
    buildProblemKeys(problem([{ ...part, points: 4 }]), convBody(options), 'mc.mdx')[0]?.key;

  it('keys 1(g) to the option stating the computed output shape', () => {
    expect(convKey(examOptions), '15×15×3 through CONV3-15, padding 1, stride 1 is 15×15×15').toEqual({
      kind: 'choices',
      correct: ['iii'],
      options: ['i', 'ii', 'iii', 'iv'],
    });
    expect(convKey(['(a) 15x15x15', '(b) (13, 13, 15)']), 'plain and tuple shapes are read too').toMatchObject({
      correct: ['a'],
    });
  });

  it('keys "None of the above" when no option states the shape', () => {
    expect(convKey(examOptions, convPart('CONV3-15 with padding 0')), '13×13×15 is no option').toMatchObject({
      correct: ['iv'],
    });
  });

  it('fails naming the file and part when the shape is stated twice, or nowhere with no way out', () => {
    expect(() => convKey(['(i) 15 × 15 × 15', '(ii) (15, 15, 15)', '(iii) None of the above'])).toThrow(
      'mc.mdx, part g: options (i) and (ii) all state the computed output 15 × 15 × 15 (CONV3-15 with padding 1 with stride 1 on 15x15x3); exactly one may',
    );
    expect(() => convKey(examOptions.slice(0, 2))).toThrow(
      'mc.mdx, part g: no option states the computed output 15 × 15 × 15 (CONV3-15 with padding 1 with stride 1 on 15x15x3), and there is no “None of the above” option',
    );
    expect(() => convKey(examOptions, convPart('CONV3-15\nReLU'))).toThrow('mc.mdx, part g: `layer` is one layer line');
    expect(() => convKey(examOptions, convPart('CONV99-15'))).toThrow(
      'mc.mdx, part g: the computed answer cannot be computed: Layer line 1 "CONV99-15": The kernel 99*99 is larger',
    );
  });

  const network = { input: '8*8*2', layers: 'CONV3-4\nPOOL-2\nFLATTEN\nFC-3' };
  const tableBody = '<Part id="table">\n\n<Solution>\n\nSee the table.\n\n</Solution>\n\n</Part>\n';
  const tablePart = { id: 'table', title: 'Table', points: 4, answer: { computed: 'cnn-table' }, network };

  it('keys every cell of a table part from its network, and gives the page its rows but no answers', () => {
    const [part] = buildProblemKeys(problem([tablePart]), tableBody, 'cnn.mdx');
    expect(part?.key, 'each layer’s output and parameter count, by cell id').toEqual({
      kind: 'table',
      cells: {
        '1-volume': { kind: 'shape', h: 8, w: 8, c: 4 },
        '1-params': { kind: 'count', value: 76 },
        '2-volume': { kind: 'shape', h: 4, w: 4, c: 4 },
        '2-params': { kind: 'count', value: 0 },
        '3-volume': { kind: 'count', value: 64 },
        '3-params': { kind: 'count', value: 0 },
        '4-volume': { kind: 'count', value: 3 },
        '4-params': { kind: 'count', value: 195 },
      },
    });
    expect(publicParts(part ? [part] : [])).toEqual([
      {
        anchor: '1table',
        label: 'Problem 1',
        points: 4,
        kind: 'table',
        rows: ['CONV3-4', 'POOL-2', 'FLATTEN', 'FC-3'],
      },
    ]);
  });

  it('fails naming the file and part when the network has an error', () => {
    expect(() =>
      buildProblemKeys(
        problem([{ ...tablePart, network: { ...network, layers: 'CONV3-4\nPOOL-20' } }]),
        tableBody,
        'cnn.mdx',
      ),
    ).toThrow('cnn.mdx, part table: the network\'s table cannot be computed: Layer line 2 "POOL-20"');
  });
});
