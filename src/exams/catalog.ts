import { getCollection, type CollectionEntry } from 'astro:content';
import { readdirSync } from 'node:fs';
import { examContentDigest } from './content-digest';
import { examsDir } from './exams-dir';
import { assertValidContent, findSkippedFiles } from './rules';
import { problemSlugFromFile, termSortKey } from './schema';

export interface ProblemPage {
  entry: CollectionEntry<'problems'>;
  slug: string;
  /** Site-relative path without the base, e.g. "cs230-fall-2021-midterm/cnns/". */
  path: string;
}

export interface ExamPage {
  entry: CollectionEntry<'exams'>;
  path: string;
  /** In exam order. */
  problems: ProblemPage[];
  /** The key of Astro's incremental build for every page of this exam (content-digest.ts). */
  contentDigest: string;
}

let catalog: Promise<ExamPage[]> | undefined;

/**
 * All exams, newest first, each with its problems in order. Cross-file rules run here, once per
 * build, so any page that lists content fails the build with the same clear message.
 */
export function getExamCatalog(): Promise<ExamPage[]> {
  catalog ??= loadCatalog();
  return catalog;
}

async function loadCatalog(): Promise<ExamPage[]> {
  const [exams, problems] = await Promise.all([getCollection('exams'), getCollection('problems')]);
  const problemPages = problems.map((entry) => {
    const slug = problemSlugFromFile(entry.id.split('/').pop() ?? entry.id);
    return { entry, slug, path: `${entry.data.exam}/${slug}/` };
  });
  const contentFiles = readdirSync(examsDir, { recursive: true, encoding: 'utf8' }).sort();
  try {
    assertValidContent(
      exams.map((entry) => ({ id: entry.id, filePath: entry.filePath ?? entry.id, data: entry.data })),
      problemPages.map(({ entry, slug }) => ({
        id: entry.id,
        filePath: entry.filePath ?? entry.id,
        slug,
        data: entry.data,
      })),
      findSkippedFiles(contentFiles, examsDir.replace(/^\.\//, '').replace(/\/$/, '')),
    );
  } catch (error) {
    // The message already names every file to fix; Astro would append frames from its own
    // internals, which only bury it.
    if (error instanceof Error) error.stack = error.message;
    throw error;
  }
  const examIds = new Set(exams.map((entry) => entry.id));
  return exams
    .map((entry) => {
      const problems = problemPages
        .filter((page) => page.entry.data.exam === entry.id)
        .sort((a, b) => a.entry.data.number - b.entry.data.number);
      const entriesData = [entry, ...problems.map((page) => page.entry)].map((each) => [each.id, each.data]);
      return {
        entry,
        path: `${entry.id}/`,
        problems,
        contentDigest: examContentDigest(examsDir, contentFiles, examIds, entry.id, entriesData),
      };
    })
    .sort((a, b) => termSortKey(b.entry.data.term) - termSortKey(a.entry.data.term));
}

/**
 * The static paths of a page that shows one exam, with Astro's incremental-build key: a later
 * build copies the page it generated earlier when this key, the page's code and the content it
 * rendered are all unchanged (astro.config.mjs).
 */
export function examPath<Params, Props>(exam: ExamPage, params: Params, props: Props) {
  return { params, props, cacheKey: exam.contentDigest };
}

/** "CS230 Fall 2021 Midterm Examination": how the exam is named in titles and filters. */
export function examName(exam: CollectionEntry<'exams'>): string {
  return `${exam.data.course} ${exam.data.term} ${exam.data.title}`;
}

/** The static paths of every per-exam route (exam page, mock exam, print route): one per exam. */
export async function examRoutes() {
  const catalog = await getExamCatalog();
  return catalog.map((exam) => examPath(exam, { exam: exam.entry.id }, { exam }));
}
