import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classify, formatMessage, validateBuild, type VnuMessage } from './validate-html';

const islandStyle = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';
const notFirst = 'A “style” element in “body” must be the first child of its parent.';

describe('classifying the HTML checker’s messages', () => {
  const source = `<p>x</p>\n<details><summary>s</summary>${islandStyle}<style>p{}</style></details>`;
  const at = (column: number): VnuMessage => ({
    type: 'error',
    url: 'file:/site/a.html',
    lastLine: 2,
    firstColumn: column,
    message: notFirst,
  });

  it('exempts Astro’s island style, and only that element, from the style-position rule', () => {
    const islandColumn = source.split('\n')[1]!.indexOf('<style>') + 1;
    const otherColumn = source.split('\n')[1]!.lastIndexOf('<style>') + 1;
    const { errors } = classify([at(islandColumn), at(otherColumn)], () => source);
    expect(
      errors.map((error) => error.firstColumn),
      'the site’s own misplaced style still fails',
    ).toEqual([otherColumn]);
  });

  it('fails on errors and non-document errors, reports warnings, drops plain notes', () => {
    const messages: VnuMessage[] = [
      { type: 'error', message: 'Stray start tag “script”.' },
      { type: 'non-document-error', message: 'File not found.' },
      { type: 'info', subType: 'warning', message: 'Private Use Area' },
      { type: 'info', message: 'Trailing slash on void elements has no effect' },
    ];
    const { errors, warnings } = classify(messages, () => '');
    expect(errors.map((error) => error.message)).toEqual(['Stray start tag “script”.', 'File not found.']);
    expect(warnings.map((warning) => warning.message)).toEqual(['Private Use Area']);
  });

  it('names the file relative to the build, with line and column', () => {
    expect(
      formatMessage(
        { type: 'error', url: 'file:/site/search/index.html', lastLine: 24, firstColumn: 68, message: 'Bad value' },
        '/site',
      ),
    ).toBe('search/index.html:24:68: Bad value');
  });
});

describe('checking a build with vnu', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'validate-html-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const page = (body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

  it('passes a valid page with Astro’s island style and reports the invalid one with its line', () => {
    mkdirSync(join(dir, 'ok'));
    writeFileSync(join(dir, 'ok', 'index.html'), page(`<main><p>x</p>${islandStyle}</main>`));
    const bad = page('<form action=""></form>');
    writeFileSync(join(dir, 'bad.html'), bad);
    const { files, errors } = validateBuild(dir);
    expect(files, 'every .html file, in subfolders too').toHaveLength(2);
    expect(errors.map((error) => formatMessage(error, dir))).toEqual([
      `bad.html:1:${bad.indexOf('<form') + 1}: Bad value “” for attribute “action” on element “form”: Must be non-empty.`,
    ]);
  });
});
