import type { Plugin } from 'vite';

/**
 * The module the print route (src/pages/[exam]/paper/print.astro) asks whether to render at all:
 * `export const printRouteRendered = …`. A build that can make no paper does not render it
 * (pdf.ts, whyNoPapers); the dev server always does, for staff to look at a paper's layout.
 */
export const printRouteModule = 'virtual:study-guide/print-route';

export function printRouteSwitch(rendered: boolean): Plugin {
  const resolved = `\0${printRouteModule}`;
  return {
    name: 'study-guide:print-route',
    resolveId: {
      filter: { id: new RegExp(`^${printRouteModule}$`) },
      handler: () => resolved,
    },
    load: {
      filter: { id: new RegExp(`^\\0${printRouteModule}$`) },
      handler: () => ({ code: `export const printRouteRendered = ${JSON.stringify(rendered)};` }),
    },
  };
}
