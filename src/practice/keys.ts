/**
 * Answer keys, built at build time from a problem's frontmatter and checked against its MDX body.
 * Only `practice-keys.json` carries the keys; pages get `PublicPart`s, which say how a part is
 * answered but never what the answer is.
 */
import type { AnswerKeyData, NetworkData, ProblemData } from '../exams/schema';
import { partAnchor, solutionLabel } from '../exams/anchors';
import { countDenseParams } from '../tools/mlp-counter/dense-params';
import { networkTable } from '../tools/cnn-calculator/cnn-official';
import { computeCnn, formatActivation, type Activation } from '../tools/cnn-calculator/cnn-shapes';
import { readBodyParts, type BodyOption, type BodyPart } from './mdx-parts';
import { isNoneOfTheAbove, shapesIn } from './option-shape';
import { cellId, type TableCell, type TableKey } from './table-grade';
import { variantGenerator } from './variants';

export interface ChoicesKey {
  kind: 'choices';
  correct: string[];
  /** Every option id, in the list's order. */
  options: string[];
}
export interface NumberKey {
  kind: 'number';
  value: number;
  abs: number;
  rel: number;
}
export type { TableKey } from './table-grade';
export type PartKey = ChoicesKey | NumberKey | TableKey | { kind: 'self' };

export interface PublicPart {
  anchor: string;
  /** "1(h)", or "Problem 5" for a part named by its title. */
  label: string;
  points: number;
  kind: PartKey['kind'];
  /** A table part's rows, one per layer line as the question prints it ("CONV5-8"): no answers. */
  rows?: string[];
}

export interface KeyedPart extends PublicPart {
  key: PartKey;
}

type ProblemInput = Pick<ProblemData, 'number' | 'points' | 'parts'>;

function choicesKey(correct: readonly string[], options: readonly string[]): ChoicesKey {
  return { kind: 'choices', correct: options.filter((id) => correct.includes(id)), options: [...options] };
}

const shapeText = (activation: Activation): string => formatActivation(activation, ' × ');

/**
 * The option whose text states the output shape of one convolution, as the CNN calculator computes
 * it; "None of the above" when no option does. Two options stating it, or none and no "None of the
 * above", is a question the key cannot be computed for.
 */
function convOutputChoice(
  answer: Extract<AnswerKeyData, { computed: 'conv-output-choice' }>,
  options: readonly BodyOption[],
  where: string,
): ChoicesKey {
  const ids = options.map((option) => option.id);
  const table = networkTable(computeCnn(answer.input, answer.layer));
  if (!table.ok) throw new Error(`${where}: the computed answer cannot be computed: ${table.problems.join(' ')}`);
  const [, layer, ...more] = table.rows;
  if (!layer || more.length > 0)
    throw new Error(`${where}: \`layer\` is one layer line, such as "CONV3-15 with padding 1 with stride 1"`);
  const { output } = layer;
  if (output.kind !== 'volume')
    throw new Error(`${where}: "${layer.layer}" outputs a vector of ${output.n}, not a volume the options can state`);
  const computed = `${shapeText(output)} (${layer.layer} on ${answer.input})`;
  const stating = options.filter((option) =>
    shapesIn(option.text).some(({ h, w, c }) => h === output.h && w === output.w && c === output.c),
  );
  const [only, ...others] = stating;
  if (only && others.length > 0) {
    throw new Error(
      `${where}: options ${stating.map((option) => `(${option.id})`).join(' and ')} all state the computed output ${computed}; exactly one may`,
    );
  }
  if (only) return choicesKey([only.id], ids);
  const none = options.find((option) => isNoneOfTheAbove(option.text));
  if (!none) {
    throw new Error(
      `${where}: no option states the computed output ${computed}, and there is no “None of the above” option`,
    );
  }
  return choicesKey([none.id], ids);
}

/** Every cell of the table of `network`: each layer's output (a shape, or a vector's length) and parameter count. */
function cnnTable(network: NetworkData | undefined, where: string): { key: TableKey; rows: string[] } {
  if (!network) throw new Error(`${where}: \`answer: { computed: cnn-table }\` needs the part’s \`network\``);
  const table = networkTable(computeCnn(network.input, network.layers));
  if (!table.ok) throw new Error(`${where}: the network's table cannot be computed: ${table.problems.join(' ')}`);
  const layers = table.rows.slice(1);
  const cells: Record<string, TableCell> = {};
  for (const [index, { output, params }] of layers.entries()) {
    cells[cellId(index + 1, 'volume')] =
      output.kind === 'volume'
        ? { kind: 'shape', h: output.h, w: output.w, c: output.c }
        : { kind: 'count', value: output.n };
    cells[cellId(index + 1, 'params')] = { kind: 'count', value: params };
  }
  return { key: { kind: 'table', cells }, rows: layers.map((row) => row.layer) };
}

