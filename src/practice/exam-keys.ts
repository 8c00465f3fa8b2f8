/**
 * The keys and public part lists of one exam, from the catalog's problems. Runs at build time only
 * (the keys endpoint and the pages), so a key that cannot grade fails the build naming the file.
 */
import type { ProblemPage } from '../exams/catalog';
import { buildProblemKeys, publicParts, type KeyedPart, type PartKey, type PublicPart } from './keys';

export interface PublicProblem {
  number: number;
  title: string;
  path: string;
  parts: PublicPart[];
}

const cache = new WeakMap<ProblemPage, KeyedPart[]>();

export function problemKeys(problem: ProblemPage): KeyedPart[] {
  let parts = cache.get(problem);
  if (!parts) {
    const { entry } = problem;
    parts = buildProblemKeys(entry.data, entry.body ?? '', entry.filePath ?? entry.id);
    cache.set(problem, parts);
  }
  return parts;
}

export function publicProblem(problem: ProblemPage): PublicProblem {
  const { number, title } = problem.entry.data;
  return { number, title, path: problem.path, parts: publicParts(problemKeys(problem)) };
}

/** What `practice-keys.json` holds: part anchor → key. */
export function examKeys(problems: readonly ProblemPage[]): Record<string, PartKey> {
  return Object.fromEntries(problems.flatMap((problem) => problemKeys(problem).map((part) => [part.anchor, part.key])));
}
