import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The import command as course staff run it: `node scripts/import.ts` (what `npm run import` runs)
 * writes a LaTeX exam-class fixture into an exams folder. The end-to-end build imports the same
 * fixture, with its answer keys, and builds it with the site (e2e/global-setup.ts), so its pages
 * are checked there (e2e/site.spec.ts) rather than by a second build here.
 */
const workDir = mkdtempSync(join(tmpdir(), 'import-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function importCommand(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run import', { timeout: 240_000 }, () => {
  it('imports the LaTeX fixture into an exam folder, saying what it wrote', () => {
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

    expect(readdirSync(join(exams, 'test202-winter-2025-final')).sort(), 'the files it lists').toEqual([
      '01-warm-up.mdx',
      '02-networks.mdx',
      '03-question-3.mdx',
      'index.mdx',
      'network.png',
    ]);
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
