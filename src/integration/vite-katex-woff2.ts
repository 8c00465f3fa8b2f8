import type { Plugin } from 'vite';

/**
 * KaTeX's stylesheet lists each font as woff2, woff and ttf. Every browser this site supports
 * reads woff2, so the other two are dead weight that Vite would still copy into the build.
 * Dropping them from the @font-face sources means they are never emitted.
 */
export function stripLegacyFontFormats(css: string): string {
  return css.replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, '');
}

export function katexWoff2Only(): Plugin {
  return {
    name: 'katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/katex(\.min)?\.css(\?|$)/.test(id)) return null;
      return { code: stripLegacyFontFormats(code), map: null };
    },
  };
}
