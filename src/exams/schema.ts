import { z } from 'astro/zod';
import { describeUnknownKeys } from './did-you-mean';
import { samePoints, sumPoints } from './points';
import { knownPlaceholders, scanTemplate, unknownPlaceholders, variantKinds } from './variant-template';

/**
 * The frontmatter contract for exam content. Messages are written for course staff editing
 * MDX, not for developers: they say what is expected and give an example.
 */

function required(field: string, example: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined
        ? `\`${field}\` is missing; add e.g. \`${field}: ${example}\``
        : `\`${field}\` has the wrong type; expected e.g. \`${field}: ${example}\``,
  };
}

/**
 * Objects reject keys they do not know: a misspelt optional key (`errrata:`, `pts:`) would
 * otherwise be dropped silently and publish an exam without its errata or a problem without scores.
 */
function strict<Shape extends z.ZodRawShape>(shape: Shape, where: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? describeUnknownKeys(issue.keys, known, where) : undefined),
  });
}

const seasons = ['Winter', 'Spring', 'Summer', 'Fall'] as const;

export const examSchema = strict(
  {
    course: z.string(required('course', 'CS230')).min(1),
    courseTitle: z.string(required('courseTitle', 'Deep Learning')).min(1),
    institution: z.string(required('institution', 'Stanford University')).min(1),
    term: z
      .string(required('term', 'Fall 2021'))
      .regex(/^(Winter|Spring|Summer|Fall) \d{4}$/, '`term` must be a season and a year, e.g. `term: Fall 2021`'),
    title: z.string(required('title', 'Midterm Examination')).min(1),
    durationMinutes: z.number(required('durationMinutes', '180')).int().positive('`durationMinutes` must be positive'),
    totalPoints: z.number(required('totalPoints', '102')).positive('`totalPoints` must be positive'),
    errata: z
      .array(
        strict(
          {
            where: z.string(required('where', '"3(e)"')).min(1),
            original: z.string(required('original', '"…as printed…"')).min(1),
            corrected: z.string(required('corrected', '"…as shown here…"')).min(1),
          },
          'erratum',
        ),
      )
      .default([]),
  },
  'exam',
);

/**
 * A part's answer key: the options a multiple-choice part marks correct (ids as the `<Options>` list
 * labels them, `(iii)` → `iii`), a number with an optional tolerance, or the name of a tool that
 * computes the number from the network given with it. A part without a key is self-graded.
 */
const toleranceSchema = strict(
  {
    abs: z.number('`tolerance.abs` must be a number').nonnegative('`tolerance.abs` cannot be negative').optional(),
    rel: z.number('`tolerance.rel` must be a number').nonnegative('`tolerance.rel` cannot be negative').optional(),
  },
  'answer tolerance',
);

const answerSchema = z.union(
  [
    strict(
      {
        choices: z
          .array(
            z.string().regex(/^[A-Za-z0-9]+$/, 'an option id is a label such as `i`, `iii` or `B`'),
            required('choices', '[i, iii]'),
          )
          .min(1, 'a multiple-choice key lists at least one correct option, e.g. `answer: { choices: [i, iii] }`'),
      },
      'answer',
    ),
    strict(
      {
        number: z.number(required('number', '59')),
        tolerance: toleranceSchema.optional(),
      },
      'answer',
    ),
    strict(
      {
        computed: z.literal('mlp-parameters'),
        input: z.number(required('input', '4')).int().positive(),
        layers: z.array(z.number().int().positive(), required('layers', '[7, 3]')).min(1),
        tolerance: toleranceSchema.optional(),
      },
      'answer',
    ),
    // The key of a multiple-choice part is the option whose text states the output shape of one
    // convolution, computed by the CNN calculator (or "None of the above"); see src/practice/keys.ts.
    strict(
      {
        computed: z.literal('conv-output-choice'),
        input: z.string(required('input', '"15x15x3"')).min(1),
        layer: z.string(required('layer', '"CONV3-15 with padding 1 with stride 1"')).min(1),
      },
      'answer',
    ),
    // Every cell of the part's `network` table (output volume and parameter count per layer).
    strict({ computed: z.literal('cnn-table') }, 'answer'),
  ],
  {
    error: () =>
      'an `answer` is `{ choices: [i, iii] }`, `{ number: 59 }` (optionally with `tolerance: { abs: 0.5, rel: 0.01 }`), or computed by a tool: `{ computed: mlp-parameters, input: 4, layers: [7, 3] }`, `{ computed: conv-output-choice, input: "15x15x3", layer: "CONV3-15" }` (the option stating that output shape) or `{ computed: cnn-table }` (every cell of the part’s `network` table)',
  },
);

