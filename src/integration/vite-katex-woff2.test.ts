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
