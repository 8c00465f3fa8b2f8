/**
 * `node scripts/parallel.mjs <npm script>...` runs npm scripts side by side and fails when any
 * fails. Each one's output is printed whole when it ends, under its name and time, so the outputs
 * never interleave.
 *
 * `npm test` runs its static checks this way (ESLint, Prettier, `astro check`): each reads the
 * project without writing it (Astro's generated types come from one `astro sync` before them), and
 * type-aware ESLint keeps one core busy for about 20 s while the other checks fit beside it.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('Usage: node scripts/parallel.mjs <npm script> [<npm script>...]');
  process.exit(2);
}

/** @param {string} script @returns {Promise<boolean>} whether it passed */
function run(script) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(String(error))));
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const verdict = code === 0 ? 'passed' : `FAILED (exit ${String(code)})`;
      process.stdout.write(`\n── npm run ${script}: ${verdict} in ${seconds} s\n${Buffer.concat(output).toString()}`);
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(scripts.map(run));
const failed = scripts.filter((_, index) => !results[index]);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.map((script) => `npm run ${script}`).join(', ')}`);
  process.exit(1);
}