/**
 * A range a variant draws a whole number from: `[min, max]`, or one number for a fixed value. The
 * limits keep every question readable and every count exact.
 */
function range(name: string, min: 0 | 1, max: number, example: string) {
  const expected = `\`ranges.${name}\` is a whole number or a range \`[low, high]\` from ${min} to ${max}, e.g. \`${name}: ${example}\``;
  const bound = z
    .number({ error: () => expected })
    .int(expected)
    .min(min, expected)
    .max(max, expected);
  return z
    .union([bound, z.tuple([bound, bound])], { error: () => expected })
    .transform((value): [number, number] => (typeof value === 'number' ? [value, value] : value))
    .refine(([low, high]) => low <= high, `\`ranges.${name}\`: the low end comes first, e.g. \`${name}: ${example}\``);
}

const template = z
  .string(required('template', '"A {depth}-layer network … {input}-dimensional input …"'))
  .min(1, '`template` is the question with placeholders such as {input}');

/** "New numbers": how a computable part draws a fresh question (see src/practice/variants.ts). */
const variantSchema = z.discriminatedUnion(
  'kind',
  [
    strict(
      {
        kind: z.literal('mlp-parameters'),
        template,
        ranges: strict(
          {
            input: range('input', 1, 10_000, '[2, 12]'),
            depth: range('depth', 1, 10, '2'),
            width: range('width', 1, 10_000, '[2, 12]'),
          },
          'variant ranges',
        ),
      },
      'variant',
    ),
    strict(
      {
        kind: z.literal('conv-output'),
        template,
        ranges: strict(
          {
            size: range('size', 1, 512, '[5, 32]'),
            channels: range('channels', 1, 512, '[1, 8]'),
            filters: range('filters', 1, 512, '[1, 32]'),
            kernel: range('kernel', 1, 15, '[1, 7]'),
            padding: range('padding', 0, 10, '[0, 3]'),
            stride: range('stride', 1, 8, '[1, 3]'),
          },
          'variant ranges',
        ),
      },
      'variant',
    ),
    strict(
      {
        kind: z.literal('cnn-parameters'),
        template,
        ranges: strict(
          {
            size: range('size', 1, 512, '[16, 128]'),
            channels: range('channels', 1, 64, '[1, 8]'),
            filters: range('filters', 1, 512, '[2, 64]'),
            units: range('units', 1, 1000, '[2, 64]'),
          },
          'variant ranges',
        ),
      },
      'variant',
    ),
  ],
  { error: () => `\`variant.kind\` is one of ${variantKinds.join(', ')}` },
);

/** A CNN in the calculator's notation (src/tools/cnn-calculator/cnn-notation.ts). */
const networkSchema = strict(
  {
    input: z.string(required('input', '"128*128*6"')).min(1),
    layers: z.string(required('layers', '"CONV5-8\\nReLU\\nFC-27"')).min(1),
  },
  'network',
);

const partSchema = strict(
  {
    id: z
      .string(required('id', 'a'))
      .regex(/^[a-z0-9]+$/, 'a part `id` is a short lowercase label such as `a`, `iv` or `table`'),
    title: z.string(required('title', '"Hyperparameters"')).min(1),
    points: z.number('a part’s `points` must be a number').positive('a part’s `points` must be positive').optional(),
    answer: answerSchema.optional(),
    /** The network a CNN question is about, read by the MDX body (`frontmatter.parts`) and a `cnn-parameters` variant. */
    network: networkSchema.optional(),
    variant: variantSchema.optional(),
  },
  'part',
);

type PartData = z.infer<typeof partSchema>;

/** A key computed from the part's own data needs that data. */
function answerProblems(part: PartData): Array<{ path: string[]; message: string }> {
  if (!part.answer || !('computed' in part.answer) || part.answer.computed !== 'cnn-table' || part.network) return [];
  return [
    {
      path: ['answer'],
      message: `part ${part.id}: \`answer: { computed: cnn-table }\` grades the table of the part’s \`network\`; add \`network: { input: "128*128*6", layers: … }\` to the part`,
    },
  ];
}

