import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that run real `astro build`s, one after another: the longest files of the suite. The
 * broken-content cases are two files, so that each worker starts on half of them.
 */
const buildFiles = [
  'scripts/build-errors-frontmatter.test.ts',
  'scripts/build-errors-body.test.ts',
  'scripts/pdf.test.ts',
];

/**
 * Starts the build files first, so the short unit test files fill the workers around them.
 * Without timings from an earlier run (a fresh clone, as in CI), Vitest orders files by size,
 * which started the longest file among the last.
 */
class BuildFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isBuildFile = (file: TestSpecification) => buildFiles.some((name) => file.moduleId.endsWith(name));
    return [...sorted.filter(isBuildFile), ...sorted.filter((file) => !isBuildFile(file))];
  }
}

/**
 * One pool for the pure unit tests and the build-level tests: each file's real `astro build`s run
 * in a copy of the project of their own (scripts/astro-build.ts), so builds and unit tests share
 * the cores instead of taking turns. Workers are shared between files (`isolate: false`): no test
 * mocks a module or stubs a global, and a fresh worker per file cost more than the tests themselves.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    isolate: false,
    // Vitest's default leaves a core to its main process, which is idle here: one worker on two cores.
    maxWorkers: availableParallelism(),
    // V8's optimizing compiler (TurboFan) off: test files run too briefly to repay it, and its
    // compiling took about 4 of the workers' CPU-seconds. The builds the tests start are not affected.
    execArgv: ['--max-opt=2'],
    sequence: { sequencer: BuildFilesFirst },
  },
});
