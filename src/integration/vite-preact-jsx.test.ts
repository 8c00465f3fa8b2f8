import preact from '@astrojs/preact';
import type { AstroIntegration } from 'astro';
import type { Plugin, PluginOption, ResolvedConfig, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { preactJsxWithoutBabel } from './vite-preact-jsx';

/** The Vite plugins @astrojs/preact adds for `astro build`, as astro.config.mjs configures it. */
async function preactPluginsForBuild(): Promise<Plugin[]> {
  let vite: UserConfig | undefined;
  const setup = preact({ include: ['**/*.tsx'] }).hooks['astro:config:setup'];
  const hookOptions = {
    command: 'build',
    addRenderer: () => undefined,
    injectScript: () => undefined,
    updateConfig: (config: { vite?: UserConfig }) => (vite = config.vite),
  } as unknown as Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0];
  await setup?.(hookOptions);
  const flatten = (options: PluginOption[]): Plugin[] =>
    options.flatMap((option) => (Array.isArray(option) ? flatten(option) : option ? [option as Plugin] : []));
  return flatten(vite?.plugins ?? []);
}

describe("the islands' JSX in builds", () => {
  it('turns off the Babel pass @astrojs/preact configures, which this relies on finding by name', async () => {
    const plugins = await preactPluginsForBuild();
    const babelPass = plugins.find((plugin) => plugin.name === 'vite:preact-jsx');
    expect(babelPass?.transform, "@astrojs/preact's preset still has its Babel pass, under this name").toBeTypeOf(
      'function',
    );
    const configResolved = preactJsxWithoutBabel().configResolved;
    if (typeof configResolved !== 'function') throw new Error('the plugin has no configResolved hook');
    await configResolved.call({} as never, { plugins } as unknown as ResolvedConfig);
    expect(babelPass?.transform, 'the Babel pass is gone').toBeUndefined();
  });

  it("gives the JSX to Vite's own transform with Preact's runtime, in builds only", () => {
    const plugin = preactJsxWithoutBabel();
    expect(plugin.apply, 'the dev server keeps the preset as it is').toBe('build');
    const config = typeof plugin.config === 'function' ? plugin.config.call({} as never, {}, {} as never) : undefined;
    expect(config).toEqual({ oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } });
  });
});
