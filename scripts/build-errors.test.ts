import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The unit tests check each content rule's message; these check the wiring: a real `astro build`
 * over broken content fails, and its output names the file and the problem.
 */
const workDir = mkdtempSync(join(tmpdir(), 'exam-build-errors-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function buildWith(breakContent: (examDir: string) => void): { status: number | null; output: string } {
  const root = mkdtempSync(join(workDir, 'case-'));
  const examDir = join(root, 'exams', 'tiny-test-exam');
  cpSync('e2e/fixtures/exams/tiny-test-exam', examDir, { recursive: true });
  breakContent(examDir);
  const result = spawnSync('npx', ['astro', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, EXAMS_DIR: join(root, 'exams'), OUT_DIR: join(root, 'dist'), ASTRO_CACHE_DIR: join(root, 'cache') },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('the build stops on broken content, naming the place', { timeout: 120_000 }, () => {
  it('missing frontmatter field', () => {
    const { status, output } = buildWith((dir) => edit(join(dir, '01-warm-up.mdx'), (text) => text.replace(/^title: .*$/m, '')));
    expect(status, output).not.toBe(0);
    expect(output).toContain('01-warm-up.mdx');
    expect(output).toContain('`title` is missing; add e.g. `title: Weight Initialization`');
  });

  it('problem points that do not add up to the exam total', () => {
    const { status, output } = buildWith((dir) => edit(join(dir, 'index.mdx'), (text) => text.replace(/^totalPoints: .*$/m, 'totalPoints: 11')));
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/tiny-test-exam\/index\.mdx: `totalPoints: 11` but its problems add up to 10 \(1: 4 \+ 2: 6\)/);
  });

  it('a formula KaTeX cannot parse, with its line', () => {
    const { status, output } = buildWith((dir) =>
      edit(join(dir, '02-linear-models.mdx'), (text) => text.replace('$$\n', () => '$$\n\\frac{1}{\n')),
    );
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/02-linear-models\.mdx:\d+:1: a formula does not parse in KaTeX/);
  });
});
