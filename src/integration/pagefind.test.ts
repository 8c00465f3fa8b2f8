import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSite, pagefindGlob } from './pagefind';

describe('indexing the built site with Pagefind', { timeout: 60_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'pagefind-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes the bundle the search UI loads, indexing only pages with a search body', async () => {
    const site = join(root, 'site');
    mkdirSync(join(site, 'exam', 'problem'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<html lang="en"><body><p>Home page, not indexed</p></body></html>');
    writeFileSync(
      join(site, 'exam', 'problem', 'index.html'),
      '<html lang="en"><body><article data-pagefind-body><h1>Weight initialization</h1><p>Xavier variance</p></article></body></html>',
    );
    expect(await indexSite(site), 'pages read').toBe(2);
    expect(existsSync(join(site, 'pagefind', 'pagefind.js')), 'the script the search UI imports').toBe(true);
    const entry = JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['en']?.page_count, 'only the page with data-pagefind-body').toBe(1);
  });

  it('reads only the pages it is given, for the same index as reading every page', async () => {
    const site = join(root, 'site-given');
    const problem = join(site, 'exam', 'problem', 'index.html');
    mkdirSync(join(site, 'exam', 'problem'), { recursive: true });
    mkdirSync(join(site, 'exam', 'mock'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<html lang="en"><body><p>Home page</p></body></html>');
    writeFileSync(join(site, 'exam', 'mock', 'index.html'), '<html lang="en"><body><p>Mock exam</p></body></html>');
    writeFileSync(
      problem,
      '<html lang="en"><body><article data-pagefind-body><h1>Batch normalization</h1></article></body></html>',
    );
    expect(await indexSite(site, [problem]), 'pages read').toBe(1);
    const entry = JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['en']?.page_count, 'the page given is indexed').toBe(1);
  });

  it('fails when there is nothing to index, rather than shipping an empty search', async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    await expect(indexSite(empty)).rejects.toThrow(`Pagefind found no HTML pages in ${empty}`);
  });
});

describe('the glob that names the pages Pagefind reads', () => {
  const outDir = join('/site', 'dist');
  it('names each page by its path in the site, in braces when there are several', () => {
    expect(pagefindGlob(outDir, [join(outDir, 'exam', 'index.html')])).toBe('exam/index.html');
    expect(pagefindGlob(outDir, [join(outDir, 'a', 'index.html'), join(outDir, 'b', 'c', 'index.html')])).toBe(
      '{a/index.html,b/c/index.html}',
    );
  });

  it('leaves Pagefind to read every page when none is given or a path holds a glob character', () => {
    expect(pagefindGlob(outDir, [])).toBeUndefined();
    expect(pagefindGlob(outDir, [join(outDir, 'a,b', 'index.html')])).toBeUndefined();
    expect(pagefindGlob(outDir, [join(outDir, 'x', 'index.html'), join(outDir, 'y{1}', 'index.html')])).toBeUndefined();
  });
});
