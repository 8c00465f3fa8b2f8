/**
 * Answer keys, built at build time from a problem's frontmatter and checked against its MDX body.
 * Only `practice-keys.json` carries the keys; pages get `PublicPart`s, which say how a part is
 * answered but never what the answer is.
 */
import type { AnswerKeyData, ProblemData } from '../exams/schema';
import { partAnchor, solutionLabel } from '../exams/anchors';
import { countDenseParams } from '../tools/mlp-counter/dense-params';
import { readBodyParts, type BodyPart } from './mdx-parts';
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
export type PartKey = ChoicesKey | NumberKey | { kind: 'self' };

export interface PublicPart {
  anchor: string;
  /** "1(h)", or "Problem 5" for a part named by its title. */
  label: string;
  points: number;
  kind: PartKey['kind'];
}

export interface KeyedPart extends PublicPart {
  key: PartKey;
}

type ProblemInput = Pick<ProblemData, 'number' | 'points' | 'parts'>;

function keyOf(answer: AnswerKeyData, options: string[], where: string): PartKey {
  if ('choices' in answer) {
    const unknown = answer.choices.filter((id) => !options.includes(id));
    if (options.length === 0)
      throw new Error(`${where}: \`answer: { choices: … }\` but the part has no <Options> list`);
    if (unknown.length > 0) {
      throw new Error(
        `${where}: the answer names ${unknown.map((id) => `(${id})`).join(', ')}, which the <Options> list does not have (it has ${options.map((id) => `(${id})`).join(', ')})`,
      );
    }
    return { kind: 'choices', correct: options.filter((id) => answer.choices.includes(id)), options };
  }
  const tolerance = { abs: answer.tolerance?.abs ?? 0, rel: answer.tolerance?.rel ?? 0 };
  if ('number' in answer) return { kind: 'number', value: answer.number, ...tolerance };
  const counted = countDenseParams(answer.input, answer.layers);
  if (!counted.ok) throw new Error(`${where}: the computed answer cannot be counted: ${counted.errors[0].message}`);
  return { kind: 'number', value: counted.value.total, ...tolerance };
}

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
    const key: PartKey = part.answer ? keyOf(part.answer, inBody?.options ?? [], where) : { kind: 'self' };
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
      key,
    };
  });
}

export function publicParts(parts: readonly KeyedPart[]): PublicPart[] {
  return parts.map(({ anchor, label, points, kind }) => ({ anchor, label, points, kind }));
}
