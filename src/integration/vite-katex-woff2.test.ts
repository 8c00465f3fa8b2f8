import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { stripLegacyFontFormats } from './vite-katex-woff2';

describe('KaTeX stylesheet fonts', () => {
  it('keeps only woff2 sources in the real KaTeX stylesheet', () => {
    const path = createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
    const original = readFileSync(path, 'utf8');
    const stripped = stripLegacyFontFormats(original);
    const fontFaces = stripped.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(fontFaces.length, 'KaTeX declares its fonts with @font-face').toBeGreaterThan(10);
    for (const face of fontFaces) {
      expect(face, 'every font keeps its woff2 source').toMatch(/\.woff2\) format\("woff2"\)/);
      expect(face, 'no woff or ttf source remains').not.toMatch(/\.(woff|ttf)\)/);
    }
  });
});

describe('KaTeX versions', () => {
  it('ships the stylesheet of the same KaTeX that renders the math', () => {
    // rehype-katex renders with its own katex dependency; a stylesheet from another KaTeX
    // version mis-styles its output (e.g. 0.19 renamed .base/.strut to .katex-base/.katex-strut).
    const require = createRequire(import.meta.url);
    const renderer = createRequire(require.resolve('rehype-katex')).resolve('katex/package.json');
    const stylesheet = require.resolve('katex/package.json');
    const version = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
    expect(version(stylesheet), 'katex (stylesheet) and rehype-katex’s katex (renderer)').toBe(version(renderer));
  });
});
