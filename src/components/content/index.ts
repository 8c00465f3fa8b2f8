import Figure from './Figure.astro';
import Options from './Options.astro';
import Part from './Part.astro';
import Solution from './Solution.astro';

/** Components available in exam MDX without imports, so content authors write content only. */
export const contentComponents = { Figure, Options, Part, Solution };
