import { describe, expect, it } from 'vitest';
import { normalizeBasePath, withBase } from './base-path';

describe('base path', () => {
  it('normalises the forms people and CI pass in', () => {
    expect(normalizeBasePath(undefined)).toBe('/');
    expect(normalizeBasePath('')).toBe('/');
    expect(normalizeBasePath('/')).toBe('/');
    expect(normalizeBasePath('/cs230-guide'), 'configure-pages gives no trailing slash').toBe('/cs230-guide/');
    expect(normalizeBasePath('cs230-guide/')).toBe('/cs230-guide/');
    expect(normalizeBasePath('/a/b/')).toBe('/a/b/');
  });

  it('rejects a full URL with a message saying what is expected', () => {
    expect(() => normalizeBasePath('https://x.github.io/repo')).toThrow(/BASE_PATH must be a path/);
  });

  it('joins without doubling slashes', () => {
    expect(withBase('/g/', '/exam/p/')).toBe('/g/exam/p/');
    expect(withBase('/', 'search/')).toBe('/search/');
  });
});
