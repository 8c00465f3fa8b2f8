import { describe, expect, it } from 'vitest';
import { toSearchHit, type PagefindResultData } from './search-results';

const result: PagefindResultData = {
  url: '/guide/cs230/weight-initialization/',
  excerpt: 'page-level excerpt that may quote a <mark>solution</mark>',
  meta: { title: 'Problem 3: Weight Initialization', exam: 'CS230 Fall 2021 Midterm Examination' },
  sub_results: [
    {
      title: '(e)',
      url: '/guide/cs230/weight-initialization/#3e',
      excerpt: 'we still choose to use <mark>Xavier</mark>',
    },
    {
      title: 'Solution to 3(e)',
      url: '/guide/cs230/weight-initialization/#3e-solution',
      excerpt: 'Neither. Having a lower <mark>variance</mark>',
    },
  ],
};

describe('search results and spoilers', () => {
  it('withholds the excerpt of a match inside a solution and links to the question instead', () => {
    const hit = toSearchHit(result, { includeSolutions: false });
    expect(hit.title).toBe('Problem 3: Weight Initialization');
    expect(hit.exam, 'results name their exam').toBe('CS230 Fall 2021 Midterm Examination');
    expect(hit.matches[0]).toEqual({
      label: '(e)',
      url: '/guide/cs230/weight-initialization/#3e',
      excerpt: 'we still choose to use <mark>Xavier</mark>',
      inSolution: false,
    });
    expect(hit.matches[1], 'the answer "Neither" must not leak').toEqual({
      label: 'Solution to 3(e)',
      url: '/guide/cs230/weight-initialization/#3e',
      excerpt: null,
      inSolution: true,
    });
  });

  it('shows solution excerpts and links to the solution when the reader includes solutions', () => {
    const hit = toSearchHit(result, { includeSolutions: true });
    expect(hit.matches[1]?.excerpt).toBe('Neither. Having a lower <mark>variance</mark>');
    expect(hit.matches[1]?.url).toBe('/guide/cs230/weight-initialization/#3e-solution');
  });

  it('does not repeat the heading at the start of an excerpt, since it is already the label', () => {
    const repeated = {
      ...result,
      sub_results: [
        { title: 'Solution to 3(a)', url: '/g/p/#3a-solution', excerpt: 'Solution to 3(a). σ(x) = <mark>1/2</mark>' },
      ],
    };
    expect(toSearchHit(repeated, { includeSolutions: true }).matches[0]?.excerpt).toBe('σ(x) = <mark>1/2</mark>');
  });

  it('also removes the heading when the matched words inside it are marked', () => {
    const marked = {
      ...result,
      sub_results: [
        {
          title: '(i) Batch norm vs. standardization',
          url: '/g/p/#6i',
          excerpt: '(i) <mark>Batch</mark> <mark>norm</mark> vs. standardization. Why is <mark>batch</mark> &amp; more',
        },
      ],
    };
    expect(toSearchHit(marked, { includeSolutions: false }).matches[0]?.excerpt).toBe(
      'Why is <mark>batch</mark> &amp; more',
    );
  });

  it('never uses the page-level excerpt when sub-results exist, since it may quote a solution', () => {
    const hit = toSearchHit(result, { includeSolutions: false });
    expect(hit.matches.map((match) => match.excerpt).join(' ')).not.toContain('page-level');
  });

  it('labels a match before the first part as the introduction', () => {
    const intro = { title: 'Problem 3', url: '/guide/cs230/weight-initialization/', excerpt: 'To prevent' };
    const hit = toSearchHit(
      { ...result, sub_results: [intro, ...(result.sub_results ?? [])] },
      { includeSolutions: false },
    );
    expect(hit.matches[0]?.label).toBe('Introduction');
  });

  it('lists every matching part of a page, in page order, however many there are', () => {
    const parts = ['i', 'ii', 'iii', 'iv', 'v'].map((id) => ({
      title: `(${id})`,
      url: `/guide/cs230/normalization-techniques/#6${id}`,
      excerpt: '<mark>batch</mark> norm',
    }));
    const hit = toSearchHit({ ...result, sub_results: parts }, { includeSolutions: false });
    expect(
      hit.matches.map((match) => match.label),
      '"batch norm" once listed only 6(i) to 6(iii)',
    ).toEqual(['(i)', '(ii)', '(iii)', '(iv)', '(v)']);
  });
});
