import type { APIRequestContext, Page } from '@playwright/test';
import { readPdf, type PdfContent } from '../scripts/pdf-text';
import { expect, hasFixtureExam, test } from './fixtures';

/**
 * The printable papers the build makes for every exam (src/integration/pdf.ts): linked from the
 * exam page under the base path, served as PDF, and holding the questions (exam paper) or the
 * questions with every official answer (solutions). Works against a local build and, fetching
 * over HTTP only, against the deployed site.
 */

interface PaperLink {
  name: string;
  href: string;
  /** The size shown beside the link, "(212 KB)". */
  shown: string;
}

/** The exam page's two PDF links, checked to sit under the base path and to serve a PDF of the size shown. */
async function paperLinks(
  page: Page,
  request: APIRequestContext,
  baseURL: string,
  exam: string,
): Promise<Record<'exam' | 'solutions', Uint8Array>> {
  await page.goto(`${exam}/`);
  const block = page.locator('.paper-links');
  const links: PaperLink[] = [];
  for (const name of ['Exam paper (PDF)', 'With solutions (PDF)']) {
    const link = block.getByRole('link', { name, exact: true });
    await expect(link, `"${name}" on the page of ${exam}`).toHaveCount(1);
    const href = await link.evaluate((element) => (element as HTMLAnchorElement).href);
    const shown = (await link.evaluate((element) => element.nextElementSibling?.textContent ?? '')).trim();
    links.push({ name, href, shown });
  }
  const bodies: Uint8Array[] = [];
  for (const { name, href, shown } of links) {
    expect(
      new URL(href).pathname.startsWith(new URL(baseURL).pathname),
      `${name} is under the base path: ${href}`,
    ).toBe(true);
    expect(href).toMatch(new RegExp(`/${exam}/${exam}-(exam|solutions)\\.pdf$`));
    const response = await request.get(href);
    expect(response.status(), `${name}: ${href}`).toBe(200);
    expect(response.headers()['content-type'], `${name} is served as a PDF`).toMatch(/^application\/pdf\b/);
    const body = await response.body();
    expect(body.subarray(0, 5).toString('latin1'), `${name} is a PDF file`).toBe('%PDF-');
    expect(shown, `${name}: the size beside it`).toBe(`(${Math.max(1, Math.round(body.length / 1024))} KB)`);
    bodies.push(new Uint8Array(body));
  }
  return { exam: bodies[0]!, solutions: bodies[1]! };
}

// Sentences of the exam's questions and of its official solutions (whitespace as on the site).
const questions = [
  'For each of the following questions, circle the letter of your choice.',
  'Which of the following are true about Generative Adversarial Networks (GANs)?',
  'How many parameters (weights and biases) are in the network?',
  'Why do we need activation functions in neural networks (e.g. ReLU)?',
  'Will we run into an exploding gradients problem or a vanishing gradients problem or neither? Why?',
  'Hint: Be careful with the shapes.',
  'Fill in the shape of the output volume and the number of parameters at each layer.',
  'describe what is the biggest difference between batch normalization and layer normalization.',
];
const solutionSentences = [
  'A chief purpose of activation functions is introducing non-linearities',
  'Softmax gives the probability of each class where the probability sum of all classes is equal to 1',
  'Correct answers: (i), (ii), and (iii)',
  'Partial credit given for',
  'Using chain rule for partial derivatives',
  'Layer normalization normalizes input across the feature axis',
  'Batch normalization introduces dependencies between training samples in the same batch',
];
// Built at build time from the calculators: 2(a)'s working and Problem 5's table.
const workedAnswers = [
  'Layer 1 (4 inputs, 7 neurons): 4*7 + 7 = 35',
  'Total: 35 + 24 = 59',
  '126 × 126 × 8',
  '(8192 + 1)*27 = 221211',
];
// The guide's own material that is on the site but in neither paper: an island's wrapper text, a lab.
const screenOnly = ['For a whole network, see the CNN calculator', 'Gradient check lab', 'Batch size lab'];

