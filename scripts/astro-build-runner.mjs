/**
 * Runs `astro build`s one after another in this one Node process, for the build-level tests
 * (scripts/astro-build.ts starts it). Starting Node and loading Astro is about a second of CPU per
 * build; here it is paid once per test file, as Astro's own test suite builds its fixtures.
 *
 * Reads one JSON line per build from stdin, `{ "root": "/dir", "env": { "NAME": "value" } }`: the
 * build runs in `root` (also the working folder, as under the CLI) with `env` added to the
 * environment for that build only. Everything the build prints goes to stdout, in order, then a
 * line of the marker given as the first argument and the status the CLI would have exited with.
 */
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'astro';

const [doneMarker] = process.argv.slice(2);
if (!doneMarker) throw new Error('Usage: node scripts/astro-build-runner.mjs <marker printed after each build>');

// A failed build is printed as the CLI prints it (astro/dist/cli/throw-and-exit.js), so the tests
// read what a person running `astro build` reads. Astro exports none of these three.
const astroDir = dirname(fileURLToPath(import.meta.resolve('astro/package.json')));
const fromAstro = (file) => import(pathToFileURL(join(astroDir, 'dist', file)).href);
const [{ collectErrorMetadata }, { createSafeError }, { formatErrorMessage }] = await Promise.all([
  fromAstro('core/errors/dev/index.js'),
  fromAstro('core/errors/index.js'),
  fromAstro('core/messages/runtime.js'),
]);

// One stream, so the parent reads the build's warnings and errors in the order they were written.
process.stderr.write = process.stdout.write.bind(process.stdout);

for await (const line of createInterface({ input: process.stdin })) {
  /** @type {{ root: string, env: Record<string, string> }} */
  const { root, env } = JSON.parse(line);
  const previous = Object.keys(env).map((name) => [name, process.env[name]]);
  Object.assign(process.env, env);
  process.chdir(root);
  let status = 0;
  try {
    await build({ root });
  } catch (error) {
    console.error(formatErrorMessage(collectErrorMetadata(createSafeError(error)), true));
    status = 1;
  }
  for (const [name, value] of previous)
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  process.stdout.write(`\n${doneMarker} ${String(status)}\n`);
}
