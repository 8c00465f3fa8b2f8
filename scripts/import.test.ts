import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The import command end to end: `node scripts/import.ts` (what `npm run import` runs) writes a
 * LaTeX exam-class fixture into an exams folder, and a real `astro build` of that folder
 * publishes it. Until the content schema knows `answer`, the build uses `--no-keys` (the keys
 * themselves are tested on the content model in src/importer/).
 */
const workDir = mkdtempSync(join(tmpdir(), 'import-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function importCommand(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8' });
  // CI may force colours (FORCE_COLOR): the assertions read the messages as a person reads them.
  return {
    status: result.status,
    stdout: stripVTControlCharacters(result.stdout),
    stderr: stripVTControlCharacters(result.stderr),
  };
}

describe('npm run import', { timeout: 240_000 }, () => {
  it('imports the LaTeX fixture and the site builds with it', () => {
    const exams = join(workDir, 'exams');
    const imported = importCommand(
      'src/importer/fixtures/latex/test-final.tex',
      '--id',
      'test202-winter-2025-final',
      '--out',
      exams,
      '--no-keys',
    );
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain(
      `Imported src/importer/fixtures/latex/test-final.tex (LaTeX exam class) → ${join(exams, 'test202-winter-2025-final')}/`,
    );
    expect(imported.stdout).toContain('Answer keys: 4 (3 multiple choice, 1 numeric), not written (--no-keys)');
    expect(imported.stdout).toContain(`Build: EXAMS_DIR=${exams} npx astro build`);

    const dist = join(workDir, 'dist');
    const build = spawnSync('npx', ['astro', 'build'], {
      encoding: 'utf8',
      env: { ...process.env, EXAMS_DIR: exams, OUT_DIR: dist, ASTRO_CACHE_DIR: join(workDir, 'cache') },
    });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);

    const page = readFileSync(join(dist, 'test202-winter-2025-final', 'networks', 'index.html'), 'utf8');
    expect(page).toContain('Problem 2: Networks');
    expect(page).toMatch(
      /<figure class="figure" id="figure-1"><img src="\/_astro\/network\.[\w-]+\.png" width="24" height="16" alt="A two-layer network with input x ∈ ℝ\^4\."\/?>/,
    );
    expect(page).toContain('id="2ai"');
    expect(page).toContain('class="katex"');
    const image = /src="\/_astro\/(network\.[\w-]+\.png)"/.exec(page)?.[1] ?? '';
    expect(existsSync(join(dist, '_astro', image))).toBe(true);
    expect(readFileSync(join(dist, 'test202-winter-2025-final', 'warm-up', 'index.html'), 'utf8')).toContain(
      'Which of these are norms on',
    );
  });

  it('fails with exit code 1 and one message, writing nothing', () => {
    const exams = join(workDir, 'empty');
    const result = importCommand(join(workDir, 'missing.tex'), '--out', exams);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `Import failed: ${join(workDir, 'missing.tex')}: cannot read the file: it does not exist\nNothing was written.\n`,
    );
    expect(existsSync(exams) ? readdirSync(exams) : []).toEqual([]);
  });

  it('explains its usage on a wrong command line (exit code 2)', () => {
    const result = importCommand('--frobnicate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--frobnicate'");
    expect(result.stderr).toContain(
      'Usage: npm run import -- <file> [--id <exam-id>] [--force] [--out <dir>] [--no-keys] [--set field=value]',
    );
  });
});
