import { ImportError } from './model';
import { environmentName, serialize, type Token } from './latex-tokens';

/**
 * Turns the (expanded) token stream into a tree of groups, environments and formulas, with an
 * explicit stack (no recursion, so deep nesting cannot overflow). Formulas are kept as TeX
 * source; math environments (`equation`, `align`, …) become display formulas KaTeX reads.
 */

export type Node =
  | { kind: 'text'; value: string; line: number }
  | { kind: 'space'; line: number }
  | { kind: 'par'; line: number }
  | { kind: 'cmd'; name: string; line: number }
  | { kind: 'group'; children: Node[]; line: number }
  | { kind: 'env'; name: string; children: Node[]; line: number }
  | { kind: 'math'; display: boolean; tex: string; line: number }
  | { kind: 'lbrack'; line: number }
  | { kind: 'rbrack'; line: number }
  | { kind: 'amp'; line: number }
  | { kind: 'tilde'; line: number }
  | { kind: 'verb'; value: string; block: boolean; line: number };

export type Container = Extract<Node, { children: Node[] }>;

/** Display-math environments and the KaTeX environment each becomes (undefined: content as is). */
const mathEnvironments: Record<string, string | undefined> = {
  equation: undefined,
  'equation*': undefined,
  displaymath: undefined,
  math: undefined,
  align: 'aligned',
  'align*': 'aligned',
  flalign: 'aligned',
  'flalign*': 'aligned',
  alignat: 'alignedat',
  'alignat*': 'alignedat',
  eqnarray: 'aligned',
  'eqnarray*': 'aligned',
  gather: 'gathered',
  'gather*': 'gathered',
  multline: 'gathered',
  'multline*': 'gathered',
};

/** Commands TeX accepts in a formula that KaTeX does not, or that mean nothing on a web page. */
const dropInMath = new Set(['label', 'nonumber', 'notag']);

function mathSource(tokens: Token[]): string {
  const kept: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    if (token.kind === 'cmd' && dropInMath.has(token.value)) {
      if (token.value === 'label' && tokens[index + 1]?.kind === 'open') {
        let depth = 0;
        for (index++; index < tokens.length; index++) {
          const inner = tokens[index];
          if (inner?.kind === 'open') depth++;
          else if (inner?.kind === 'close' && --depth === 0) break;
        }
      }
      continue;
    }
    kept.push(token);
  }
  return serialize(kept)
    .replace(/[ \t]*\n[ \t]*/g, ' ')
    .trim();
}

