// The virtual module of vite-print-route.ts.
declare module 'virtual:study-guide/print-route' {
  /** Whether this build renders the print route: not when it can make no paper (pdf.ts, whyNoPapers). */
  export const printRouteRendered: boolean;
}