function expectSanePages(paper: PdfContent, problems: number, footer: string): void {
  expect(paper.pages.length, 'a cover and at least a page per problem').toBeGreaterThanOrEqual(problems + 1);
  expect(paper.pages.length).toBeLessThan(40);
  paper.pages.forEach((text, index) => {
    expect(text, `footer of page ${index + 1}`).toContain(`Page ${index + 1} of ${paper.pages.length}`);
    expect(
      text
        .replace(footer, '')
        .replace(/Page \d+ of \d+/, '')
        .trim().length,
      `page ${index + 1} is not blank`,
    ).toBeGreaterThan(40);
  });
  for (let number = 1; number <= problems; number += 1) {
    expect(
      paper.pages.filter((text) => text.startsWith(`Problem ${number}: `)),
      `Problem ${number} starts a page`,
    ).toHaveLength(1);
  }
  expect(paper.embeddedFonts.length, 'every font is embedded').toBe(paper.fontCount);
  expect(paper.embeddedFonts).toEqual(expect.arrayContaining(['KaTeX_Main-Regular', 'KaTeX_Math-Italic']));
}

test.describe('printable papers', () => {
  test('the exam page links both PDFs under the base path, with their sizes, served as application/pdf @smoke', async ({
    page,
    request,
    baseURL,
  }) => {
    await paperLinks(page, request, baseURL!, 'cs230-fall-2021-midterm');
  });

  test('the exam paper holds every question and no answer; the solutions paper holds both, worked answers included', async ({
    page,
    request,
    baseURL,
  }) => {
    const bodies = await paperLinks(page, request, baseURL!, 'cs230-fall-2021-midterm');
    const exam = await readPdf(bodies.exam);
    const solutions = await readPdf(bodies.solutions);

    expect(exam.pages[0]).toContain('CS230 Deep Learning · Fall 2021');
    expect(exam.pages[0]).toContain('Midterm Examination');
    expect(exam.pages[0]).toContain('Duration: 180 minutes');
    expect(exam.pages[0]).toContain('explain your work');
    expect(exam.pages[0]).toMatch(/Problem Title Points Your score 1 Multiple Choice 16 .* Total 102/);
    expect(solutions.pages[0]).toContain('Official solutions');

    for (const question of questions) {
      expect(exam.text, 'exam paper').toContain(question);
      expect(solutions.text, 'solutions paper').toContain(question);
    }
    for (const sentence of [...solutionSentences, ...workedAnswers]) {
      expect(exam.text, 'exam paper').not.toContain(sentence);
      expect(solutions.text, 'solutions paper').toContain(sentence);
    }
    for (const text of [...screenOnly, 'Solution to', 'Note from the guide', 'Reveal solution'])
      expect(exam.text).not.toContain(text);
    for (const text of [...screenOnly, 'Reveal solution']) expect(solutions.text).not.toContain(text);
    for (const paper of [exam, solutions]) expect(paper.text, 'points per part').toMatch(/\(vi\)[^(]*\b6 points/);
    // Every official solution, open: one heading per part.
    expect(solutions.text.match(/Solution to /g)?.length).toBe(29);
    expect(solutions.text).toContain('Solution to Problem 5');

    expectSanePages(exam, 6, 'CS230 Fall 2021 Midterm Examination');
    expectSanePages(solutions, 6, 'CS230 Fall 2021 Midterm Examination: solutions');
  });

  test('the fixture exam gets both papers from its content alone @fixture', async ({ page, request, baseURL }) => {
    test.skip(!hasFixtureExam, 'needs the build with the fixture exam');
    const bodies = await paperLinks(page, request, baseURL!, 'tiny-test-exam');
    const exam = await readPdf(bodies.exam);
    const solutions = await readPdf(bodies.solutions);
    for (const paper of [exam, solutions]) {
      expect(paper.pages[0]).toContain('Fixture Quiz');
      expect(paper.text).toContain('How many wings do three zebrafinch birds have?');
    }
    expect(exam.text).not.toContain('quokkaflux');
    expect(solutions.text).toContain('the quokkaflux rule says multiply the wing count by the number of birds');
    expectSanePages(exam, 2, 'TEST101 Spring 2024 Fixture Quiz');
    expectSanePages(solutions, 2, 'TEST101 Spring 2024 Fixture Quiz: solutions');
  });
});
