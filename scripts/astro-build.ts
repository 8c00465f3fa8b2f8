import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/**
 * Real `astro build` runs for the build-level tests, side by side with the other tests.
 *
 * Astro writes the content modules of the build in progress to `<project root>/.astro/`, so two
 * builds of different content from one root read each other's content. Each test file's builds
 * therefore run in copies of the project's build inputs, with node_modules linked rather than
 * copied (a copy takes a few milliseconds).
 */

const projectRoot = resolve(import.meta.dirname, '..');

/**
 * What a build reads besides its content (EXAMS_DIR) and node_modules. A build that misses one
 * fails naming the file it could not load: add that file or folder here.
 */
const buildInputs = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts'];

/** Copies the project's build inputs into `dir` (created if needed) and returns `dir`. */
export function copyProject(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const entry of buildInputs) cpSync(join(projectRoot, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export interface BuildResult {
  status: number | null;
  /** stdout and stderr, without colour codes (CI may force colours): read as a person reads them. */
  output: string;
  seconds: number;
}

// Vitest puts Vite's own variables (BASE_URL=/, MODE=test, NODE_ENV=test…) in process.env; a build
// would take BASE_URL for import.meta.env.BASE_URL and ignore BASE_PATH.
const inheritedEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) =>
      !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(name) && !name.startsWith('VITEST'),
  ),
);

// Printed by the runner after each build's output, with the build's exit status.
const doneMarker = '\u001eastro-build-runner done';
const doneLine = new RegExp(`\\n${doneMarker} (\\d+)\\n`);

interface PendingBuild {
  started: number;
  done: (result: BuildResult) => void;
  fail: (error: Error) => void;
}

/**
 * `astro build`s for one test file, in roots made by copyProject, each with `env` added. They run
 * one after another in one Node process (scripts/astro-build-runner.mjs), started by this Node
 * (npx would resolve the CLI again) on the first build: starting Node and loading Astro cost about
 * a second of CPU per build when each build was a process of its own. Call `close` after the file's
 * builds are done.
 */
export function astroBuilds(): {
  build: (root: string, env: Record<string, string>) => Promise<BuildResult>;
  close: () => void;
} {
  let runner: ChildProcessWithoutNullStreams | undefined;
  const queue: PendingBuild[] = [];
  let output = '';

  function read(text: string): void {
    output += text;
    for (let end = doneLine.exec(output); end; end = doneLine.exec(output)) {
      const pending = queue.shift();
      if (!pending) throw new Error(`astro-build-runner finished a build nobody asked for:\n${output}`);
      pending.done({
        status: Number(end[1]),
        output: stripVTControlCharacters(output.slice(0, end.index)),
        seconds: (performance.now() - pending.started) / 1000,
      });
      output = output.slice(end.index + end[0].length);
      if (queue[0]) queue[0].started = performance.now();
    }
  }

  function start(): ChildProcessWithoutNullStreams {
    const child = spawn(process.execPath, [join(projectRoot, 'scripts/astro-build-runner.mjs'), doneMarker], {
      // No usage telemetry from test builds: a failing build waits for Astro's post (up to 400 ms).
      env: { ...inheritedEnv, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.stdout.setEncoding('utf8').on('data', read);
    // Only what bypasses the runner's console (a native crash) arrives here.
    child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
    const failAll = (reason: string) => {
      for (const pending of queue.splice(0))
        pending.fail(new Error(`astro-build-runner ${reason}:\n${stripVTControlCharacters(output)}`));
    };
    child.on('error', (error) => failAll(`could not start: ${error.message}`));
    child.on('close', (status) => failAll(`exited with status ${String(status)} during a build`));
    return child;
  }

  return {
    build(root, env) {
      runner ??= start();
      const ready = runner;
      return new Promise((done, fail) => {
        queue.push({ started: performance.now(), done, fail });
        ready.stdin.write(`${JSON.stringify({ root, env })}\n`);
      });
    },
    close() {
      // Killed rather than let go: a build still running (its test timed out) would keep it alive.
      runner?.kill();
    },
  };
}
