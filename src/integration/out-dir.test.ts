import { describe, expect, it } from 'vitest';
import { outDirProblem } from './out-dir';

describe('output folder', () => {
  it('accepts a folder inside the project or elsewhere', () => {
    expect(outDirProblem('/work/guide/dist', '/work/guide')).toBeUndefined();
    expect(outDirProblem('/tmp/site', '/work/guide')).toBeUndefined();
  });

  it('refuses a sibling whose name begins with the project folder name', () => {
    expect(outDirProblem('/work/guide-out', '/work/guide')).toBe(
      "OUT_DIR /work/guide-out is outside the project but its path begins with the project's (/work/guide); Astro 7 mistakes it for a folder inside the project and the build fails. Use a folder inside the project (e.g. ./dist) or one whose path does not begin with /work/guide",
    );
  });
});
