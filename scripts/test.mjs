// `npm test`: every check of the project, run side by side where that is safe, each step's output
// kept and printed whole when it fails (a one-line summary when it passes), then the time of each.
//
// What may overlap is decided by one fact: Astro writes the project's `.astro/` folder (content
// modules and types) on every sync, check and build, and type-aware ESLint reads it. So those
// steps follow one another (sync → ESLint → astro check → the build-level unit tests → the
// end-to-end build), and what touches neither `.astro/` nor a build runs beside them: the pure
// unit tests, Prettier and the workflow check beside ESLint, the HTML checker beside the browser
// tests. The build-level unit tests could run beside the browser tests too, but both keep two
// cores busy, and side by side they took longer than one after the other.
// The individual scripts (`npm run lint`, `check`, `test:unit`, `test:e2e`, …) still run alone.
import { spawn } from 'node:child_process';
import { delimiter, dirname, resolve } from 'node:path';

const workDir = process.env.E2E_WORK_DIR ?? '.e2e';
const bin = resolve('node_modules/.bin');
// Node 24 (the `node` devDependency) and the project's tools first, whoever started this script.
const env = { ...process.env, PATH: [dirname(process.execPath), bin, process.env.PATH ?? ''].join(delimiter) };

/** @type {Array<{ name: string, command: string[], after: string[], env?: Record<string, string> }>} */
const steps = [
  { name: 'astro sync', command: ['astro', 'sync'], after: [] },
  { name: 'eslint', command: ['eslint', '.', '--max-warnings', '0'], after: ['astro sync'] },
  { name: 'prettier', command: ['prettier', '--check', '.'], after: [] },
  { name: 'workflow', command: ['action-validator', '.github/workflows/deploy.yml'], after: [] },
  { name: 'unit tests', command: ['vitest', 'run', '--project', 'unit'], after: [] },
  { name: 'astro check', command: ['astro', 'check'], after: ['eslint'] },
  { name: 'build-level unit tests', command: ['vitest', 'run', '--project', 'builds'], after: ['astro check'] },
  { name: 'end-to-end build', command: [process.execPath, 'e2e/build-site.ts'], after: ['build-level unit tests'] },
  {
    name: 'end-to-end tests',
    command: ['playwright', 'test'],
    after: ['end-to-end build'],
    env: { E2E_DIST: `${workDir}/dist`, E2E_FIXTURE_EXAM: '1' },
  },
  {
    name: 'HTML check',
    command: [process.execPath, 'scripts/validate-html.ts', `${workDir}/dist`],
    after: ['end-to-end build'],
  },
];

const started = performance.now();
const seconds = (/** @type {number} */ from) => ((performance.now() - from) / 1000).toFixed(1);

/**
 * Runs one step with its output kept; prints a one-line summary when it passes and the whole
 * output when it fails.
 * @param {(typeof steps)[number]} step
 * @returns {Promise<{ ok: boolean, seconds: string }>}
 */
function run(step) {
  const from = performance.now();
  const [command = '', ...args] = step.command;
  const child = spawn(command, args, { env: { ...env, ...step.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  /** @type {string[]} */
  const output = [];
  child.stdout.on('data', (/** @type {Buffer} */ chunk) => output.push(chunk.toString()));
  child.stderr.on('data', (/** @type {Buffer} */ chunk) => output.push(chunk.toString()));
  return new Promise((done) => {
    /** @param {string | null} problem */
    const finish = (problem) => {
      const took = seconds(from);
      const text = output.join('');
      if (problem === null) {
        // eslint-disable-next-line no-control-regex -- ANSI colour codes some tools print anyway
        const last = (text.trim().split('\n').at(-1) ?? '').replace(/\x1b\[[0-9;]*m/g, '');
        console.log(`✓ ${step.name} (${took} s)${last ? `: ${last}` : ''}`);
      } else {
        console.log(`\n✗ ${step.name} failed (${took} s) ${problem}:\n${text}`);
      }
      done({ ok: problem === null, seconds: took });
    };
    child.on('error', (error) => finish(`to start: ${error.message}`));
    child.on('close', (code) => finish(code === 0 ? null : `with exit code ${String(code)}`));
  });
}

/** @type {Map<string, { ok: boolean, seconds: string }>} */
const results = new Map();
const waiting = new Set(steps);
/** @type {Set<Promise<void>>} */
const inFlight = new Set();
const anyFailed = () => [...results.values()].some((result) => !result.ok);
for (;;) {
  // After a failure nothing new starts; the steps already running finish and are reported.
  if (!anyFailed()) {
    for (const step of waiting) {
      if (!step.after.every((name) => results.get(name)?.ok === true)) continue;
      waiting.delete(step);
      const promise = run(step).then((result) => {
        results.set(step.name, result);
        inFlight.delete(promise);
      });
      inFlight.add(promise);
    }
  }
  if (inFlight.size === 0) break;
  await Promise.race(inFlight);
}

const failed = anyFailed() || waiting.size > 0;
console.log(`\n${failed ? 'FAILED' : 'All passed'} in ${seconds(started)} s (steps side by side where safe):`);
for (const step of steps) {
  const result = results.get(step.name);
  const mark = result === undefined ? '-' : result.ok ? '✓' : '✗';
  console.log(`  ${mark} ${step.name} ${result === undefined ? '(not run)' : `${result.seconds} s`}`);
}
process.exit(failed ? 1 : 0);
