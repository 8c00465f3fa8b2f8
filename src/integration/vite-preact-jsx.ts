import type { Plugin } from 'vite';

/**
 * Islands' JSX compiled by Vite's own transform (oxc, native) instead of Babel. @astrojs/preact
 * always hands its Vite preset a Babel configuration, and the preset then runs Babel over every
 * `.tsx` module: about a tenth of the real site's cold build, loading Babel included. Builds only:
 * the dev server keeps the preset's Babel pass, which adds what Preact's devtools read.
 */
export function preactJsxWithoutBabel(): Plugin {
  return {
    name: 'study-guide:preact-jsx-without-babel',
    apply: 'build',
    config: () => ({ oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } }),
    configResolved(config) {
      // The preset's plugin does nothing else at build time (its config hook has already run).
      const babelPass = config.plugins.find((plugin) => plugin.name === 'vite:preact-jsx');
      if (babelPass) Reflect.deleteProperty(babelPass, 'transform');
    },
  };
}
