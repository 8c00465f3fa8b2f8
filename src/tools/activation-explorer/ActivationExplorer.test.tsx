/**
 * The island as the build renders it (preact-render-to-string, as Astro does): the formulas of its
 * sentences arrive as slots typeset by ActivationExplorer.astro, slot i holding formula i.
 */
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import ActivationExplorer, { type TypesetFormulaSlots } from './ActivationExplorer';
import { activationExplorerSetup, explorerFormulas, formulaSlot, type ShownActivationProp } from './activations';

const functions: ShownActivationProp[] = [
  { fn: 'min-zero', label: 'min(0, x)' },
  { fn: 'tanh', label: 'tanh(x)', refs: { derivation: 'Figure 1' } },
];

/** Each formula's slot as the build passes it, here marked with its TeX instead of KaTeX's HTML. */
function slotsFor(shown: ShownActivationProp[]): TypesetFormulaSlots {
  const formulas = explorerFormulas(activationExplorerSetup({ functions: shown }).functions);
  return Object.fromEntries(formulas.map((f, index) => [formulaSlot(index), <var>{f.tex}</var>]));
}

describe('ActivationExplorer on the server', () => {
  it('puts each typeset formula where its sentence has it', () => {
    const html = renderToString(<ActivationExplorer functions={functions} {...slotsFor(functions)} />);
    expect(html).toContain(
      '<p>The derivative is 1 for <var>x &lt; 0</var> and 0 for <var>x > 0</var>; at the kink <var>x = 0</var> any value in <var>[0, 1]</var> is a subgradient',
    );
    expect(html).toContain('It is ReLU mirrored (<var>\\min(0, x) = -\\text{ReLU}(-x)</var>)');
  });

  it('stops the build, naming the formula, when it is placed without its build-time typesetting', () => {
    expect(() => renderToString(<ActivationExplorer functions={functions} />)).toThrow(
      'ActivationExplorer: prop `formula0` is missing: place the explorer with ActivationExplorer.astro, which typesets "x < 0".',
    );
  });
});
