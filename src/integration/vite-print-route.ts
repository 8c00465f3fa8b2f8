import type { Plugin } from 'vite';
import { virtualModule } from './virtual-module';

/**
 * The module the print route (src/pages/[exam]/paper/print.astro) asks whether to render at all:
 * `export const printRouteRendered = …`. A build that can make no paper does not render it
 * (pdf.ts, whyNoPapers); the dev server always does, for staff to look at a paper's layout.
 */
export const printRouteModule = 'virtual:study-guide/print-route';

export function printRouteSwitch(rendered: boolean): Plugin {
  return virtualModule(
    'study-guide:print-route',
    printRouteModule,
    `export const printRouteRendered = ${JSON.stringify(rendered)};`,
  );
}
