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

/**
 * Pagefind starts a sub-result's excerpt with its heading, which the result already shows as its
 * label. The excerpt is HTML (entities, <mark> around matches, which may fall inside the heading),
 * so the heading's characters are removed from its text while every tag is kept.
 */
function withoutLeadingHeading(excerpt: string, heading: string): string {
  const lead = `${heading}. `;
  const token = /<[^>]*>|&[#\w]+;|[^]/gy;
  const kept: string[] = [];
  let matched = 0;
  for (let found = token.exec(excerpt); found; found = token.exec(excerpt)) {
    const piece = found[0];
    if (matched === lead.length || piece.startsWith('<')) {
      kept.push(piece);
      continue;
    }
    const char = piece.length > 1 ? decodeEntity(piece) : piece;
    if (char !== lead[matched]) return excerpt;
    matched += 1;
  }
  return matched === lead.length ? kept.join('').replaceAll('<mark></mark>', '') : excerpt;
}

function decodeEntity(entity: string): string {
  const named: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  if (named[entity]) return named[entity];
  const code = /^&#(x?)([0-9a-f]+);$/i.exec(entity);
  return code ? String.fromCodePoint(parseInt(code[2] ?? '', code[1] ? 16 : 10)) : entity;
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
