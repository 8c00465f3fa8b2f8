import { isSolutionLink, questionLink } from '../exams/anchors';

/**
 * Turns Pagefind's raw results into what the search UI shows, with the spoiler rule: a match
 * inside an official solution is announced as such, but its text stays hidden (and its link goes
 * to the question, not the solution) unless the reader chose to include solutions.
 */

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: PagefindSubResult[];
}

export interface SearchMatch {
  label: string;
  url: string;
  /** Pagefind's excerpt HTML (text escaped, matches in <mark>), or null when withheld as a spoiler. */
  excerpt: string | null;
  inSolution: boolean;
}

export interface SearchHit {
  title: string;
  /** Which exam the page belongs to, since several exams share problem numbers. */
  exam: string | undefined;
  url: string;
  matches: SearchMatch[];
}

/** Pagefind starts a sub-result's excerpt with its heading, which the result already shows as its label. */
function withoutLeadingHeading(excerpt: string, heading: string): string {
  const lead = `${heading}. `;
  return excerpt.startsWith(lead) ? excerpt.slice(lead.length) : excerpt;
}

/** Every matching part of the page is listed, in page order (Pagefind's order), none capped. */
export function toSearchHit(data: PagefindResultData, options: { includeSolutions: boolean }): SearchHit {
  const title = data.meta['title'] ?? data.url;
  const subResults = data.sub_results ?? [];
  const sources = subResults.length > 0 ? subResults : [{ title, url: data.url, excerpt: data.excerpt }];
  const matches = sources.map((sub): SearchMatch => {
    const inSolution = isSolutionLink(sub.url);
    const label = sub.url.includes('#') ? sub.title : 'Introduction';
    if (inSolution && !options.includeSolutions) {
      return { label, url: questionLink(sub.url), excerpt: null, inSolution };
    }
    return { label, url: sub.url, excerpt: withoutLeadingHeading(sub.excerpt, sub.title), inSolution };
  });
  return { title, exam: data.meta['exam'], url: data.url, matches };
}
