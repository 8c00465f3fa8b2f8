import { describe, expect, it } from 'vitest';
import { examSchema, problemSchema, problemSlugFromFile, termSortKey } from './schema';

const validProblem = {
  exam: 'tiny',
  number: 1,
  title: 'Warm-up',
  points: 4,
  topics: ['Basics'],
  parts: [
    { id: 'a', title: 'First', points: 2 },
    { id: 'b', title: 'Second', points: 2 },
  ],
};

const validExam = {
  course: 'TEST101',
  courseTitle: 'Testing',
  institution: 'Example University',
  term: 'Spring 2024',
  title: 'Fixture Quiz',
  durationMinutes: 30,
  totalPoints: 10,
};

function messagesOf(result: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('problem frontmatter', () => {
  it('accepts a well-formed problem', () => {
    expect(messagesOf(problemSchema.safeParse(validProblem))).toEqual([]);
  });

  it('names a missing field and shows an example', () => {
    const { title: _omitted, ...withoutTitle } = validProblem;
    expect(messagesOf(problemSchema.safeParse(withoutTitle))).toEqual([
      'title: `title` is missing; add e.g. `title: Weight Initialization`',
    ]);
  });

  it('names a mistyped field', () => {
    expect(messagesOf(problemSchema.safeParse({ ...validProblem, points: 'four' }))).toContain(
      'points: `points` has the wrong type; expected e.g. `points: 20`',
    );
  });

  it('says when sub-part points do not sum to the problem points, with the breakdown', () => {
    const parts = [
      { id: 'a', title: 'First', points: 2 },
      { id: 'b', title: 'Second', points: 3 },
    ];
    expect(messagesOf(problemSchema.safeParse({ ...validProblem, parts }))).toEqual([
      'parts: sub-part points add up to 5 (a: 2 + b: 3) but the problem is worth 4',
    ]);
  });

  it('allows parts without points, but not a mix', () => {
    const unscored = [{ id: 'table', title: 'Table' }];
    expect(messagesOf(problemSchema.safeParse({ ...validProblem, parts: unscored }))).toEqual([]);
    const mixed = [
      { id: 'a', title: 'First', points: 4 },
      { id: 'b', title: 'Second' },
    ];
    expect(messagesOf(problemSchema.safeParse({ ...validProblem, parts: mixed }))).toEqual([
      'parts: either every part has `points` or none does; missing on: b',
    ]);
  });

  it('rejects repeated part ids', () => {
    const parts = [
      { id: 'a', title: 'First', points: 2 },
      { id: 'a', title: 'Again', points: 2 },
    ];
    expect(messagesOf(problemSchema.safeParse({ ...validProblem, parts }))).toContain(
      'parts: part ids must be unique; repeated: a',
    );
  });
});

describe('new-numbers variants', () => {
  const withVariant = (variant: object, extra: object = {}) => ({
    ...validProblem,
    parts: [{ id: 'a', title: 'First', points: 2, variant, ...extra }, validProblem.parts[1]],
  });
  const mlp = {
    kind: 'mlp-parameters',
    template: 'A {depth}-layer network, {width1} then {width2}, {input} inputs.',
    ranges: { input: [2, 12], depth: 2, width: [2, 12] },
  };

  it('accepts a variant and reads a single number as a fixed range', () => {
    const parsed = problemSchema.parse(withVariant(mlp));
    expect(parsed.parts[0]?.variant?.ranges, 'depth: 2 becomes [2, 2]').toEqual({
      input: [2, 12],
      depth: [2, 2],
      width: [2, 12],
    });
  });

  it('names the part and the placeholders a template may use', () => {
    expect(messagesOf(problemSchema.safeParse(withVariant({ ...mlp, template: '{width3} and {layers}' })))).toEqual([
      'parts.0.variant.template: part a: `variant.template` uses {width3}, {layers}, which a mlp-parameters variant does not fill; it fills {input}, {depth}, {widths}, {output}, {width1}, {width2}',
    ]);
    expect(messagesOf(problemSchema.safeParse(withVariant({ ...mlp, template: 'A {depth layer' })))).toEqual([
      'parts.0.variant.template: part a: `variant.template`: the placeholder at character 3 is not `{name}` (letters and digits, then `}`); write `{{` for a brace',
    ]);
  });

  it('explains ranges that are out of bounds or reversed', () => {
    const ranges = { input: [12, 2], depth: 20, width: [2, 12] };
    expect(messagesOf(problemSchema.safeParse(withVariant({ ...mlp, ranges })))).toEqual([
      'parts.0.variant.ranges.input: `ranges.input`: the low end comes first, e.g. `input: [2, 12]`',
      'parts.0.variant.ranges.depth: `ranges.depth` is a whole number or a range `[low, high]` from 1 to 10, e.g. `depth: 2`',
    ]);
  });

  it('names the kinds and rejects unknown range keys', () => {
    expect(messagesOf(problemSchema.safeParse(withVariant({ ...mlp, kind: 'rnn' })))).toEqual([
      'parts.0.variant.kind: `variant.kind` is one of mlp-parameters, conv-output, cnn-parameters',
    ]);
    const ranges = { ...mlp.ranges, inputs: [2, 3] };
    expect(messagesOf(problemSchema.safeParse(withVariant({ ...mlp, ranges })))).toEqual([
      'parts.0.variant.ranges: unknown variant ranges field `inputs` (did you mean `input`?); known fields: input, depth, width',
    ]);
  });

  it('requires the part’s network for a cnn-parameters variant', () => {
    const cnn = {
      kind: 'cnn-parameters',
      template: 'How many parameters with a {input} input?',
      ranges: { size: [32, 64], channels: [1, 3], filters: [2, 8], units: [2, 8] },
    };
    expect(messagesOf(problemSchema.safeParse(withVariant(cnn)))).toEqual([
      'parts.0.variant: part a: a cnn-parameters variant keeps the layers of the part’s `network`; add `network: { input: "128*128*6", layers: … }` to the part',
    ]);
    const network = { input: '64*64*3', layers: 'CONV3-8\nFLATTEN\nFC-2' };
    expect(messagesOf(problemSchema.safeParse(withVariant(cnn, { network })))).toEqual([]);
  });
});

describe('exam frontmatter', () => {
  it('accepts a well-formed exam and defaults errata to none', () => {
    const parsed = examSchema.parse(validExam);
    expect(parsed.errata).toEqual([]);
  });

  it('explains the term format', () => {
    expect(messagesOf(examSchema.safeParse({ ...validExam, term: 'Autumn 21' }))).toEqual([
      'term: `term` must be a season and a year, e.g. `term: Fall 2021`',
    ]);
  });

  it('names a missing duration', () => {
    const { durationMinutes: _omitted, ...rest } = validExam;
    expect(messagesOf(examSchema.safeParse(rest))).toEqual([
      'durationMinutes: `durationMinutes` is missing; add e.g. `durationMinutes: 180`',
    ]);
  });
});

describe('misspelt keys', () => {
  it('rejects a misspelt optional exam key instead of dropping it', () => {
    expect(messagesOf(examSchema.safeParse({ ...validExam, errrata: [] }))).toEqual([
      ': unknown exam field `errrata` (did you mean `errata`?); known fields: course, courseTitle, institution, term, title, durationMinutes, totalPoints, errata',
    ]);
  });

  it('rejects `pts` on a part, which would make the problem unscored', () => {
    const parts = validProblem.parts.map(({ points, ...part }) => ({ ...part, pts: points }));
    expect(messagesOf(problemSchema.safeParse({ ...validProblem, parts }))).toEqual([
      'parts.0: unknown part field `pts` (did you mean `points`?); known fields: id, title, points, answer, network, variant',
      'parts.1: unknown part field `pts` (did you mean `points`?); known fields: id, title, points, answer, network, variant',
    ]);
  });

  it('accepts sub-part points that add up only in decimal arithmetic', () => {
    const parts = [
      { id: 'a', title: 'First', points: 0.1 },
      { id: 'b', title: 'Second', points: 0.2 },
    ];
    expect(messagesOf(problemSchema.safeParse({ ...validProblem, points: 0.3, parts }))).toEqual([]);
  });
});

describe('ordering and URLs', () => {
  it('sorts terms newest first by year, then season', () => {
    const terms = ['Fall 2021', 'Spring 2024', 'Winter 2022', 'Summer 2021'];
    expect([...terms].sort((a, b) => termSortKey(b) - termSortKey(a))).toEqual([
      'Spring 2024',
      'Winter 2022',
      'Fall 2021',
      'Summer 2021',
    ]);
  });

  it('drops the ordering prefix from a problem file name', () => {
    expect(problemSlugFromFile('03-weight-initialization')).toBe('weight-initialization');
    expect(problemSlugFromFile('cnns')).toBe('cnns');
  });
});
