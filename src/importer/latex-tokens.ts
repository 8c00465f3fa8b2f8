import { ImportError } from './model';

/**
 * A LaTeX tokenizer: one forward pass over the characters, no regular expressions over the
 * document and no backtracking, so its cost is linear in the file's length. It knows what TeX's
 * default catcodes make of a character (`\` commands, `{` `}` groups, `$` math, `%` comments,
 * `&` alignment, `#` parameters, blank lines as paragraph breaks) plus `\verb` and the verbatim
 * environments, whose content must not be tokenized.
 */

export type TokenKind =
  | 'cmd' // \name or \<symbol>; value is the name without the backslash
  | 'open' // {
  | 'close' // }
  | 'lbrack' // [
  | 'rbrack' // ]
  | 'math' // $
  | 'dmath' // $$
  | 'text'
  | 'space' // spaces, tabs and at most one newline
  | 'par' // a blank line
  | 'amp' // &
  | 'tilde' // ~
  | 'param' // #1 … #9; value is the digit
  | 'verb' // \verb|…| ; value is the content
  | 'verbatim'; // a verbatim environment; value is the content

export interface Token {
  kind: TokenKind;
  value: string;
  line: number;
}

const verbatimEnvironments = ['verbatim', 'verbatim*', 'lstlisting', 'minted', 'comment'];

function isLetter(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '@');
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  let line = 1;
  let text = '';
  let textLine = 1;
  const length = source.length;

  const flush = () => {
    if (text !== '') tokens.push({ kind: 'text', value: text, line: textLine });
    text = '';
  };
  const push = (kind: TokenKind, value: string, tokenLine = line) => {
    flush();
    tokens.push({ kind, value, line: tokenLine });
  };
  /** Skips spaces and tabs; returns how many newlines a following whitespace run holds. */
  const whitespace = (): number => {
    let newlines = 0;
    while (at < length) {
      const char = source[at];
      if (char === ' ' || char === '\t' || char === '\r') at++;
      else if (char === '\n') {
        newlines++;
        line++;
        at++;
      } else break;
    }
    return newlines;
  };

  while (at < length) {
    const char = source[at] ?? '';
    if (char === '\\') {
      const startLine = line;
      const next = source[at + 1];
      if (isLetter(next)) {
        let end = at + 1;
        while (isLetter(source[end])) end++;
        const name = source.slice(at + 1, end);
        at = end;
        if (name === 'verb' && at < length && source[at] !== '*' && !isLetter(source[at])) {
          const delimiter = source[at] ?? '';
          const close = source.indexOf(delimiter, at + 1);
          const newline = source.indexOf('\n', at + 1);
          if (close === -1 || (newline !== -1 && newline < close)) {
            throw new ImportError(startLine, `line ${startLine}: \\verb${delimiter} is not closed on the same line`);
          }
          push('verb', source.slice(at + 1, close), startLine);
          at = close + 1;
          continue;
        }
        if (name === 'begin') {
          const environment = verbatimEnvironments.find((env) => source.startsWith(`{${env}}`, at));
          if (environment) {
            const endMarker = `\\end{${environment}}`;
            const contentStart = at + environment.length + 2;
            const close = source.indexOf(endMarker, contentStart);
            if (close === -1)
              throw new ImportError(startLine, `line ${startLine}: \\begin{${environment}} is never closed`);
            const content = source.slice(contentStart, close);
            push('verbatim', `${environment}\n${content.replace(/^[^\n]*\n/, '')}`, startLine);
            for (let scan = at; scan < close + endMarker.length; scan++) if (source[scan] === '\n') line++;
            at = close + endMarker.length;
            continue;
          }
        }
        push('cmd', name, startLine);
        // TeX drops the spaces (and one line break) after a control word.
        const saveAt = at;
        const saveLine = line;
        const newlines = whitespace();
        if (newlines >= 2) {
          at = saveAt;
          line = saveLine;
        }
        continue;
      }
      if (next === undefined) {
        text += '\\';
        at++;
        continue;
      }
      if (next === '\n') {
        push('cmd', ' ', startLine);
        line++;
        at += 2;
        continue;
      }
      push('cmd', next, startLine);
      at += 2;
      continue;
    }
    if (char === '%') {
      const newline = source.indexOf('\n', at);
      if (newline === -1) {
        at = length;
        continue;
      }
      at = newline + 1;
      line++;
      // A comment also swallows the line break and the next line's indentation.
      while (at < length && (source[at] === ' ' || source[at] === '\t')) at++;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      const startLine = line;
      const newlines = whitespace();
      if (newlines >= 2) push('par', '', startLine);
      else {
        const last = tokens.at(-1);
        if (text !== '' || (last && last.kind !== 'space' && last.kind !== 'par')) push('space', ' ', startLine);
      }
      continue;
    }
    if (char === '{') push('open', '{');
    else if (char === '}') push('close', '}');
    else if (char === '[') push('lbrack', '[');
    else if (char === ']') push('rbrack', ']');
    else if (char === '&') push('amp', '&');
    else if (char === '~') push('tilde', '~');
    else if (char === '$') {
      if (source[at + 1] === '$') {
        push('dmath', '$$');
        at += 2;
        continue;
      }
      push('math', '$');
    } else if (char === '#' && source[at + 1] !== undefined && source[at + 1]! >= '1' && source[at + 1]! <= '9') {
      push('param', source[at + 1] ?? '1');
      at += 2;
      continue;
    } else {
      if (text === '') textLine = line;
      text += char;
    }
    at++;
  }
  flush();
  return tokens;
}

