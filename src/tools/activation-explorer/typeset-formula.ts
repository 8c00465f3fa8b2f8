import katex from 'katex';
import { memoizeRecent } from '../../maths/memo';

/**
 * A catalogue formula typeset by KaTeX at build time (ActivationExplorer.astro), once per build
 * rather than once per page showing the explorer: the catalogue's TeX is the same on every page,
 * and typesetting it again was about 1 s of page generation at 1,000 problem pages. Trusted TeX
 * from the catalogue; a formula that does not parse fails the build. Kept out of activations.ts,
 * which the island ships to the browser, so KaTeX stays on the server.
 */
export const typesetFormula = memoizeRecent(
  (tex: string) => katex.renderToString(tex, { throwOnError: true }),
  (tex) => tex,
  200,
);
