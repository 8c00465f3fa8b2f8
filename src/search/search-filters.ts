/**
 * Pagefind filter values. Pages write them and the search page offers them, so both must be
 * spelled by this one function.
 */
export function problemFilterValue(
  exam: { course: string; term: string },
  problem: { number: number; title: string },
): string {
  return `${exam.course} ${exam.term} · Problem ${problem.number}: ${problem.title}`;
}
