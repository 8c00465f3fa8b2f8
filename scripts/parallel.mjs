/**
 * `node scripts/parallel.mjs <lane>...` runs lanes of npm scripts side by side and fails when any
 * script fails. A lane is one script or several joined by commas (`a,b`), run one after another:
 * a lane stops at its first failure. Each script's output is printed whole when it ends, under its
 * name and time, so the outputs never interleave.
 *
 * `npm test` runs its static checks this way (ESLint beside Prettier then `astro check`): each
 * reads the project without writing it (Astro's generated types come from one `astro sync` before
 * them). Type-aware ESLint keeps one core busy for about 20 s, longer than the other two together,
 * so the end-to-end site is built in their lane after them (in a copy of the project, see
 * scripts/e2e-build.ts) instead of after the unit tests, with a core to itself.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const lanes = process.argv.slice(2).map((lane) => lane.split(','));
if (lanes.length === 0 || lanes.flat().includes('')) {
  console.error('Usage: node scripts/parallel.mjs <npm script>[,<npm script>...] [...]');
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

/** @param {string[]} lane @returns {Promise<string[]>} the scripts that failed (a lane stops at the first) */
async function runLane(lane) {
  for (const [index, script] of lane.entries()) {
    if (await run(script)) continue;
    for (const skipped of lane.slice(index + 1))
      process.stdout.write(`\n── npm run ${skipped}: not run, since npm run ${script} failed before it\n`);
    return [script];
  }
  return [];
}

const failed = (await Promise.all(lanes.map(runLane))).flat();
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.map((script) => `npm run ${script}`).join(', ')}`);
  process.exit(1);
}
