import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm test` runs its static checks through scripts/parallel.mjs: if it lost a failing check's exit
 * code, a lint error would pass the suite. Run here on a throwaway package with one passing and one
 * failing script.
 */
const workDir = mkdtempSync(join(tmpdir(), 'parallel-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
writeFileSync(
  join(workDir, 'package.json'),
  JSON.stringify({
    name: 'parallel-fixture',
    private: true,
    scripts: {
      fine: 'node -e "console.log(\'all good\')"',
      broken: 'node -e "console.error(\'lint error in a.ts\'); process.exit(3)"',
    },
  }),
);
const script = resolve('scripts/parallel.mjs');

function parallel(...scripts: string[]) {
  const result = spawnSync(process.execPath, [script, ...scripts], { cwd: workDir, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('npm scripts side by side (scripts/parallel.mjs)', () => {
  it('passes when every script passes, printing each output under its name', () => {
    const { status, output } = parallel('fine');
    expect(status, output).toBe(0);
    expect(output).toMatch(/── npm run fine: passed in \d+\.\d s\n[^]*all good/);
  });

  it('fails when any script fails, with its exit code and its output, after the others finish', () => {
    const { status, output } = parallel('fine', 'broken');
    expect(status, output).toBe(1);
    expect(output).toContain('── npm run broken: FAILED (exit 3)');
    expect(output, 'the failing script says why').toContain('lint error in a.ts');
    expect(output, 'the passing one still reports').toContain('── npm run fine: passed');
    expect(output).toContain('Failed: npm run broken');
  });

  it('runs the scripts of a lane one after another, and stops a lane at its first failure', () => {
    const { status, output } = parallel('broken,fine', 'fine,fine');
    expect(status, output).toBe(1);
    expect(output).toContain('── npm run broken: FAILED (exit 3)');
    expect(output, 'the rest of the failed lane is named as not run').toContain(
      '── npm run fine: not run, since npm run broken failed before it',
    );
    expect(output.match(/── npm run fine: passed/g), 'the other lane runs both of its scripts').toHaveLength(2);
    expect(output).toContain('Failed: npm run broken\n');
  });

  it('explains its usage when given no script (exit code 2)', () => {
    const { status, output } = parallel();
    expect(status).toBe(2);
    expect(output).toContain('Usage: node scripts/parallel.mjs <npm script>');
    expect(parallel('fine,').status, 'an empty name in a lane is a usage error').toBe(2);
  });
});