/**
 * Every `{` has its `}`: the first `}` that closes nothing, or the innermost `{` left open,
 * is reported with its line.
 */
export function checkBraces(tokens: readonly Token[]): void {
  const open: number[] = [];
  for (const token of tokens) {
    if (token.kind === 'open') open.push(token.line);
    else if (token.kind === 'close') {
      if (open.length === 0) {
        throw new ImportError(token.line, `line ${token.line}: unbalanced braces: this "}" closes no "{"`);
      }
      open.pop();
    }
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    throw new ImportError(unclosed, `line ${unclosed}: unbalanced braces: this "{" is never closed`);
  }
}

/** Reads `{name}` after `\begin`/`\end` at `index` (the token after the command). */
export function environmentName(tokens: readonly Token[], index: number): { name: string; next: number } | undefined {
  let at = index;
  while (tokens[at]?.kind === 'space') at++;
  if (tokens[at]?.kind !== 'open') return undefined;
  let name = '';
  at++;
  while (at < tokens.length && tokens[at]?.kind !== 'close') {
    const token = tokens[at];
    if (!token || (token.kind !== 'text' && token.kind !== 'space')) return undefined;
    name += token.value;
    at++;
  }
  return { name: name.trim(), next: at + 1 };
}

/**
 * Every `\begin{x}` has its `\end{x}`, properly nested: the first mismatch or the innermost
 * environment left open is reported with its line.
 */
export function checkEnvironments(tokens: readonly Token[]): void {
  const stack: { name: string; line: number }[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token?.kind !== 'cmd' || (token.value !== 'begin' && token.value !== 'end')) continue;
    const read = environmentName(tokens, index + 1);
    if (!read)
      throw new ImportError(
        token.line,
        `line ${token.line}: \\${token.value} needs an environment name in braces, e.g. \\${token.value}{parts}`,
      );
    if (token.value === 'begin') {
      stack.push({ name: read.name, line: token.line });
    } else {
      const top = stack.pop();
      if (!top)
        throw new ImportError(
          token.line,
          `line ${token.line}: unbalanced environments: \\end{${read.name}} has no \\begin{${read.name}}`,
        );
      if (top.name !== read.name) {
        throw new ImportError(
          token.line,
          `line ${token.line}: unbalanced environments: \\end{${read.name}} closes \\begin{${top.name}} from line ${top.line}`,
        );
      }
    }
    index = read.next - 1;
  }
  const unclosed = stack.at(-1);
  if (unclosed) {
    throw new ImportError(
      unclosed.line,
      `line ${unclosed.line}: unbalanced environments: \\begin{${unclosed.name}} is never closed`,
    );
  }
}

/** Writes tokens back as TeX (for math and for arguments kept verbatim). */
export function serialize(tokens: readonly Token[]): string {
  const out: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    switch (token.kind) {
      case 'cmd': {
        out.push(`\\${token.value}`);
        const next = tokens[index + 1];
        // TeX dropped the space after a control word; put one back where the next word would merge
        // with the name (`\alpha x`) or read badly (`\times 3`, `\in \mathbb{R}`).
        const nextStartsWord = next?.kind === 'text' && /^[A-Za-z0-9]/.test(next.value);
        const nextIsWordCommand = next?.kind === 'cmd' && isLetter(next.value[0]);
        if (isLetter(token.value[0]) && (nextStartsWord || nextIsWordCommand)) out.push(' ');
        break;
      }
      case 'space':
      case 'par':
        out.push(' ');
        break;
      case 'param':
        out.push(`#${token.value}`);
        break;
      case 'verb':
        out.push(`\\verb|${token.value}|`);
        break;
      default:
        out.push(token.value);
    }
  }
  return out.join('');
}
