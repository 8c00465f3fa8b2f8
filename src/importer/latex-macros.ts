import { ImportError, type Finding } from './model';
import { environmentName, type Token } from './latex-tokens';

/**
 * Expands the author's own macros (`\newcommand`, `\renewcommand`, `\providecommand`, `\def`
 * without delimiters, `\DeclareMathOperator`, `\newenvironment`) so the content holds only
 * commands KaTeX and the reader know. Arguments are counted as declared (`[2]`, an optional
 * first argument with its default), each argument is a `{…}` group or a single token, and
 * the expansion is read again, as TeX does. One pass over the tokens; a budget on expansions
 * stops a macro that uses itself.
 */

export interface Macro {
  params: number;
  /** The default of an optional first argument (`\newcommand{\x}[2][default]{…}`). */
  optional?: Token[] | undefined;
  body: Token[];
  line: number;
}

export interface EnvironmentMacro {
  params: number;
  optional?: Token[] | undefined;
  begin: Token[];
  end: Token[];
  line: number;
}

export interface Expansion {
  tokens: Token[];
  macros: Map<string, Macro>;
  environments: Map<string, EnvironmentMacro>;
}

const maxExpansions = 200_000;
const maxTokens = 5_000_000;

class Input {
  /** Frames of tokens still to read; the last frame is read first. */
  private readonly frames: { tokens: readonly Token[]; at: number }[];
  constructor(tokens: readonly Token[]) {
    this.frames = [{ tokens, at: 0 }];
  }
  peek(): Token | undefined {
    for (let index = this.frames.length - 1; index >= 0; index--) {
      const frame = this.frames[index];
      if (frame && frame.at < frame.tokens.length) return frame.tokens[frame.at];
    }
    return undefined;
  }
  take(): Token | undefined {
    while (this.frames.length > 0) {
      const frame = this.frames.at(-1);
      if (!frame) return undefined;
      if (frame.at < frame.tokens.length) return frame.tokens[frame.at++];
      if (this.frames.length === 1) return undefined;
      this.frames.pop();
    }
    return undefined;
  }
  unread(tokens: Token[]): void {
    if (tokens.length > 0) this.frames.push({ tokens, at: 0 });
  }
  skipSpaces(): void {
    while (this.peek()?.kind === 'space') this.take();
  }
  /** The tokens of a `{…}` group (without its braces); assumes the next token is `{`. */
  group(): Token[] {
    const out: Token[] = [];
    this.take();
    let depth = 1;
    for (let token = this.take(); token; token = this.take()) {
      if (token.kind === 'open') depth++;
      else if (token.kind === 'close' && --depth === 0) return out;
      out.push(token);
    }
    return out;
  }
  /** `[…]` at brace depth 0, without its brackets; assumes the next token is `[`. */
  bracketed(): Token[] {
    const out: Token[] = [];
    this.take();
    let depth = 0;
    for (let token = this.take(); token; token = this.take()) {
      if (token.kind === 'open') depth++;
      else if (token.kind === 'close') depth--;
      else if (token.kind === 'rbrack' && depth === 0) return out;
      out.push(token);
    }
    return out;
  }
  /** One argument: a group's tokens or a single token. */
  argument(): Token[] | undefined {
    this.skipSpaces();
    const next = this.peek();
    if (!next || next.kind === 'close' || next.kind === 'par') return undefined;
    if (next.kind === 'open') return this.group();
    this.take();
    // An undelimited argument is one token, and in TeX a letter is a token: `\pair ab` is (a, b).
    if (next.kind === 'text' && next.value.length > 1) {
      this.unread([{ ...next, value: next.value.slice(1) }]);
      return [{ ...next, value: next.value.charAt(0) }];
    }
    return [next];
  }
}

function text(tokens: readonly Token[]): string {
  return tokens
    .map((token) => (token.kind === 'space' ? ' ' : token.value))
    .join('')
    .trim();
}

function substitute(body: readonly Token[], args: readonly Token[][], line: number): Token[] {
  const out: Token[] = [];
  for (const token of body) {
    if (token.kind === 'param') {
      for (const arg of args[Number(token.value) - 1] ?? []) out.push({ ...arg, line });
    } else out.push({ ...token, line });
  }
  return out;
}

