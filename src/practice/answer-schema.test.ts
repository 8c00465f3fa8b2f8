import { describe, expect, it } from 'vitest';
import { problemSchema } from '../exams/schema';

const problem = (answer: unknown) => ({
  exam: 'tiny',
  number: 1,
  title: 'Warm-up',
  points: 2,
  topics: ['Basics'],
  parts: [{ id: 'a', title: 'First', points: 2, answer }],
});

const messages = (answer: unknown) =>
  (problemSchema.safeParse(problem(answer)).error?.issues ?? []).map(
    (issue) => `${issue.path.join('.')}: ${issue.message}`,
  );

describe('the `answer` key of a part', () => {
  it.each([
    { choices: ['i', 'iii'] },
    { number: 59 },
    { number: 0.5, tolerance: { abs: 0.01, rel: 0.02 } },
    { computed: 'mlp-parameters', input: 4, layers: [7, 3] },
    { computed: 'conv-output-choice', input: '15x15x3', layer: 'CONV3-15' },
  ])('accepts %j', (answer) => {
    expect(messages(answer)).toEqual([]);
  });

  it.each([
    { choice: ['i'] },
    { number: '59' },
    { choices: [] },
    { computed: 'magic' },
    { number: 1, tolerance: { abs: -1 } },
    { computed: 'conv-output-choice', input: '15x15x3' },
    { computed: 'cnn-table', network: 'CONV3-15' },
  ])('rejects %j with a message showing the forms', (answer) => {
    const found = messages(answer);
    expect(found.length, JSON.stringify(found)).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(/^parts\.0\.answer/);
  });

  it('shows every accepted form when the key is unrecognisable', () => {
    expect(messages({ choice: ['i'] })).toEqual([
      'parts.0.answer: an `answer` is `{ choices: [i, iii] }`, `{ number: 59 }` (optionally with `tolerance: { abs: 0.5, rel: 0.01 }`), or computed by a tool: `{ computed: mlp-parameters, input: 4, layers: [7, 3] }`, `{ computed: conv-output-choice, input: "15x15x3", layer: "CONV3-15" }` (the option stating that output shape) or `{ computed: cnn-table }` (every cell of the part’s `network` table)',
    ]);
  });

  it('needs the part’s network for a computed table, and accepts it with one', () => {
    expect(messages({ computed: 'cnn-table' })).toEqual([
      'parts.0.answer: part a: `answer: { computed: cnn-table }` grades the table of the part’s `network`; add `network: { input: "128*128*6", layers: … }` to the part',
    ]);
    const withNetwork = problem({ computed: 'cnn-table' });
    withNetwork.parts[0] = { ...withNetwork.parts[0], network: { input: '8*8*2', layers: 'CONV3-4' } } as never;
    expect(problemSchema.safeParse(withNetwork).error?.issues ?? []).toEqual([]);
  });
});
