import { defineConfig } from 'vitest/config';

/**
 * Tests that run a real `astro build` share the project's `.astro/` folder, where Astro writes
 * the content modules of the build in progress, so two at once would read each other's content:
 * they are a project of their own, one file at a time. The pure unit tests share workers
 * (`isolate: false`): none mocks a module or stubs a global, and a fresh worker per file cost
 * more than the tests themselves.
 */
const builds = ['scripts/build-errors.test.ts', 'scripts/pdf.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: builds,
          isolate: false,
        },
      },
      { extends: true, test: { name: 'builds', include: builds, fileParallelism: false } },
    ],
  },
});
