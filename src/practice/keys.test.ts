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
      { id: 'a', options: ['i', 'ii', 'iii'], hasSolution: true, hasVariantQuestion: false },
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