function keyOf(
  part: ProblemInput['parts'][number],
  answer: AnswerKeyData,
  options: readonly BodyOption[],
  where: string,
): { key: PartKey; rows?: string[] } {
  const ids = options.map((option) => option.id);
  const needsOptions = 'choices' in answer || ('computed' in answer && answer.computed === 'conv-output-choice');
  if (needsOptions && options.length === 0) {
    throw new Error(
      `${where}: \`answer: { ${'choices' in answer ? 'choices' : 'computed: conv-output-choice'}: … }\` but the part has no <Options> list`,
    );
  }
  if ('choices' in answer) {
    const unknown = answer.choices.filter((id) => !ids.includes(id));
    if (unknown.length > 0) {
      throw new Error(
        `${where}: the answer names ${unknown.map((id) => `(${id})`).join(', ')}, which the <Options> list does not have (it has ${ids.map((id) => `(${id})`).join(', ')})`,
      );
    }
    return { key: choicesKey(answer.choices, ids) };
  }
  if ('number' in answer) return { key: { kind: 'number', value: answer.number, ...tolerance(answer) } };
  switch (answer.computed) {
    case 'mlp-parameters': {
      const counted = countDenseParams(answer.input, answer.layers);
      if (!counted.ok) throw new Error(`${where}: the computed answer cannot be counted: ${counted.errors[0].message}`);
      return { key: { kind: 'number', value: counted.value.total, ...tolerance(answer) } };
    }
    case 'conv-output-choice':
      return { key: convOutputChoice(answer, options, where) };
    case 'cnn-table':
      return cnnTable(part.network, where);
  }
}

const tolerance = (answer: { tolerance?: { abs?: number | undefined; rel?: number | undefined } | undefined }) => ({
  abs: answer.tolerance?.abs ?? 0,
  rel: answer.tolerance?.rel ?? 0,
});

/**
 * A part's "New numbers" must draw questions and mark the question it replaces, and a marked
 * question needs a variant; throws naming the file and part otherwise.
 */
function checkVariant(part: ProblemInput['parts'][number], inBody: BodyPart | undefined, where: string): void {
  const marked = inBody?.hasVariantQuestion ?? false;
  if (!part.variant) {
    if (marked)
      throw new Error(`${where}: <div data-variant-question> marks a question, but the part has no \`variant\``);
    return;
  }
  if (!marked) {
    throw new Error(
      `${where}: the part has a \`variant\` but its question is not marked; wrap the text (and options) whose numbers change in <div data-variant-question> … </div>`,
    );
  }
  const setup = variantGenerator({ variant: part.variant, network: part.network });
  if (!setup.ok) throw new Error(`${where}: the variant cannot draw a question: ${setup.message}`);
}

/** Every part with its key; throws naming the file and part when a part cannot be graded. */
export function buildProblemKeys(problem: ProblemInput, body: string, filePath: string): KeyedPart[] {
  const bodyParts = readBodyParts(body);
  // Problems scored as a whole (no part points) share their points equally between parts.
  const share = problem.points / problem.parts.length;
  return problem.parts.map((part) => {
    const where = `${filePath}, part ${part.id}`;
    const inBody = bodyParts.find((candidate) => candidate.id === part.id);
    checkVariant(part, inBody, where);
    const { key, rows } = part.answer
      ? keyOf(part, part.answer, inBody?.options ?? [], where)
      : { key: { kind: 'self' } as const, rows: undefined };
    if (key.kind === 'self' && !inBody?.hasSolution) {
      throw new Error(
        `${where}: the part has no \`answer\` key and no <Solution> to grade yourself against; add one of them`,
      );
    }
    return {
      anchor: partAnchor(problem.number, part.id),
      label: solutionLabel(problem.number, part),
      points: part.points ?? share,
      kind: key.kind,
      ...(rows ? { rows } : {}),
      key,
    };
  });
}

export function publicParts(parts: readonly KeyedPart[]): PublicPart[] {
  return parts.map(({ anchor, label, points, kind, rows }) => ({
    anchor,
    label,
    points,
    kind,
    ...(rows ? { rows } : {}),
  }));
}
