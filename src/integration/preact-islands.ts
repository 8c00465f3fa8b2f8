import { createRequire } from 'node:module';
import { getContainerRenderer } from '@astrojs/preact/container-renderer';
import type preactIntegration from '@astrojs/preact';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
// With its extension: a test loads this file in Node itself, which does not guess one.
import { virtualModule } from './virtual-module.ts';

/**
 * The islands' Preact renderer. The dev server gets @astrojs/preact as it is (its Vite preset
 * brings hot reload, and a Babel pass that adds what Preact's devtools read). Builds get the same
 * renderer without that preset, which imports Babel, Prefresh and a prerender plugin on load
 * (about 0.3–0.4 s at the start of every build, check and sync, though builds never run them) and
 * passed every island through Babel. For a build with compat off the preset did nothing else
 * (its devtools plugin removes itself in production; dependency pre-bundling is the dev server's),
 * so a build registers the renderer, the options module its server entrypoint imports, and has
 * Vite's own transform (oxc, native) compile the JSX with Preact's runtime. The built site is the
 * same byte for byte.
 */
export function preactIslands(options: { include: string[] }): AstroIntegration {
  return {
    name: 'study-guide:preact-islands',
    hooks: {
      'astro:config:setup': async (setup) => {
        if (setup.command === 'dev') {
          // Node's own loader: Astro loads this file through a Vite module runner that is closed by
          // the time hooks run, so a dynamic import() here would fail.
          const { default: preact } = createRequire(import.meta.url)('@astrojs/preact') as {
            default: typeof preactIntegration;
          };
          await preact(options).hooks['astro:config:setup']?.(setup);
          return;
        }
        setup.addRenderer(getContainerRenderer());
        setup.updateConfig({ vite: { plugins: [preactForBuild(options.include)] } });
      },
    },
  };
}

/**
 * `astro:preact:opts` is the module @astrojs/preact's server entrypoint reads its `include` and
 * `exclude` from (which components it claims when rendering); the JSX settings are the preset's
 * for Vite with Rolldown.
 */
export const preactOptionsModule = 'astro:preact:opts';

export function preactForBuild(include: string[]): Plugin {
  return {
    ...virtualModule(
      'study-guide:preact-for-build',
      preactOptionsModule,
      `export default ${JSON.stringify({ include })};`,
    ),
    config: () => ({ oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } }),
  };
}
