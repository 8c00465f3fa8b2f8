import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuilds, copyProject, type BuildResult } from './astro-build';
import { readPdf, type PdfContent } from './pdf-text';

/**
 * One real `astro build` of the fixture exam alone, under a non-root base path, with two notes
 * from the guide added to its content: the build prints its two papers from content alone (no
 * code names the exam), and they hold what they should. PDF_REQUIRED=1, so a machine without
 * Chromium fails here instead of skipping. The real exam's papers are checked in e2e/pdf.spec.ts.
 * Later builds with the same cache check what they copy: the papers, and the pages of Astro's
 * incremental build.
 */
// A copy of the project of its own (scripts/astro-build.ts), with the content inside it: Astro's
// incremental build works only for content inside the project (astro.config.mjs).
const workDir = copyProject(mkdtempSync(join(tmpdir(), 'exam-pdf-test-')));
const outDir = join(workDir, 'dist');
const examDir = join(workDir, 'exams', 'tiny-test-exam');
const builds = astroBuilds();
let build: BuildResult;
let exam: PdfContent;
let solutions: PdfContent;

/** One `astro build` of the fixture exam into `out`; every build here shares one Astro cache. */
function buildFixture(out: string, env: Record<string, string> = {}): Promise<BuildResult> {
  return builds.build(workDir, {
    EXAMS_DIR: join(workDir, 'exams'),
    OUT_DIR: out,
    ASTRO_CACHE_DIR: join(workDir, 'cache'),
    BASE_PATH: '/pdf-test/',
    PDF_REQUIRED: '1',
    ...env,
  });
}

beforeAll(async () => {
  cpSync('e2e/fixtures/exams/tiny-test-exam', examDir, { recursive: true });
  const problem = join(examDir, '01-warm-up.mdx');
  writeFileSync(
    problem,
    readFileSync(problem, 'utf8')
      .replace('<Options>', '<Note>\n\nA hint from the guide about wombatcarrot sums.\n\n</Note>\n\n<Options>')
      .replace(
        '$2 \\times 3 = 6$.\n\n</Solution>',
        '$2 \\times 3 = 6$.\n\n<Note>\n\nThe guide checks it with platypusbanana counting.\n\n</Note>\n\n</Solution>',
      ),
  );
  build = await buildFixture(outDir);
  if (build.status !== 0) return;
  exam = await readPdf(readFileSync(join(outDir, 'tiny-test-exam', 'tiny-test-exam-exam.pdf')));
  solutions = await readPdf(readFileSync(join(outDir, 'tiny-test-exam', 'tiny-test-exam-solutions.pdf')));
}, 300_000);

afterAll(() => {
  builds.close();
  rmSync(workDir, { recursive: true, force: true });
});

/**
 * A second build with nothing changed, into `again`: made once, for the tests that read it. On a
 * machine without Chromium, and still with PDF_REQUIRED=1: papers copied from the cache need none.
 */
const again = join(workDir, 'dist-again');
let second: Promise<BuildResult> | undefined;
function secondBuild(): Promise<BuildResult> {
  second ??= buildFixture(again, { CHROMIUM_PATH: join(workDir, 'no-chromium') });
  return second;
}

/** The HTML pages of a built site, as paths relative to it. */
const htmlFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort();

const questions = [
  'Two quick warm-up questions.',
  'A zebrafinch has two wings. How many wings do three zebrafinch birds have?',
  'Consider the linear model',
  '(iv) None of the above',
];
const officialAnswers = ['Correct answers: (ii)', 'quokkaflux rule says multiply the wing count', 'By the chain rule'];
const guideNotes = ['wombatcarrot', 'platypusbanana'];

