import type { Plugin } from 'vite';

/**
 * Astro asks each framework renderer whether it can render a component (`check`) unless the
 * component is tagged with its renderer, and Preact's check renders the whole island to find out:
 * every island was server-rendered twice, a tenth of page generation. Islands are the default
 * export of a `.tsx` module (only Preact components are `.tsx` here), so on the server that export
 * is tagged the way Astro tags its own components (`Symbol.for('astro:renderer')`). Browser
 * bundles are left alone: the tag is only read when rendering on the server.
 */
export function tagDefaultExportForPreact(code: string): string | null {
  const name = /^export default function ([A-Za-z_$][\w$]*)\s*[(<]/m.exec(code)?.[1];
  if (!name) return null;
  return `${code}\nObject.defineProperty(${name}, Symbol.for('astro:renderer'), { value: '@astrojs/preact' });\n`;
}

export function tagIslandsForServer(): Plugin {
  return {
    name: 'study-guide:tag-islands-for-server',
    enforce: 'pre',
    transform(code, id) {
      if (this.environment.config.consumer !== 'server' || !/\.tsx(\?|$)/.test(id)) return null;
      const tagged = tagDefaultExportForPreact(code);
      return tagged === null ? null : { code: tagged, map: null };
    },
  };
}
