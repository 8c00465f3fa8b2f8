/**
 * The site's link scheme for sub-parts and their solutions, in one place: content (the remark
 * plugin), pages (tables of contents, solution headings) and search (spoiler rule) must spell
 * `#3d` and `#3d-solution` the same way, or deep links and spoiler detection break silently.
 */

/** What the scheme needs to know about a frontmatter part. */
export interface PartRef {
  id: string;
  title: string;
}

/** Solution headings carry their part's anchor plus this suffix: "#3d-solution". */
export const solutionAnchorSuffix = '-solution';

/** The stable, linkable anchor of a sub-part: problem number + part id, e.g. "3d", "4vi". */
export function partAnchor(problemNumber: number, partId: string): string {
  return `${problemNumber}${partId}`;
}

/** The anchor of the heading inside a part's solution: "3d" → "3d-solution". */
export function solutionAnchor(anchor: string): string {
  return `${anchor}${solutionAnchorSuffix}`;
}

/** "a" → "(a)", "iv" → "(iv)"; other ids (e.g. "table") read better as the part's title. */
export function partLabel(part: PartRef): string {
  return /^(?:[a-z]|[ivxl]+)$/.test(part.id) ? `(${part.id})` : part.title;
}

/** How a solution names the part it answers: "3(d)", or "Problem 5" for a part named by title. */
export function solutionLabel(problemNumber: number, part: PartRef): string {
  const label = partLabel(part);
  return label.startsWith('(') ? `${problemNumber}${label}` : `Problem ${problemNumber}`;
}

/**
 * The heading anchor of the guide's n-th note (n from 1) inside `within`, which is a part anchor
 * ("3b-note"), a solution anchor ("3b-solution-note": still recognisably inside the solution, so
 * search hides it as a spoiler) or the problem number for a note outside any part ("3-note").
 */
export function noteAnchor(within: string, n: number): string {
  return `${within}-note${n > 1 ? `-${n}` : ''}`;
}

/** "…#3d-solution" or a note inside it, "…#3d-solution-note-2": what comes after the fragment's `-solution`. */
const solutionFragment = /#[^#]*-solution(?:-note(?:-\d+)?)?$/;

/** Whether a link points into a solution ("…/#3d-solution"), including a guide note inside it. */
export function isSolutionLink(url: string): boolean {
  return solutionFragment.test(url);
}

/** The link to the question a solution link answers: "…/#3d-solution(-note)" → "…/#3d"; other links unchanged. */
export function questionLink(url: string): string {
  if (!isSolutionLink(url)) return url;
  return url.slice(0, url.lastIndexOf(solutionAnchorSuffix));
}