describe('the printable papers of an exam, from its content alone', () => {
  it('are made by the build, which says how long they took', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toMatch(/Printed 2 exam papers to PDF \(Letter\) in [\d.]+ s once the pages were built/);
    console.log(
      `fixture build with PDFs: ${build.seconds.toFixed(1)} s; ${/Printed .*/.exec(build.output)?.[0] ?? ''}`,
    );
  });

  it('are linked from the exam page under the base path, with their sizes', () => {
    const page = readFileSync(join(outDir, 'tiny-test-exam', 'index.html'), 'utf8');
    expect(page).toMatch(
      /<a href="\/pdf-test\/tiny-test-exam\/tiny-test-exam-exam\.pdf"[^>]*>Exam paper \(PDF\)<\/a> <span[^>]*>\(\d+ KB\)<\/span>/,
    );
    expect(page).toMatch(
      /<a href="\/pdf-test\/tiny-test-exam\/tiny-test-exam-solutions\.pdf"[^>]*>With solutions \(PDF\)<\/a> <span[^>]*>\(\d+ KB\)<\/span>/,
    );
  });

  it('are printed from a route that is then removed from the site, and that search never indexed', () => {
    expect(existsSync(join(outDir, 'tiny-test-exam', 'paper'))).toBe(false);
    // The search indexes the pages whose content is marked for it; the print route, built and read
    // while the papers printed, is not among them.
    const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexable = htmlFiles(outDir).filter((file) =>
      readFileSync(join(outDir, file), 'utf8').includes('data-pagefind-body'),
    );
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(
      indexable.length,
    );
  });

  it('the exam paper: a cover, every question, and no answer nor note from the guide', () => {
    expect(exam.pages[0]).toContain('Fixture Quiz');
    expect(exam.pages[0]).toContain('TEST101 Fixture Testing · Spring 2024');
    expect(exam.pages[0]).toContain('Duration: 30 minutes');
    expect(exam.pages[0]).toContain('Partial credit is imaginary.');
    expect(exam.pages[0]).toMatch(/Problem Title Points Your score 1 Warm-Up 4 2 Linear Models 6 Total 10/);
    for (const question of questions) expect(exam.text).toContain(question);
    for (const answer of [...officialAnswers, ...guideNotes, 'Solution to', 'Note from the guide'])
      expect(exam.text).not.toContain(answer);
  });

  it('the solutions paper: every question, every official answer, and the notes labelled as the guide’s', () => {
    for (const text of [...questions, ...officialAnswers, ...guideNotes]) expect(solutions.text).toContain(text);
    expect(solutions.text).toContain('Solution to 1(b)');
    expect(solutions.text).toContain('Note from the guide on the solution to 1(b), not part of the official text');
    expect(solutions.text).toContain('Note from the guide on 1(a), not part of the official text');
  });

  it('one problem per page after the cover, points per part, "Page n of N" on every page', () => {
    for (const paper of [exam, solutions]) {
      expect(paper.pages.length).toBeGreaterThanOrEqual(3);
      expect(paper.pages.length).toBeLessThan(40);
      expect(paper.pages[1]).toMatch(/^Problem 1: Warm-Up \(4 points\)/);
      expect(paper.pages[1], 'points per part').toMatch(/\(a\)[^(]*\b2 points/);
      expect(paper.pages.find((page) => page.startsWith('Problem 2: Linear Models (6 points)'))).toBeDefined();
      paper.pages.forEach((page, index) => {
        expect(page).toContain(`Page ${index + 1} of ${paper.pages.length}`);
        // No blank page: there is more on each page than its footer.
        expect(
          page.replace(/TEST101 Spring 2024 Fixture Quiz(?:: solutions)? Page \d+ of \d+/, '').length,
          `page ${index + 1}`,
        ).toBeGreaterThan(40);
      });
    }
  });

  it('embed their fonts, KaTeX’s included, as real text', () => {
    for (const paper of [exam, solutions]) {
      expect(paper.embeddedFonts.length).toBe(paper.fontCount);
      expect(paper.embeddedFonts).toContain('KaTeX_Main-Regular');
      expect(paper.embeddedFonts).toContain('KaTeX_Math-Italic');
    }
  });

  it('are copied from the cache by a later build when nothing they are printed from changed, with no Chromium', async () => {
    expect(build.status, build.output).toBe(0);
    const second = await secondBuild();
    expect(second.status, second.output).toBe(0);
    expect(second.output, 'the second build says it reused both papers, without starting Chromium').toMatch(
      /Exam papers \(PDF, Letter\): 2 unchanged since an earlier build, copied from the cache, without starting Chromium: /,
    );
    for (const kind of ['exam', 'solutions'])
      expect(
        readFileSync(join(again, 'tiny-test-exam', `tiny-test-exam-${kind}.pdf`)).equals(
          readFileSync(join(outDir, 'tiny-test-exam', `tiny-test-exam-${kind}.pdf`)),
        ),
        `the ${kind} paper is the first build's, byte for byte`,
      ).toBe(true);
  }, 300_000);
});