export function buildTree(tokens: readonly Token[]): Node[] {
  const root: Node[] = [];
  const stack: { node: Container | undefined; children: Node[]; opener: string; line: number }[] = [
    { node: undefined, children: root, opener: '', line: 1 },
  ];
  const top = () => stack[stack.length - 1] ?? { node: undefined, children: root, opener: '', line: 1 };
  const add = (node: Node) => top().children.push(node);

  /** Collects a formula's tokens up to `closes`, at brace depth 0. */
  const collectMath = (
    start: number,
    line: number,
    closes: (token: Token) => boolean,
    what: string,
  ): { tex: Token[]; next: number } => {
    const tex: Token[] = [];
    let depth = 0;
    for (let index = start; index < tokens.length; index++) {
      const token = tokens[index];
      if (!token) break;
      if (depth === 0 && closes(token)) return { tex, next: index + 1 };
      if (token.kind === 'par' && depth === 0) break;
      if (token.kind === 'open') depth++;
      if (token.kind === 'close') depth--;
      tex.push(token);
    }
    throw new ImportError(
      line,
      `line ${line}: the formula opened here with \`${what}\` is never closed (a blank line or the end of the file comes first)`,
    );
  };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    const line = token.line;
    switch (token.kind) {
      case 'open': {
        const group: Container = { kind: 'group', children: [], line };
        add(group);
        stack.push({ node: group, children: group.children, opener: '{', line });
        break;
      }
      case 'close': {
        const frame = top();
        if (frame.opener !== '{') {
          throw new ImportError(
            line,
            frame.opener === ''
              ? `line ${line}: unbalanced braces: this "}" closes no "{"`
              : `line ${line}: unbalanced braces: this "}" comes before \\end{${frame.opener}} of line ${frame.line}`,
          );
        }
        stack.pop();
        break;
      }
      case 'math':
      case 'dmath': {
        const collected = collectMath(index + 1, line, (next) => next.kind === token.kind, token.value);
        add({ kind: 'math', display: token.kind === 'dmath', tex: mathSource(collected.tex), line });
        index = collected.next - 1;
        break;
      }
      case 'cmd': {
        if (token.value === '(' || token.value === '[') {
          const closer = token.value === '(' ? ')' : ']';
          const collected = collectMath(
            index + 1,
            line,
            (next) => next.kind === 'cmd' && next.value === closer,
            `\\${token.value}`,
          );
          add({ kind: 'math', display: token.value === '[', tex: mathSource(collected.tex), line });
          index = collected.next - 1;
          break;
        }
        if (token.value === 'begin' || token.value === 'end') {
          const read = environmentName(tokens, index + 1);
          if (!read) throw new ImportError(line, `line ${line}: \\${token.value} needs an environment name in braces`);
          const name = read.name;
          if (token.value === 'begin' && Object.hasOwn(mathEnvironments, name)) {
            // The matching \end{name}, counting nested environments of the same name.
            let end = read.next;
            let depth = 0;
            for (; end < tokens.length; end++) {
              const candidate = tokens[end];
              if (candidate?.kind !== 'cmd' || (candidate.value !== 'begin' && candidate.value !== 'end')) continue;
              if (environmentName(tokens, end + 1)?.name !== name) continue;
              if (candidate.value === 'begin') depth++;
              else if (depth === 0) break;
              else depth--;
            }
            if (end >= tokens.length)
              throw new ImportError(line, `line ${line}: unbalanced environments: \\begin{${name}} is never closed`);
            const target = mathEnvironments[name];
            const inner = mathSource(tokens.slice(read.next, end));
            // alignat's column count stays as alignedat's argument: \begin{alignedat}{2}.
            const tex = target ? `\\begin{${target}}${inner}\\end{${target}}` : inner;
            add({ kind: 'math', display: true, tex, line });
            index = (environmentName(tokens, end + 1)?.next ?? end + 1) - 1;
            break;
          }
          if (token.value === 'begin') {
            const env: Container = { kind: 'env', name, children: [], line };
            add(env);
            stack.push({ node: env, children: env.children, opener: name, line });
          } else {
            const frame = top();
            if (frame.opener !== name) {
              if (frame.opener === '{') {
                throw new ImportError(
                  frame.line,
                  `line ${frame.line}: unbalanced braces: this "{" is not closed before \\end{${name}} on line ${line}`,
                );
              }
              throw new ImportError(
                line,
                frame.opener === ''
                  ? `line ${line}: unbalanced environments: \\end{${name}} has no \\begin{${name}}`
                  : `line ${line}: unbalanced environments: \\end{${name}} closes \\begin{${frame.opener}} from line ${frame.line}`,
              );
            }
            stack.pop();
          }
          index = read.next - 1;
          break;
        }
        add({ kind: 'cmd', name: token.value, line });
        break;
      }
      case 'text':
        add({ kind: 'text', value: token.value, line });
        break;
      case 'space':
        add({ kind: 'space', line });
        break;
      case 'par':
        add({ kind: 'par', line });
        break;
      case 'lbrack':
      case 'rbrack':
      case 'amp':
      case 'tilde':
        add({ kind: token.kind, line });
        break;
      case 'param':
        add({ kind: 'text', value: `#${token.value}`, line });
        break;
      case 'verb':
        add({ kind: 'verb', value: token.value, block: false, line });
        break;
      case 'verbatim':
        add({ kind: 'verb', value: token.value, block: true, line });
        break;
    }
  }
  const open = stack.at(-1);
  if (open && stack.length > 1) {
    throw new ImportError(
      open.line,
      open.opener === '{'
        ? `line ${open.line}: unbalanced braces: this "{" is never closed`
        : `line ${open.line}: unbalanced environments: \\begin{${open.opener}} is never closed`,
    );
  }
  return root;
}
