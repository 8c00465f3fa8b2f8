import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetIndexOfMovedContent } from './moved-content';

let workDir: string;
let indexDir: string;
afterEach(() => rmSync(workDir, { recursive: true, force: true }));

/** An index folder with an index in it, as a build leaves it. */
function withIndex(): void {
  workDir = mkdtempSync(join(tmpdir(), 'moved-content-'));
  indexDir = workDir;
  writeFileSync(join(indexDir, 'data-store.json'), '{}');
}
const indexExists = () => existsSync(join(indexDir, 'data-store.json'));

describe('forgetting Astro’s content index when the exams folder moved', () => {
  it('keeps the index while the exams folder stays where it was indexed from', () => {
    withIndex();
    forgetIndexOfMovedContent(indexDir, 'content/exams');
    writeFileSync(join(indexDir, 'data-store.json'), '{}');
    expect(forgetIndexOfMovedContent(indexDir, 'content/exams'), 'nothing to say').toBeUndefined();
    expect(indexExists(), 'the index is kept').toBe(true);
  });

  it('removes the index when the exams folder moved, and says from where to where', () => {
    withIndex();
    forgetIndexOfMovedContent(indexDir, 'content/exams');
    writeFileSync(join(indexDir, 'data-store.json'), '{}');
    const message = forgetIndexOfMovedContent(indexDir, '../elsewhere/exams');
    expect(indexExists(), 'the index with the old paths is gone').toBe(false);
    expect(message).toBe(
      `The exams folder is now ../elsewhere/exams, not content/exams: Astro's content index in ${indexDir} is made again, since it kept the old file paths`,
    );
    expect(forgetIndexOfMovedContent(indexDir, '../elsewhere/exams'), 'the new place is recorded').toBeUndefined();
  });

  it('removes an index with no record of where it was made from (a cache from before the record)', () => {
    withIndex();
    expect(forgetIndexOfMovedContent(indexDir, 'content/exams')).toContain(
      'has no record of the exams folder it was made from: it is made again from content/exams',
    );
    expect(indexExists()).toBe(false);
  });

  it('records the place silently when there is no index yet, creating the folder', () => {
    workDir = mkdtempSync(join(tmpdir(), 'moved-content-'));
    indexDir = join(workDir, 'cache');
    expect(forgetIndexOfMovedContent(indexDir, 'content/exams')).toBeUndefined();
    writeFileSync(join(indexDir, 'data-store.json'), '{}');
    expect(forgetIndexOfMovedContent(indexDir, 'content/exams'), 'and keeps the index built there').toBeUndefined();
    expect(indexExists()).toBe(true);
  });
});