describe('a build that can make no paper: no Chromium and none cached', () => {
  it('does not render the print route, which only the printing reads, and links no papers', async () => {
    expect(build.output, 'a build that prints renders the print route').toContain(
      '/tiny-test-exam/paper/print/index.html',
    );
    const paperless = join(workDir, 'dist-paperless');
    const result = await buildFixture(paperless, {
      CHROMIUM_PATH: join(workDir, 'no-chromium'),
      ASTRO_CACHE_DIR: join(workDir, 'cache-paperless'),
      PDF_REQUIRED: '',
    });
    expect(result.status, result.output).toBe(0);
    expect(result.output, 'no print route rendered').not.toContain('/paper/print/');
    expect(result.output).toContain('Printable exam papers (PDF) skipped: no Chromium at');
    const page = readFileSync(join(paperless, 'tiny-test-exam', 'index.html'), 'utf8');
    expect(page, 'the exam page links no PDF').not.toContain('.pdf');
    expect(page, 'but still has its content').toContain('Fixture Quiz');
  }, 300_000);

  it('fails at once with PDF_REQUIRED=1, before rendering anything', async () => {
    const result = await buildFixture(join(workDir, 'dist-required'), {
      CHROMIUM_PATH: join(workDir, 'no-chromium'),
      ASTRO_CACHE_DIR: join(workDir, 'cache-required'),
    });
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toContain('PDF_REQUIRED is set but the printable exam papers cannot be made: no Chromium at');
    expect(result.output, 'no page was rendered first').not.toContain('generating static routes');
  }, 300_000);
});

describe('a later build with the same Astro cache (incremental build)', () => {
  it('copies the pages of an unchanged exam instead of rendering them, and publishes the same site', async () => {
    const second = await secondBuild();
    expect(second.status, second.output).toBe(0);
    for (const page of ['warm-up', 'linear-models', 'mock'])
      expect(second.output, `the ${page} page is copied`).toContain(`/tiny-test-exam/${page}/index.html (restored)`);
    expect(htmlFiles(again), 'the same pages').toEqual(htmlFiles(outDir));
    for (const file of htmlFiles(outDir))
      expect(readFileSync(join(again, file), 'utf8'), `${file} is the first build's, formulas included`).toBe(
        readFileSync(join(outDir, file), 'utf8'),
      );
  }, 300_000);

  it('renders every page of an exam again when one of its files changed, so no page shows the old text', async () => {
    const problem = join(examDir, '02-linear-models.mdx');
    writeFileSync(problem, readFileSync(problem, 'utf8').replace(/^title: Linear Models$/m, 'title: Linear Wombats'));
    const edited = join(workDir, 'dist-edited');
    const third = await buildFixture(edited);
    expect(third.status, third.output).toBe(0);
    expect(third.output, 'nothing of the exam is copied').not.toMatch(/tiny-test-exam\/.*\(restored\)/);
    expect(
      readFileSync(join(edited, 'tiny-test-exam', 'warm-up', 'index.html'), 'utf8'),
      'the page before it links to it by its new title',
    ).toContain('Linear Wombats');
  }, 300_000);

  it('indexes the content again when the exams folder moved, instead of failing on the old paths', async () => {
    const moved = join(workDir, 'exams-moved');
    renameSync(join(workDir, 'exams'), moved);
    const fourth = await buildFixture(join(workDir, 'dist-moved'), { EXAMS_DIR: moved });
    expect(fourth.status, fourth.output).toBe(0);
    expect(fourth.output).toContain("The exams folder is now exams-moved, not exams: Astro's content index in");
  }, 300_000);
});
