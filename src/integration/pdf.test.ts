import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPathFrom, chromiumProblem } from './chromium';
import { builtPaperExams, makePapers, pdfRequiredBy, skippedMessage, whyNoPapers } from './pdf';

/**
 * The decisions around Chromium, on a stand-in build: a real build prints real PDFs in
 * scripts/pdf.test.ts and e2e/pdf.spec.ts.
 */
const workDir = mkdtempSync(join(tmpdir(), 'exam-pdf-unit-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const examPage =
  '<main><h1>Quiz</h1><p class="paper-links" data-paper-links data-pagefind-ignore>Print: <a href="/quiz/quiz-exam.pdf">Exam paper (PDF)</a> <span data-paper-size="quiz-exam.pdf"></span></p><p>Rest</p></main>';

function standInBuild(): string {
  const outDir = mkdtempSync(join(workDir, 'dist-'));
  mkdirSync(join(outDir, 'quiz', 'paper', 'print'), { recursive: true });
  mkdirSync(join(outDir, '_astro'));
  writeFileSync(join(outDir, 'quiz', 'index.html'), examPage);
  writeFileSync(join(outDir, 'quiz', 'paper', 'print', 'index.html'), '<p>paper</p>');
  return outDir;
}

describe('Chromium for the PDFs', () => {
  it('is the headless shell when installed, else the full browser, unless CHROMIUM_PATH says otherwise', () => {
    const installed = (paths: string[]) => (path: string) => paths.includes(path);
    expect(chromiumPathFrom({}, installed(['/usr/bin/chromium', '/usr/bin/chromium-headless-shell']))).toBe(
      '/usr/bin/chromium-headless-shell',
    );
    expect(chromiumPathFrom({}, installed(['/usr/bin/chromium']))).toBe('/usr/bin/chromium');
    expect(chromiumPathFrom({}, installed([])), 'named in the message when none is installed').toBe(
      '/usr/bin/chromium',
    );
    expect(chromiumPathFrom({ CHROMIUM_PATH: '/opt/chrome' }, installed(['/usr/bin/chromium']))).toBe('/opt/chrome');
    expect(chromiumProblem(join(workDir, 'no-such-chromium'))).toBe(
      `no Chromium at ${join(workDir, 'no-such-chromium')}`,
    );
    expect(chromiumProblem(workDir)).toBe(`${workDir} is not a file`);
  });

  it('is required only when PDF_REQUIRED is set', () => {
    expect(pdfRequiredBy({})).toBe(false);
    expect(pdfRequiredBy({ PDF_REQUIRED: '0' })).toBe(false);
    expect(pdfRequiredBy({ PDF_REQUIRED: '1' })).toBe(true);
    expect(pdfRequiredBy({ PDF_REQUIRED: 'true' })).toBe(true);
  });

  it('finds the exams whose print routes were built', () => {
    expect(builtPaperExams(standInBuild())).toEqual(['quiz']);
  });
});

describe('a build without Chromium', () => {
  const env = { CHROMIUM_PATH: join(workDir, 'no-such-chromium') };

  it('still completes: one line says why and how to get the PDFs, and the links and print routes go', async () => {
    const outDir = standInBuild();
    const warnings: string[] = [];
    const result = await makePapers({
      outDir,
      base: '/',
      env,
      info: () => undefined,
      warn: (line) => warnings.push(line),
    });
    expect(result.files).toEqual([]);
    expect(warnings).toEqual([skippedMessage(`no Chromium at ${env.CHROMIUM_PATH}`, false)]);
    expect(warnings[0]).toMatch(
      /^Printable exam papers \(PDF\) skipped: no Chromium at .*install Chromium .* or set CHROMIUM_PATH .*PDF_REQUIRED=1/,
    );
    expect(warnings[0]).not.toContain('\n');
    expect(readFileSync(join(outDir, 'quiz', 'index.html'), 'utf8')).toBe('<main><h1>Quiz</h1><p>Rest</p></main>');
    expect(existsSync(join(outDir, 'quiz', 'paper'))).toBe(false);
  });

  it('removes only the print route, never a problem page that happens to be called "paper"', async () => {
    const outDir = standInBuild();
    writeFileSync(join(outDir, 'quiz', 'paper', 'index.html'), '<p>Problem 7: Paper</p>');
    await makePapers({ outDir, base: '/', env, info: () => undefined, warn: () => undefined });
    expect(existsSync(join(outDir, 'quiz', 'paper', 'print'))).toBe(false);
    expect(readFileSync(join(outDir, 'quiz', 'paper', 'index.html'), 'utf8')).toBe('<p>Problem 7: Paper</p>');
  });

  it('fails with PDF_REQUIRED=1, saying what to install', async () => {
    const outDir = standInBuild();
    await expect(
      makePapers({
        outDir,
        base: '/',
        env: { ...env, PDF_REQUIRED: '1' },
        info: () => undefined,
        warn: () => undefined,
      }),
    ).rejects.toThrow(
      /^PDF_REQUIRED is set but the printable exam papers cannot be made: no Chromium at .*apt-get install chromium-headless-shell, or chromium\)/,
    );
  });
});

describe('a build that can make no paper at all', () => {
  const noChromium = { CHROMIUM_PATH: join(workDir, 'no-such-chromium') };
  const cacheWith = (files: string[]) => {
    const cacheDir = mkdtempSync(join(workDir, 'papers-'));
    for (const file of files) writeFileSync(join(cacheDir, file), '%PDF');
    return cacheDir;
  };

  it('is one without Chromium and without papers of earlier builds, and says why', () => {
    expect(whyNoPapers(noChromium, undefined)).toBe(`no Chromium at ${noChromium.CHROMIUM_PATH}`);
    expect(whyNoPapers(noChromium, cacheWith([])), 'an empty cache').toBe(`no Chromium at ${noChromium.CHROMIUM_PATH}`);
    expect(whyNoPapers(noChromium, cacheWith(['abc-exam.pdf'])), 'cached papers may be copied').toBeUndefined();
    // Any executable file passes for Chromium until it is launched.
    expect(whyNoPapers({ CHROMIUM_PATH: process.execPath }, undefined), 'Chromium may print').toBeUndefined();
  });

  it('fails at once with PDF_REQUIRED=1, saying what to install', () => {
    expect(() => whyNoPapers({ ...noChromium, PDF_REQUIRED: '1' }, undefined)).toThrow(
      skippedMessage(`no Chromium at ${noChromium.CHROMIUM_PATH}`, true),
    );
  });

  it('built no print route: the exam pages still lose their links, with the same one line', async () => {
    const outDir = standInBuild();
    rmSync(join(outDir, 'quiz', 'paper'), { recursive: true });
    const reason = `no Chromium at ${noChromium.CHROMIUM_PATH}`;
    const warnings: string[] = [];
    let indexed = false;
    const result = await makePapers({
      outDir,
      base: '/',
      env: noChromium,
      noPapers: reason,
      alongside: () => {
        indexed = true;
        return Promise.resolve();
      },
      info: () => undefined,
      warn: (line) => warnings.push(line),
    });
    expect(result).toMatchObject({ files: [], skipped: reason });
    expect(warnings).toEqual([skippedMessage(reason, false)]);
    expect(readFileSync(join(outDir, 'quiz', 'index.html'), 'utf8')).toBe('<main><h1>Quiz</h1><p>Rest</p></main>');
    expect(indexed, 'the search index is still built').toBe(true);
  });
});
