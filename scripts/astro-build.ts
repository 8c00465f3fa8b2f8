import { spawn } from 'node:child_process';
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

/**
 * `astro build` in `root` (a copy made by copyProject) with `env` added, started by this Node:
 * npx would resolve the CLI again for every build.
 */
export function astroBuild(root: string, env: Record<string, string>): Promise<BuildResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    // No usage telemetry from test builds: a failing build waits for Astro's post (up to 400 ms)
    // before it exits.
    env: { ...inheritedEnv, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (status) =>
      done({ status, output: stripVTControlCharacters(output), seconds: (performance.now() - started) / 1000 }),
    );
  });
}
