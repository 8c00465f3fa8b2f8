/**
 * A plain-text reading of a TeX formula, for the search index and its excerpts: KaTeX's MathML
 * flattens `\frac{1}{2}` to "12", which reads as a different number. This keeps the structure
 * a student would type: "σ(x) = 1/2 tanh(x/2) + 1/2".
 */

const symbols: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  ell: 'ℓ',
  partial: '∂',
  nabla: '∇',
  sum: 'Σ',
  prod: 'Π',
  infty: '∞',
  cdot: '·',
  times: '×',
  circ: '∘',
  approx: '≈',
  neq: '≠',
  ne: '≠',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  in: '∈',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  longleftarrow: '←',
  longrightarrow: '→',
  implies: '⇒',
  iff: '⇔',
  pm: '±',
  ldots: '…',
  dots: '…',
  cdots: '…',
  mid: '|',
  lvert: '|',
  rvert: '|',
  vert: '|',
};

/** Commands whose argument is simply their text. */
const wrappers = new Set([
  'text',
  'textbf',
  'textit',
  'mathrm',
  'mathbf',
  'mathit',
  'mathcal',
  'mathbb',
  'boldsymbol',
  'operatorname',
  'mathsf',
]);
/** Layout commands that carry no words. */
const ignored = new Set([
  'left',
  'right',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'quad',
  'qquad',
  'displaystyle',
  'textstyle',
  'limits',
  'nonumber',
]);
const blackboard: Record<string, string> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ' };

class Reader {
  private index = 0;
  constructor(private readonly source: string) {}

  get finished(): boolean {
    return this.index >= this.source.length;
  }

  /** Reads one group `{…}` or one token, returning its text reading. */
  argument(): string {
    this.skipSpaces();
    if (this.source[this.index] === '{') {
      this.index += 1;
      const text = this.sequence('}');
      this.index += 1;
      return text;
    }
    return this.token();
  }

  /** Reads tokens up to `end` (not consumed) or the end of input. */
  sequence(end?: string): string {
    let text = '';
    while (!this.finished && this.source[this.index] !== end) text += this.token();
    return text;
  }

  private skipSpaces(): void {
    while (this.source[this.index] === ' ') this.index += 1;
  }

  private token(): string {
    const char = this.source[this.index]!;
    this.index += 1;
    if (char === '\\') return this.command();
    if (char === '{') {
      const text = this.sequence('}');
      this.index += 1;
      return text;
    }
    if (char === '^' || char === '_') {
      const argument = this.argument();
      const plain = /^[\p{L}\p{N}[\]′'*+−-]*$/u.test(argument) ? argument : `(${argument})`;
      return char === '^' ? `^${plain}` : plain;
    }
    if (char === '&' || char === '~') return ' ';
    if (char === '-') return '−';
    return char;
  }

  private command(): string {
    const match = /^([A-Za-z]+|.)/.exec(this.source.slice(this.index));
    const name = match?.[1] ?? '';
    this.index += name.length;
    if (name === '\\') return ' ; ';
    if (name === ',' || name === ';' || name === '!' || name === ' ') return ' ';
    if (name === '{' || name === '}' || name === '|') return name === '|' ? '‖' : name;
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const numerator = this.argument();
      const denominator = this.argument();
      // A single symbol, number or function call needs no parentheses: 1/2, x/2, exp(z)/Z.
      const wrap = (part: string) => {
        // eslint-disable-next-line no-control-regex -- \u0000 is this module's own mark after a function name; TeX never contains it
        const trimmed = part.replace(/\u0000(?=\()/g, '').trim();
        return /^[\p{L}\p{N}.]+(\([^()]*\))?$/u.test(trimmed) ? trimmed : `(${trimmed})`;
      };
      return `${wrap(numerator)}/${wrap(denominator)}`;
    }
    if (name === 'sqrt') return `√(${this.argument()})`;
    if (name === 'hat') return `${this.argument()}̂`;
    if (name === 'bar' || name === 'overline') return `${this.argument()}̄`;
    if (name === 'begin' || name === 'end') {
      this.argument();
      return ' ';
    }
    if (name === 'mathbb') {
      const letter = this.argument();
      return blackboard[letter] ?? letter;
    }
    if (wrappers.has(name)) return this.argument();
    if (ignored.has(name)) return '';
    const symbol = symbols[name];
    if (symbol !== undefined) return symbol;
    // Function names (log, exp, tanh, min, …) and anything unknown read as their name.
    return ` ${name}\u0000`;
  }
}

export function texToText(tex: string): string {
  return (
    new Reader(tex)
      .sequence()
      // A function name is followed by its argument: "tanh(x)", but "log x" keeps its space.
      // eslint-disable-next-line no-control-regex -- the function-name mark, as above
      .replace(/\u0000\s*(?=\()/g, '')
      // eslint-disable-next-line no-control-regex -- the function-name mark, as above
      .replace(/\u0000/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/\s*([=≈≠≤≥⇒→←+×·])\s*/g, ' $1 ')
      .replace(/([([])\s+/g, '$1')
      .replace(/\s+([),.;])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
      // x + combining circumflex → x̂ as one character where Unicode has one (ŷ), as people type it.
      .normalize('NFC')
  );
}
