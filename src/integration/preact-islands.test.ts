import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import preact from '@astrojs/preact';
import type { AstroIntegration } from 'astro';
import { transformWithOxc, type Plugin, type PluginOption, type UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { preactForBuild, preactIslands, preactOptionsModule } from './preact-islands';

type SetupHook = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;

/** What an integration's setup hook registers for a command: its renderers and Vite plugins. */
async function setUp(integration: AstroIntegration, command: 'build' | 'dev') {
  const renderers: unknown[] = [];
  const plugins: Plugin[] = [];
  const flatten = (options: PluginOption[]): Plugin[] =>
    options.flatMap((option) => (Array.isArray(option) ? flatten(option) : option ? [option as Plugin] : []));
  const hookOptions = {
    command,
    addRenderer: (renderer: unknown) => renderers.push(renderer),
    injectScript: () => undefined,
    updateConfig: (config: { vite?: UserConfig }) => plugins.push(...flatten(config.vite?.plugins ?? [])),
  } as unknown as Parameters<SetupHook>[0];
  await integration.hooks['astro:config:setup']?.(hookOptions);
  return { renderers, plugins };
}

const include = ['**/*.tsx'];

describe('Preact islands in builds', () => {
  it('registers the renderer @astrojs/preact registers for a build', async () => {
    const ours = await setUp(preactIslands({ include }), 'build');
    const theirs = await setUp(preact({ include }), 'build');
    expect(ours.renderers).toEqual(theirs.renderers);
  });

  it("serves the options module @astrojs/preact's server entrypoint reads", () => {
    const serverEntrypoint = createRequire(import.meta.url).resolve('@astrojs/preact/server.js');
    expect(readFileSync(serverEntrypoint, 'utf8'), 'the server entrypoint still imports it by this name').toContain(
      `from "${preactOptionsModule}"`,
    );
    const plugin = preactForBuild(include);
    const resolveId = plugin.resolveId as { filter: { id: RegExp }; handler: () => string };
    const load = plugin.load as { filter: { id: RegExp }; handler: () => { code: string } };
    expect(resolveId.filter.id.test(preactOptionsModule)).toBe(true);
    const resolved = resolveId.handler();
    expect(load.filter.id.test(resolved), 'the resolved id is the one the loader takes').toBe(true);
    expect(load.handler().code).toBe('export default {"include":["**/*.tsx"]};');
  });

  it("compiles the islands' JSX with Preact's runtime", async () => {
    const config = preactForBuild(include).config as () => { oxc: { jsx: object } };
    const { code } = await transformWithOxc('export const A = () => <p>hi</p>;', 'island.tsx', {
      jsx: config().oxc.jsx,
    });
    expect(code).toContain('from "preact/jsx-runtime"');
  });

  it('never loads Babel (nor @astrojs/preact and its Vite preset)', () => {
    // Node's own loader, in a process of its own, records every module a build's setup resolves.
    const script = `
      import { registerHooks } from 'node:module';
      const seen = [];
      registerHooks({ resolve(specifier, context, next) { const result = next(specifier, context); seen.push(result.url); return result; } });
      const { preactIslands } = await import('./src/integration/preact-islands.ts');
      await preactIslands({ include: ['**/*.tsx'] }).hooks['astro:config:setup']({
        command: 'build', addRenderer() {}, updateConfig() {}, injectScript() {},
      });
      console.log(JSON.stringify(seen));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const loaded = JSON.parse(run.stdout) as string[];
    expect(loaded.some((url) => url.includes('/@astrojs/preact/dist/container-renderer.js'))).toBe(true);
    expect(loaded.filter((url) => /@babel|@preact\/preset-vite|@astrojs\/preact\/dist\/index\.js/.test(url))).toEqual(
      [],
    );
  });
});

describe('Preact islands on the dev server', () => {
  it('are @astrojs/preact as it is, with its Babel pass and its development renderer', async () => {
    const ours = await setUp(preactIslands({ include }), 'dev');
    const theirs = await setUp(preact({ include }), 'dev');
    expect(ours.renderers).toEqual(theirs.renderers);
    expect(ours.plugins.map((plugin) => plugin.name)).toEqual(theirs.plugins.map((plugin) => plugin.name));
    expect(ours.plugins.map((plugin) => plugin.name)).toContain('vite:preact-jsx');
  });
});
