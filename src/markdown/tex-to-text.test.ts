import { describe, expect, it } from 'vitest';
import { texToText } from './tex-to-text';

describe('plain-text reading of formulas for search', () => {
  it('keeps fractions as fractions', () => {
    expect(texToText('\\sigma(x) = \\frac{1}{2} \\tanh\\left(\\frac{x}{2}\\right) + \\frac{1}{2}')).toBe(
      'σ(x) = 1/2 tanh(x/2) + 1/2',
    );
    expect(texToText('Var(W^{[l]}) = \\frac{16}{n^{[l-1]}}')).toBe('Var(W^[l]) = 16/(n^[l−1])');
  });

  it('reads text, bold and blackboard commands as their words', () => {
    expect(texToText('\\text{Var}(W) \\in \\mathbb{R}^{K \\times D_a}')).toBe('Var(W) ∈ ℝ^(K × Da)');
    expect(texToText('\\mathbf{z}^{[1]} = W^{[1]}\\mathbf{x} + \\mathbf{b}^{[1]}')).toBe('z^[1] = W^[1]x + b^[1]');
  });

  it('reads the Softplus definition and a derivative a student would recognise', () => {
    expect(texToText('\\text{Softplus}(x) = \\frac{1}{\\beta} \\log(1 + \\exp(\\beta x))')).toBe(
      'Softplus(x) = 1/β log(1 + exp(β x))',
    );
    expect(texToText('\\frac{dh}{dx} = x \\frac{dy}{dx} + y')).toBe('dh/dx = x dy/dx + y');
  });

  it('drops layout (alignment, environments, spacing) without losing words', () => {
    const aligned = '\\begin{aligned} a &= b \\\\ &= c && \\longleftarrow \\text{linearity} \\end{aligned}';
    expect(texToText(aligned)).toBe('a = b; = c ← linearity');
  });

  it('never leaves TeX commands or braces behind', () => {
    const text = texToText('\\hat{\\mathbf{y}} = \\left[\\log\\left(\\frac{\\exp(z_1)}{Z}\\right), \\dots\\right]');
    expect(text).not.toMatch(/[\\{}]/);
    expect(text).toBe('ŷ = [log(exp(z1)/Z), …]');
  });
});
