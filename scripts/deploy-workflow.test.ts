import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * The schema check (action-validator, `npm run test:workflow`) says the workflow is valid YAML for
 * GitHub; these say it does what the project promises: test before deploying, least privilege,
 * one deployment at a time, and bounded run times.
 */
interface Step {
  name?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  'timeout-minutes'?: number;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string };
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync('.github/workflows/deploy.yml', 'utf8')) as Workflow;
const jobs = Object.entries(workflow.jobs);

function stepIndex(job: Job, predicate: (step: Step) => boolean): number {
  return job.steps.findIndex(predicate);
}

describe('the GitHub Pages workflow', () => {
  it('runs on pushes to main and by hand', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'workflow_dispatch']);
  });

  it('grants only read access by default and Pages rights only to the deploy job', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const writers = jobs
      .filter(([, job]) => Object.values(job.permissions ?? {}).includes('write'))
      .map(([name]) => name);
    expect(writers).toEqual(['deploy']);
    expect(workflow.jobs['deploy']?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('has a concurrency group and a timeout on every job', () => {
    expect(workflow.concurrency.group).toBeTruthy();
    for (const [name, job] of jobs) expect(job['timeout-minutes'], `timeout of job ${name}`).toBeGreaterThan(0);
  });

  it('builds with the Pages origin and base path, tests that build, and only then uploads', () => {
    const job = workflow.jobs['build-and-test']!;
    const build = stepIndex(job, (step) => step.run === 'npm run build');
    const e2e = stepIndex(
      job,
      (step) => step.run?.startsWith('npm run test:e2e') === true && step.env?.['E2E_DIST'] === 'dist',
    );
    const upload = stepIndex(job, (step) => step.uses?.startsWith('actions/upload-pages-artifact') === true);
    expect(job.steps[build]?.env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
      CHROMIUM_PATH: '/usr/bin/google-chrome',
      PDF_REQUIRED: '1',
    });
    expect(job.steps[e2e]?.env?.['E2E_BASE_PATH'], 'e2e serves the build under the Pages base path').toBe(
      '${{ steps.pages.outputs.base_path }}',
    );
    expect(build, 'build step exists').toBeGreaterThanOrEqual(0);
    expect(e2e, 'e2e runs after the build').toBeGreaterThan(build);
    expect(upload, 'upload happens after the e2e tests').toBeGreaterThan(e2e);
  });

  it('restores Astro’s cache after installing and before building, so unchanged papers are not printed again', () => {
    const job = workflow.jobs['build-and-test']!;
    const install = stepIndex(job, (step) => step.run?.startsWith('npm ci') === true);
    const cache = stepIndex(job, (step) => step.uses?.startsWith('actions/cache') === true);
    const build = stepIndex(job, (step) => step.run === 'npm run build');
    expect(job.steps[cache]?.with?.['path'], 'the cache holds Astro’s cache folder').toBe('node_modules/.astro');
    expect(cache, 'restored after npm ci, which would empty it').toBeGreaterThan(install);
    expect(build, 'restored before the build').toBeGreaterThan(cache);
  });

  it('never deploys a site without its exam papers: every build there requires the PDFs', () => {
    const job = workflow.jobs['build-and-test']!;
    const builds = job.steps.filter(
      (step) => step.run === 'npm run build' || step.run?.startsWith('npm run test:e2e') === true,
    );
    for (const step of builds) {
      // An e2e step that serves the deployed build (E2E_DIST) builds nothing; the others build.
      if (step.env?.['E2E_DIST']) continue;
      expect(step.env?.['PDF_REQUIRED'], `PDF_REQUIRED in "${step.name ?? step.run ?? ''}"`).toBe('1');
    }
    expect(readFileSync('.ci/run', 'utf8')).toMatch(/^export PDF_REQUIRED=1$/m);
  });

  it('deploys only after the tests, then smoke-tests the deployed URL', () => {
    expect(workflow.jobs['deploy']?.needs).toBe('build-and-test');
    expect(workflow.jobs['deploy']?.steps.some((step) => step.uses?.startsWith('actions/deploy-pages'))).toBe(true);
    const smoke = workflow.jobs['smoke']!;
    expect(smoke.needs).toBe('deploy');
    const run = smoke.steps.find((step) => step.run?.includes('--grep @smoke'));
    expect(run?.env?.['E2E_BASE_URL']).toBe('${{ needs.deploy.outputs.page_url }}');
  });
});
