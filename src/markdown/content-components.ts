/**
 * The components every problem page hands its MDX (src/pages/[exam]/[problem].astro), so authors
 * use them without an import. The content check below and that page both read this list.
 */
export const providedComponentNames = ['Figure', 'Lab', 'Note', 'Options', 'Part', 'Solution'] as const;
export type ProvidedComponentName = (typeof providedComponentNames)[number];
