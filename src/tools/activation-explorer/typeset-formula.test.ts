import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { typesetFormula } from './typeset-formula';

describe('a catalogue formula typeset at build time', () => {
  it('is KaTeX’s HTML, the same when asked again (memoizeRecent keeps it: maths/memo.test.ts)', () => {
    const html = katex.renderToString('\\sigma(x) = \\frac{1}{1 + e^{-x}}', { throwOnError: true });
    expect(typesetFormula('\\sigma(x) = \\frac{1}{1 + e^{-x}}')).toBe(html);
    expect(typesetFormula('\\sigma(x) = \\frac{1}{1 + e^{-x}}')).toBe(html);
  });

  it('fails the build on TeX that does not parse, and remembers no failure', () => {
    expect(() => typesetFormula('\\frac{1}{')).toThrow('KaTeX parse error');
    expect(() => typesetFormula('\\frac{1}{')).toThrow('KaTeX parse error');
  });
});