export function expandMacros(tokens: readonly Token[], findings: Finding[]): Expansion {
  const macros = new Map<string, Macro>();
  const environments = new Map<string, EnvironmentMacro>();
  const input = new Input(tokens);
  const out: Token[] = [];
  let expansions = 0;

  /** `{\name}` or `\name`; the name without its backslash. */
  const definedName = (line: number, what: string): string => {
    input.skipSpaces();
    const next = input.peek();
    if (next?.kind === 'cmd') {
      input.take();
      return next.value;
    }
    if (next?.kind === 'open') {
      const inner = input.group().filter((token) => token.kind !== 'space');
      if (inner.length === 1 && inner[0]?.kind === 'cmd') return inner[0].value;
    }
    throw new ImportError(line, `line ${line}: ${what} needs the command to define, e.g. ${what}{\\R}{\\mathbb{R}}`);
  };
  /** `[n]` and `[default]` after a name. */
  const signature = (line: number): { params: number; optional?: Token[] } => {
    input.skipSpaces();
    let params = 0;
    let optional: Token[] | undefined;
    if (input.peek()?.kind === 'lbrack') {
      params = Number(text(input.bracketed()));
      if (!Number.isInteger(params) || params < 0 || params > 9) {
        throw new ImportError(line, `line ${line}: the number of arguments must be 0 to 9`);
      }
      input.skipSpaces();
      if (input.peek()?.kind === 'lbrack') optional = input.bracketed();
    }
    return optional ? { params, optional } : { params };
  };
  const body = (line: number, what: string): Token[] => {
    input.skipSpaces();
    if (input.peek()?.kind !== 'open')
      throw new ImportError(line, `line ${line}: ${what} needs its definition in braces`);
    return input.group();
  };

  const define = (token: Token): boolean => {
    const line = token.line;
    switch (token.value) {
      case 'newcommand':
      case 'renewcommand':
      case 'providecommand': {
        if (input.peek()?.kind === 'text' && input.peek()?.value.startsWith('*')) {
          const star = input.take();
          if (star && star.value.length > 1) input.unread([{ ...star, value: star.value.slice(1) }]);
        }
        const name = definedName(line, `\\${token.value}`);
        const { params, optional } = signature(line);
        const definition = body(line, `\\${token.value}{\\${name}}`);
        if (token.value === 'providecommand' && macros.has(name)) return true;
        macros.set(name, { params, optional, body: definition, line });
        return true;
      }
      case 'def': {
        input.skipSpaces();
        const nameToken = input.take();
        if (nameToken?.kind !== 'cmd') throw new ImportError(line, `line ${line}: \\def needs a command name`);
        let params = 0;
        let delimited = false;
        while (input.peek() && input.peek()?.kind !== 'open') {
          const next = input.take();
          if (next?.kind === 'param') params = Math.max(params, Number(next.value));
          else delimited = true;
        }
        const definition = body(line, `\\def\\${nameToken.value}`);
        if (delimited) {
          findings.push({
            line,
            message: `\\def\\${nameToken.value} has delimited parameters, which the importer does not expand`,
          });
          return true;
        }
        macros.set(nameToken.value, { params, body: definition, line });
        return true;
      }
      case 'DeclareMathOperator': {
        let starred = false;
        if (input.peek()?.kind === 'text' && input.peek()?.value.startsWith('*')) {
          starred = true;
          const star = input.take();
          if (star && star.value.length > 1) input.unread([{ ...star, value: star.value.slice(1) }]);
        }
        const name = definedName(line, '\\DeclareMathOperator');
        const operator = body(line, `\\DeclareMathOperator{\\${name}}`);
        macros.set(name, {
          params: 0,
          body: [
            { kind: 'cmd', value: 'operatorname', line },
            ...(starred ? [{ kind: 'text' as const, value: '*', line }] : []),
            { kind: 'open', value: '{', line },
            ...operator,
            { kind: 'close', value: '}', line },
          ],
          line,
        });
        return true;
      }
      case 'newenvironment':
      case 'renewenvironment': {
        input.skipSpaces();
        if (input.peek()?.kind !== 'open')
          throw new ImportError(line, `line ${line}: \\${token.value} needs the environment name in braces`);
        const name = text(input.group());
        const { params, optional } = signature(line);
        const begin = body(line, `\\${token.value}{${name}}`);
        const end = body(line, `\\${token.value}{${name}}`);
        environments.set(name, { params, optional, begin, end, line });
        return true;
      }
      default:
        return false;
    }
  };

  const readArguments = (
    macro: { params: number; optional?: Token[] | undefined },
    name: string,
    line: number,
  ): Token[][] => {
    const args: Token[][] = [];
    let first = 0;
    if (macro.optional) {
      input.skipSpaces();
      args.push(input.peek()?.kind === 'lbrack' ? input.bracketed() : macro.optional);
      first = 1;
    }
    for (let index = first; index < macro.params; index++) {
      const arg = input.argument();
      if (!arg)
        throw new ImportError(line, `line ${line}: ${name} takes ${macro.params} argument(s) but ${index} follow`);
      args.push(arg);
    }
    return args;
  };

  for (let token = input.take(); token; token = input.take()) {
    if (token.kind === 'cmd' && define(token)) continue;
    if (token.kind === 'cmd' && (token.value === 'begin' || token.value === 'end')) {
      const peeked: Token[] = [];
      // Look at `{name}` without consuming it, to expand \newenvironment environments.
      for (let index = 0; index < 8; index++) {
        const next = input.take();
        if (!next) break;
        peeked.push(next);
        if (next.kind === 'close') break;
      }
      const read = environmentName(peeked, 0);
      const environment = read ? environments.get(read.name) : undefined;
      if (read && environment) {
        input.unread(peeked.slice(read.next));
        if (++expansions > maxExpansions)
          throw new ImportError(token.line, `line ${token.line}: the environment ${read.name} expands without end`);
        if (token.value === 'begin') {
          const args = readArguments(environment, `\\begin{${read.name}}`, token.line);
          input.unread(substitute(environment.begin, args, token.line));
        } else {
          input.unread(substitute(environment.end, [], token.line));
        }
        continue;
      }
      out.push(token);
      input.unread(peeked);
      continue;
    }
    const macro = token.kind === 'cmd' ? macros.get(token.value) : undefined;
    if (!macro) {
      out.push(token);
      if (out.length > maxTokens)
        throw new ImportError(
          token.line,
          `line ${token.line}: the document grows past ${maxTokens} tokens while expanding macros`,
        );
      continue;
    }
    if (++expansions > maxExpansions) {
      throw new ImportError(
        token.line,
        `line ${token.line}: \\${token.value} expands without end (a macro that uses itself?)`,
      );
    }
    const args = readArguments(macro, `\\${token.value}`, token.line);
    input.unread(substitute(macro.body, args, token.line));
  }
  return { tokens: out, macros, environments };
}