/** Checks of a variant that need its part: placeholders the kind fills, and the network it draws from. */
function variantProblems(part: PartData): Array<{ path: string[]; message: string }> {
  const { variant } = part;
  if (!variant) return [];
  const where = `part ${part.id}: \`variant.template\``;
  const problems: Array<{ path: string[]; message: string }> = [];
  const scanned = scanTemplate(variant.template);
  // The depth range decides which {widthN} exist; when it is itself invalid its own message suffices.
  const depth: unknown = variant.kind === 'mlp-parameters' ? variant.ranges.depth : [0];
  const known = Array.isArray(depth) ? knownPlaceholders(variant.kind, Number(depth[0])) : undefined;
  if (!scanned.ok) problems.push({ path: ['variant', 'template'], message: `${where}: ${scanned.message}` });
  else if (known) {
    const unknown = unknownPlaceholders(scanned.pieces, known);
    if (unknown.length > 0) {
      problems.push({
        path: ['variant', 'template'],
        message: `${where} uses ${unknown.map((name) => `{${name}}`).join(', ')}, which a ${variant.kind} variant does not fill; it fills ${known.map((name) => `{${name}}`).join(', ')}`,
      });
    }
  }
  if (variant.kind === 'cnn-parameters' && !part.network) {
    problems.push({
      path: ['variant'],
      message: `part ${part.id}: a cnn-parameters variant keeps the layers of the part’s \`network\`; add \`network: { input: "128*128*6", layers: … }\` to the part`,
    });
  }
  return problems;
}

export const problemSchema = strict(
  {
    exam: z.string(required('exam', 'cs230-fall-2021-midterm')).min(1),
    number: z
      .number(required('number', '3'))
      .int('`number` must be a whole number')
      .positive('`number` must be positive'),
    title: z.string(required('title', 'Weight Initialization')).min(1),
    points: z.number(required('points', '20')).positive('`points` must be positive'),
    topics: z
      .array(z.string().min(1), required('topics', '["Convolutional networks"]'))
      .min(1, 'list at least one topic'),
    parts: z
      .array(partSchema, required('parts', '[{ id: a, title: "…", points: 4 }]'))
      .min(1, 'list at least one part'),
  },
  'problem',
).superRefine((problem, context) => {
  const ids = problem.parts.map((part) => part.id);
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length > 0) {
    context.addIssue({
      code: 'custom',
      path: ['parts'],
      message: `part ids must be unique; repeated: ${repeated.join(', ')}`,
    });
  }
  for (const [index, part] of problem.parts.entries()) {
    for (const { path, message } of [...answerProblems(part), ...variantProblems(part)]) {
      context.addIssue({ code: 'custom', path: ['parts', index, ...path], message });
    }
  }
  const scored = problem.parts.filter((part) => part.points !== undefined);
  if (scored.length === 0) return;
  if (scored.length !== problem.parts.length) {
    const unscored = problem.parts.filter((part) => part.points === undefined).map((part) => part.id);
    context.addIssue({
      code: 'custom',
      path: ['parts'],
      message: `either every part has \`points\` or none does; missing on: ${unscored.join(', ')}`,
    });
    return;
  }
  const sum = sumPoints(scored.map((part) => part.points ?? 0));
  if (!samePoints(sum, problem.points)) {
    const breakdown = scored.map((part) => `${part.id}: ${part.points ?? 0}`).join(' + ');
    context.addIssue({
      code: 'custom',
      path: ['parts'],
      message: `sub-part points add up to ${sum} (${breakdown}) but the problem is worth ${problem.points}`,
    });
  }
});

export type ExamData = z.infer<typeof examSchema>;
export type ProblemData = z.infer<typeof problemSchema>;
export type AnswerKeyData = z.infer<typeof answerSchema>;
export type VariantData = z.infer<typeof variantSchema>;
export type NetworkData = z.infer<typeof networkSchema>;

/** Newest first: by year, then by season within the academic calendar. */
export function termSortKey(term: string): number {
  const [season, year] = term.split(' ');
  return Number(year) * 10 + seasons.indexOf(season as (typeof seasons)[number]);
}

/** "03-weight-initialization" → "weight-initialization": the page's URL segment. */
export function problemSlugFromFile(fileStem: string): string {
  return fileStem.replace(/^\d+-/, '');
}
