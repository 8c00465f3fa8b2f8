import { samePoints, sumPoints } from '../exams/points';
import { texToText } from '../markdown/tex-to-text';
import { clip, readCoverLine } from './cover';
import { expandMacros, type Macro } from './latex-macros';
import { checkBraces, checkEnvironments, serialize, tokenize } from './latex-tokens';
import { buildTree, type Container, type Node } from './latex-tree';
import {
  emptyExam,
  ImportError,
  type ImportedExam,
  type ImportedOption,
  type ImportedPart,
  type ImportedProblem,
} from './model';
import {
  escapeMdxText,
  jsxString,
  labelFor,
  numericKey,
  titleFromText,
  toLetters,
  toRoman,
  type LabelScheme,
} from './text';

/**
 * Reads a LaTeX `exam`-class document: `\question[points]`, `\titledquestion{Title}[points]`,
 * `parts`/`\part[points]`, `subparts`/`\subpart`, `choices`/`oneparchoices`/`checkboxes` with
 * `\choice` and `\CorrectChoice` (the answer key), `solution` environments, tables, figures,
 * lists, math (kept as TeX for KaTeX), and the cover (`\title`, `\author`, `\date`, headers,
 * text before the questions). The author's macros are expanded first. Every node of the tree is
 * visited once, so reading is linear in the document's size.
 */

export interface LatexSource {
  /** The folder of the .tex file, where `\includegraphics` paths start. */
  directory: string;
  /** Whether a file exists (injected, so this module stays free of I/O). */
  exists: (path: string) => boolean;
  /** Joins path segments. */
  join: (...segments: string[]) => string;
}

const imageExtensions = ['.png', '.jpg', '.jpeg', '.svg', '.gif', '.webp', '.avif'];
const printOnlyExtensions = ['.pdf', '.eps', '.ps'];

const symbols: Record<string, string> = {
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  LaTeXe: 'LaTeX2e',
  textbackslash: '\\\\',
  '%': '%',
  '&': '&',
  '#': '#',
  _: '\\_',
  $: '\\$',
  '{': '\\{',
  '}': '\\}',
  ' ': ' ',
  ',': '\u2009',
  ';': ' ',
  ':': ' ',
  '!': '',
  '/': '',
  '@': '',
  '-': '',
  textendash: '–',
  textemdash: '—',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  S: '§',
  P: '¶',
  copyright: '©',
  textcopyright: '©',
  textregistered: '®',
  texttrademark: '™',
  pounds: '£',
  euro: '€',
  textdegree: '°',
  checkmark: '✓',
  quad: ' ',
  qquad: ' ',
  enspace: ' ',
  thinspace: '\u2009',
  i: 'ı',
  o: 'ø',
  O: 'Ø',
  ss: 'ß',
  ae: 'æ',
  AE: 'Æ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  oe: 'œ',
  OE: 'Œ',
  textbar: '\\|',
  textless: '\\<',
  textgreater: '\\>',
  textasciitilde: '~',
  textunderscore: '\\_',
  dag: '†',
  ddag: '‡',
  qed: '∎',
  today: '',
};

const accents: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
};

/** Commands that only lay out the printed page, with the arguments to skip ('o' optional, 'm' mandatory). */
const layout: Record<string, string> = {
  noindent: '',
  indent: '',
  centering: '',
  raggedright: '',
  raggedleft: '',
  medskip: '',
  bigskip: '',
  smallskip: '',
  vfill: '',
  hfill: '',
  hfil: '',
  vfil: '',
  newpage: '',
  clearpage: '',
  cleardoublepage: '',
  pagebreak: 'o',
  nopagebreak: 'o',
  linebreak: 'o',
  maketitle: '',
  printanswers: '',
  noprintanswers: '',
  pointsinrightmargin: '',
  pointsinleftmargin: '',
  pointsinmargin: '',
  nopointsinmargin: '',
  bracketedpoints: '',
  boxedpoints: '',
  marksnotpoints: '',
  addpoints: '',
  noaddpoints: '',
  droppoints: '',
  droptotalpoints: '',
  unframedsolutions: '',
  framedsolutions: '',
  shadedsolutions: '',
  hrule: '',
  protect: '',
  relax: '',
  null: '',
  allowdisplaybreaks: '',
  sloppy: '',
  fussy: '',
  frenchspacing: '',
  nonfrenchspacing: '',
  tableofcontents: '',
  onehalfspacing: '',
  doublespacing: '',
  singlespacing: '',
  normalsize: '',
  tiny: '',
  scriptsize: '',
  footnotesize: '',
  small: '',
  large: '',
  Large: '',
  LARGE: '',
  huge: '',
  Huge: '',
  rm: '',
  sf: '',
  sc: '',
  scshape: '',
  normalfont: '',
  upshape: '',
  mdseries: '',
  rmfamily: '',
  sffamily: '',
  hline: '',
  toprule: 'o',
  midrule: 'o',
  bottomrule: 'o',
  headrule: '',
  footrule: '',
  runningheadrule: '',
  firstpageheadrule: '',
  runningfootrule: '',
  firstpagefootrule: '',
  vspace: 'm',
  hspace: 'm',
  pagestyle: 'm',
  thispagestyle: 'm',
  setlength: 'mm',
  addtolength: 'mm',
  setcounter: 'mm',
  addtocounter: 'mm',
  stepcounter: 'm',
  label: 'm',
  fillwithlines: 'm',
  fillwithdottedlines: 'm',
  fillwithgrid: 'm',
  makeemptybox: 'm',
  enlargethispage: 'm',
  qformat: 'm',
  pointname: 'm',
  pointpoints: 'mm',
  bonuspointpoints: 'mm',
  extraheadheight: 'om',
  extrafootheight: 'om',
  cfoot: 'm',
  lfoot: 'm',
  rfoot: 'm',
  chead: 'm',
  lhead: 'm',
  rhead: 'm',
  footer: 'mmm',
  firstpagefooter: 'mmm',
  runningfooter: 'mmm',
  runningheader: 'mmm',
  gradetable: 'oo',
  pointtable: 'oo',
  bonusgradetable: 'oo',
  bonuspointtable: 'oo',
  combinedgradetable: 'oo',
  combinedpointtable: 'oo',
  multicolumngradetable: 'mo',
  multirowgradetable: 'mo',
  multicolumnpointtable: 'mo',
  usepackage: 'om',
  documentclass: 'om',
  RequirePackage: 'om',
  geometry: 'm',
  hypersetup: 'm',
  definecolor: 'mmm',
  colorlet: 'mm',
  newlength: 'm',
  newcounter: 'mo',
  pagenumbering: 'm',
  linespread: 'm',
  captionsetup: 'om',
  setlist: 'om',
  thanks: 'm',
  color: 'm',
  cline: 'm',
  cmidrule: 'om',
  arraystretch: '',
  cellcolor: 'om',
  rowcolor: 'om',
  vskip: '',
  hskip: '',
  kern: '',
  answerline: 'o',
  CorrectChoiceEmphasis: 'm',
  SolutionEmphasis: 'm',
  checkboxchar: 'm',
  checkedchar: 'm',
  addvspace: 'm',
  headsep: '',
  footskip: '',
  paperwidth: '',
  textwidth: '',
  linewidth: '',
  columnwidth: '',
};

/** One-argument text styles and what they become. */
const styles: Record<string, (inner: string) => string> = {
  textbf: (inner) => wrap('**', inner),
  textit: (inner) => wrap('*', inner),
  emph: (inner) => wrap('*', inner),
  textsl: (inner) => wrap('*', inner),
  sout: (inner) => wrap('~~', inner),
  underline: (inner) => inner,
  uline: (inner) => inner,
  textsc: (inner) => inner,
  textrm: (inner) => inner,
  textsf: (inner) => inner,
  textup: (inner) => inner,
  textnormal: (inner) => inner,
  textmd: (inner) => inner,
  mbox: (inner) => inner,
  hbox: (inner) => inner,
  text: (inner) => inner,
  fbox: (inner) => inner,
  framebox: (inner) => inner,
  makebox: (inner) => inner,
  mathrm: (inner) => inner,
};

/** Declarations that style the rest of their group. */
const declarations: Record<string, string> = {
  bf: '**',
  bfseries: '**',
  it: '*',
  itshape: '*',
  em: '*',
  sl: '*',
  slshape: '*',
};

function wrap(marker: string, inner: string): string {
  const trimmed = inner.trim();
  if (trimmed === '') return inner;
  const lead = inner.slice(0, inner.length - inner.trimStart().length);
  const tail = inner.slice(inner.trimEnd().length);
  return `${lead}${marker}${trimmed}${marker}${tail}`;
}

const questionCommands = new Set(['question', 'titledquestion', 'bonusquestion', 'bonustitledquestion']);
const choiceEnvironments = new Set(['choices', 'oneparchoices', 'checkboxes', 'oneparcheckboxes']);
const solutionEnvironments = new Set([
  'solution',
  'solutionorbox',
  'solutionorlines',
  'solutionordottedlines',
  'solutionorgrid',
  'oneparsolution',
]);
const transparentEnvironments = new Set([
  'center',
  'flushleft',
  'flushright',
  'minipage',
  'multicols',
  'multicols*',
  'framed',
  'mdframed',
  'tcolorbox',
  'samepage',
  'EnvFullwidth',
  'EnvUplevel',
  'small',
  'footnotesize',
  'large',
  'document',
  'subfigure',
]);
const tableEnvironments = new Set(['tabular', 'tabular*', 'tabularx', 'tabulary', 'longtable', 'array']);
const listEnvironments = new Set(['itemize', 'enumerate', 'description', 'compactitem', 'compactenum']);

/** Stands for an image's alt text until its figure's caption (which may come later) is known. */
const altMarker = '\uE001alt\uE001';

interface Cursor {
  nodes: Node[];
  at: number;
}

class LatexReader {
  readonly exam: ImportedExam = emptyExam();
  private figureCount = 0;
  private readonly figureLabels = new Map<string, number>();
  private readonly graphicsPaths: string[] = [''];
  private problem: ImportedProblem | undefined;
  private inFigure: { number: number; caption?: string; images: number } | undefined;
  private inTable = false;
  private readonly reported = new Set<string>();
  private readonly assetNames = new Set<string>();

  private readonly macros: Map<string, Macro>;
  private readonly source: LatexSource;

  constructor(macros: Map<string, Macro>, source: LatexSource) {
    this.macros = macros;
    this.source = source;
  }

  find(line: number, message: string): void {
    const key = `${line}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.exam.findings.push({ line, message });
  }

  // ---- arguments ---------------------------------------------------------------------------

  private skipSpaces(cursor: Cursor): void {
    while (cursor.nodes[cursor.at]?.kind === 'space') cursor.at++;
  }

  /** `[…]` after a command, or undefined. */
  optional(cursor: Cursor): Node[] | undefined {
    const start = cursor.at;
    this.skipSpaces(cursor);
    if (cursor.nodes[cursor.at]?.kind !== 'lbrack') {
      cursor.at = start;
      return undefined;
    }
    const out: Node[] = [];
    let depth = 0;
    for (cursor.at++; cursor.at < cursor.nodes.length; cursor.at++) {
      const node = cursor.nodes[cursor.at];
      if (!node) break;
      if (node.kind === 'lbrack') depth++;
      if (node.kind === 'rbrack' && depth-- === 0) {
        cursor.at++;
        return out;
      }
      out.push(node);
    }
    return out;
  }

  /** `{…}` (or one token) after a command, or undefined. */
  required(cursor: Cursor): Node[] | undefined {
    this.skipSpaces(cursor);
    const node = cursor.nodes[cursor.at];
    if (!node || node.kind === 'par' || node.kind === 'rbrack') return undefined;
    if (node.kind === 'text' && node.value.length > 1) {
      cursor.nodes[cursor.at] = { ...node, value: node.value.slice(1) };
      return [{ ...node, value: node.value.charAt(0) }];
    }
    cursor.at++;
    return node.kind === 'group' ? node.children : [node];
  }

  /** Consumes a `*` right after a command (`\section*`). */
  star(cursor: Cursor): boolean {
    const node = cursor.nodes[cursor.at];
    if (node?.kind === 'text' && node.value.startsWith('*')) {
      if (node.value.length === 1) cursor.at++;
      else cursor.nodes[cursor.at] = { ...node, value: node.value.slice(1) };
      return true;
    }
    return false;
  }

  skipArguments(cursor: Cursor, spec: string): void {
    for (const kind of spec) {
      if (kind === 'o') this.optional(cursor);
      else this.required(cursor);
    }
  }

  plain(nodes: Node[]): string {
    return this.inline(nodes)
      .replace(/\\([\\`*_{}<>[\]|$#])/g, '$1')
      .replace(/\*\*|~~/g, '')
      .trim();
  }

  number(nodes: Node[] | undefined, line: number, what: string): number | undefined {
    if (!nodes) return undefined;
    const text = serialize(
      nodes.flatMap((node) => (node.kind === 'text' ? [{ kind: 'text' as const, value: node.value, line }] : [])),
    ).trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < 0) {
      throw new ImportError(line, `line ${line}: ${what} has points "${this.plain(nodes)}", which is not a number`);
    }
    return value;
  }

  // ---- inline ------------------------------------------------------------------------------

  inline(nodes: Node[]): string {
    const out: string[] = [];
    const cursor: Cursor = { nodes, at: 0 };
    while (cursor.at < nodes.length) {
      const node = nodes[cursor.at];
      cursor.at++;
      if (!node) continue;
      switch (node.kind) {
        case 'text':
          out.push(escapeMdxText(ligatures(node.value)));
          break;
        case 'space':
        case 'tilde':
          out.push(' ');
          break;
        case 'par':
          out.push('\n\n');
          break;
        case 'lbrack':
          out.push('\\[');
          break;
        case 'rbrack':
          out.push('\\]');
          break;
        case 'amp':
          out.push('&');
          break;
        case 'math':
          out.push(node.display ? `\n\n$$\n${node.tex}\n$$\n\n` : `$${this.inTable ? tableMath(node.tex) : node.tex}$`);
          break;
        case 'verb':
          out.push(`\`${node.value}\``);
          break;
        case 'group':
          out.push(this.group(node.children));
          break;
        case 'env':
          out.push(this.blocks(node.children.length ? [node] : []).join('\n\n'));
          break;
        case 'cmd':
          out.push(this.command(node, cursor));
          break;
      }
    }
    return out.join('');
  }

  /** A `{…}` group: its declarations (`{\bf x}`) style the rest of it. */
  group(children: Node[]): string {
    for (let index = 0; index < children.length; index++) {
      const node = children[index];
      if (node?.kind === 'cmd' && Object.hasOwn(declarations, node.name)) {
        const before = this.inline(children.slice(0, index));
        const rest = this.inline(children.slice(index + 1));
        return before + wrap(declarations[node.name] ?? '', rest);
      }
    }
    return this.inline(children);
  }

  command(node: Extract<Node, { kind: 'cmd' }>, cursor: Cursor): string {
    const name = node.name;
    if (Object.hasOwn(symbols, name)) return symbols[name] ?? '';
    if (Object.hasOwn(accents, name)) {
      const next = cursor.nodes[cursor.at];
      let base = '';
      if (next?.kind === 'group') {
        base = this.plain(next.children);
        cursor.at++;
      } else if (next?.kind === 'text') {
        base = next.value.charAt(0);
        cursor.nodes[cursor.at] = { ...next, value: next.value.slice(1) };
      }
      return `${base.charAt(0)}${accents[name] ?? ''}${base.slice(1)}`.normalize('NFC');
    }
    if (name === '\\' || name === 'newline' || name === 'tabularnewline') {
      this.star(cursor);
      this.optional(cursor);
      return '\n';
    }
    if (name === 'par') return '\n\n';
    if (Object.hasOwn(styles, name)) {
      if (name === 'makebox' || name === 'framebox') this.skipArguments(cursor, 'oo');
      const argument = this.required(cursor) ?? [];
      return (styles[name] ?? ((inner: string) => inner))(this.inline(argument));
    }
    if (name === 'texttt') return `\`${this.plain(this.required(cursor) ?? [])}\``;
    if (name === 'textcolor' || name === 'colorbox') {
      this.required(cursor);
      return this.inline(this.required(cursor) ?? []);
    }
    if (name === 'url') {
      const url = this.plain(this.required(cursor) ?? []);
      return `[${escapeMdxText(url)}](${url})`;
    }
    if (name === 'href') {
      const url = this.plain(this.required(cursor) ?? []);
      return `[${this.inline(this.required(cursor) ?? [])}](${url})`;
    }
    if (name === 'hyperref') {
      this.optional(cursor);
      return this.inline(this.required(cursor) ?? []);
    }
    if (name === 'ref' || name === 'eqref' || name === 'autoref' || name === 'cref' || name === 'Cref') {
      const label = this.plain(this.required(cursor) ?? []);
      this.references.push({ label, line: node.line, named: name === 'autoref' || name === 'cref' || name === 'Cref' });
      return `\uE000${this.references.length - 1}\uE000`;
    }
    if (name === 'footnote') {
      this.find(node.line, 'a footnote is written in parentheses where it is called');
      return ` (${this.inline(this.required(cursor) ?? []).trim()})`;
    }
    if (name === 'fillin') {
      this.optional(cursor);
      this.optional(cursor);
      return '\\_\\_\\_\\_\\_\\_';
    }
    if (name === 'vskip' || name === 'hskip' || name === 'kern') {
      const next = cursor.nodes[cursor.at];
      if (next?.kind === 'text') {
        cursor.nodes[cursor.at] = {
          ...next,
          value: next.value.replace(
            /^\s*-?[\d.]+\s*(?:pt|em|ex|in|cm|mm|bp|pc|sp|\\[a-z]+)?(?:\s*plus\s*[\d.]+\s*(?:pt|em|ex|fil+))?/,
            '',
          ),
        };
      }
      return '';
    }
    if (name === 'label') {
      const label = this.plain(this.required(cursor) ?? []);
      if (this.inFigure) this.figureLabels.set(label, this.inFigure.number);
      return '';
    }
    if (name === 'caption' && this.tableCaption) {
      this.optional(cursor);
      this.tableCaption.text = this.inline(this.required(cursor) ?? []).trim();
      return '';
    }
    if (Object.hasOwn(layout, name)) {
      this.star(cursor);
      this.skipArguments(cursor, layout[name] ?? '');
      return '';
    }
    if (Object.hasOwn(declarations, name)) return '';
    if (name === 'caption' && this.inFigure) {
      this.optional(cursor);
      this.inFigure.caption = this.captionText(this.required(cursor) ?? []);
      return '';
    }
    if (name === 'includegraphics') {
      this.star(cursor);
      this.optional(cursor);
      const path = this.plain(this.required(cursor) ?? []);
      return this.image(path, node.line);
    }
    if (name === 'graphicspath') {
      for (const group of this.required(cursor) ?? []) {
        if (group.kind === 'group') this.graphicsPaths.push(this.plain(group.children));
      }
      return '';
    }
    if (
      name === 'points' ||
      name === 'numpoints' ||
      name === 'totalpoints' ||
      name === 'pointsofquestion' ||
      name === 'numquestions' ||
      name === 'numpages'
    ) {
      this.skipArguments(cursor, name === 'pointsofquestion' ? 'm' : '');
      this.find(node.line, `\\${name} (a number the exam class computes) left out`);
      return '';
    }
    if (name === 'title' || name === 'author' || name === 'date') {
      this.coverCommand(name, this.required(cursor) ?? [], node.line);
      return '';
    }
    if (name === 'header' || name === 'firstpageheader') {
      for (let index = 0; index < 3; index++) this.coverCommand(name, this.required(cursor) ?? [], node.line);
      return '';
    }
    if (
      questionCommands.has(name) ||
      ['part', 'subpart', 'subsubpart', 'choice', 'CorrectChoice', 'correctchoice', 'item'].includes(name)
    ) {
      this.find(node.line, `\\${name} outside its environment left out`);
      return '';
    }
    // Unknown: say so, and keep the text of its arguments.
    this.find(
      node.line,
      `unknown command \\${name}${cursor.nodes[cursor.at]?.kind === 'group' ? ' (its argument kept as text)' : ''}`,
    );
    const parts: string[] = [];
    while (cursor.nodes[cursor.at]?.kind === 'group') {
      const group = cursor.nodes[cursor.at] as Extract<Node, { kind: 'group' }>;
      parts.push(this.inline(group.children));
      cursor.at++;
    }
    return parts.join(' ');
  }

  captionText(nodes: Node[]): string {
    return markdownToPlain(this.inline(nodes));
  }

  // ---- blocks ------------------------------------------------------------------------------

  /** Markdown blocks from a run of nodes. */
  blocks(nodes: Node[]): string[] {
    const out: string[] = [];
    let paragraph: Node[] = [];
    const flush = () => {
      if (paragraph.length === 0) return;
      const text = this.inline(paragraph);
      paragraph = [];
      for (const block of splitParagraphs(text)) out.push(block);
    };
    const cursor: Cursor = { nodes, at: 0 };
    while (cursor.at < nodes.length) {
      const node = nodes[cursor.at];
      if (!node) break;
      if (node.kind === 'par' || (node.kind === 'cmd' && node.name === 'par')) {
        flush();
        cursor.at++;
        continue;
      }
      if ((node.kind === 'math' && node.display) || (node.kind === 'verb' && node.block)) {
        flush();
        out.push(node.kind === 'math' ? `$$\n${node.tex}\n$$` : fence(node.value));
        cursor.at++;
        continue;
      }
      if (node.kind === 'env') {
        flush();
        cursor.at++;
        out.push(...this.environment(node));
        continue;
      }
      if (
        node.kind === 'cmd' &&
        ['section', 'subsection', 'subsubsection', 'paragraph', 'subparagraph'].includes(node.name)
      ) {
        flush();
        cursor.at++;
        this.star(cursor);
        this.optional(cursor);
        const heading = this.inline(this.required(cursor) ?? []).trim();
        if (heading) out.push(`**${heading}**`);
        continue;
      }
      if (node.kind === 'cmd' && (node.name === 'uplevel' || node.name === 'fullwidth')) {
        flush();
        cursor.at++;
        out.push(...this.blocks(this.required(cursor) ?? []));
        continue;
      }
      if (node.kind === 'cmd' && node.name === 'includegraphics' && !this.inFigure) {
        flush();
        cursor.at++;
        this.star(cursor);
        this.optional(cursor);
        const path = this.plain(this.required(cursor) ?? []);
        out.push(this.figure(node.line, () => [this.image(path, node.line)]));
        continue;
      }
      paragraph.push(node);
      cursor.at++;
    }
    flush();
    return out;
  }

  environment(env: Container & { kind: 'env' }): string[] {
    const name = env.name;
    if (listEnvironments.has(name)) return [this.list(env)];
    if (tableEnvironments.has(name)) return [this.table(env)];
    if (name === 'figure' || name === 'figure*' || name === 'wrapfigure') {
      const cursor: Cursor = { nodes: env.children, at: 0 };
      this.optional(cursor);
      if (name === 'wrapfigure') this.skipArguments(cursor, 'mm');
      const rest = env.children.slice(cursor.at);
      return [this.figure(env.line, () => this.blocks(rest))];
    }
    if (name === 'table' || name === 'table*') {
      const cursor: Cursor = { nodes: env.children, at: 0 };
      this.optional(cursor);
      const outer = this.tableCaption;
      const caption: { text?: string } = {};
      this.tableCaption = caption;
      const blocks = this.blocks(env.children.slice(cursor.at));
      this.tableCaption = outer;
      if (caption.text) blocks.push(`*${caption.text}*`);
      return blocks;
    }
    if (name === 'quote' || name === 'quotation' || name === 'verse') {
      return this.blocks(env.children).map((block) =>
        block
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n'),
      );
    }
    if (name === 'minipage') {
      const cursor: Cursor = { nodes: env.children, at: 0 };
      this.optional(cursor);
      this.required(cursor);
      return this.blocks(env.children.slice(cursor.at));
    }
    if (transparentEnvironments.has(name)) return this.blocks(env.children);
    if (choiceEnvironments.has(name)) {
      // Choices outside a part's own content (e.g. inside an item): a plain list, no answer key.
      this.find(env.line, `${name} inside other content listed without an answer key`);
      return [
        this.choiceItems(env)
          .map((item) => `- (${item.id}) ${item.text}`)
          .join('\n'),
      ];
    }
    if (solutionEnvironments.has(name)) {
      this.find(env.line, `a ${name} environment outside a question or part left out`);
      return [];
    }
    if (name === 'subsubparts') return [this.subsubparts(env)];
    if (name === 'questions' || name === 'parts' || name === 'subparts') {
      this.find(env.line, `a ${name} environment where the importer does not expect one; its text is kept`);
      return this.blocks(env.children);
    }
    this.find(env.line, `unknown environment ${name} (its content kept)`);
    return this.blocks(env.children);
  }

  list(env: Container & { kind: 'env' }): string {
    const ordered = env.name === 'enumerate' || env.name === 'compactenum';
    const items: { label?: string; nodes: Node[] }[] = [];
    const cursor: Cursor = { nodes: env.children, at: 0 };
    if (ordered) this.optional(cursor);
    for (; cursor.at < env.children.length;) {
      const node = env.children[cursor.at];
      cursor.at++;
      if (node?.kind === 'cmd' && node.name === 'item') {
        const label = this.optional(cursor);
        items.push(label ? { label: this.inline(label).trim(), nodes: [] } : { nodes: [] });
        continue;
      }
      const last = items.at(-1);
      if (last && node) last.nodes.push(node);
      else if (node && node.kind !== 'space' && node.kind !== 'par')
        this.find(node.line, `text before the first \\item of ${env.name} left out`);
    }
    return items
      .map((item, index) => {
        const marker = ordered ? `${index + 1}.` : '-';
        const blocks = this.blocks(item.nodes);
        const head =
          item.label !== undefined ? (env.name === 'description' ? `**${item.label}** ` : `${item.label} `) : '';
        const indent = ' '.repeat(marker.length + 1);
        const [first = '', ...rest] = blocks;
        const body = [
          `${marker} ${head}${indentLines(first, indent)}`.trimEnd(),
          ...rest.map((block) => indent + indentLines(block, indent)),
        ];
        return body.join('\n\n');
      })
      .join('\n');
  }

  subsubparts(env: Container & { kind: 'env' }): string {
    this.find(env.line, 'subsubparts are written as a list inside their sub-part (no points or keys of their own)');
    const items: Node[][] = [];
    for (const node of env.children) {
      if (node.kind === 'cmd' && node.name === 'subsubpart') items.push([]);
      else items.at(-1)?.push(node);
    }
    const greek = ['α', 'β', 'γ', 'δ', 'ε', 'ζ', 'η', 'θ'];
    return items
      .map((nodes, index) => {
        const cursor: Cursor = { nodes, at: 0 };
        this.optional(cursor);
        return `- (${greek[index] ?? index + 1}) ${this.blocks(nodes.slice(cursor.at)).join(' ')}`;
      })
      .join('\n');
  }

  table(env: Container & { kind: 'env' }): string {
    const cursor: Cursor = { nodes: env.children, at: 0 };
    if (env.name === 'tabular*' || env.name === 'tabularx' || env.name === 'tabulary') this.required(cursor);
    this.optional(cursor);
    this.required(cursor); // column spec
    const rows: string[][] = [];
    let cell: Node[] = [];
    let row: string[] = [];
    const wasInTable = this.inTable;
    this.inTable = true;
    const endCell = () => {
      const rendered = this.inline(cell)
        .replace(/\s*\n+\s*/g, ' ')
        .trim()
        .replace(/(?<!\\)\|/g, '\\|');
      row.push(rendered);
      cell = [];
    };
    const endRow = () => {
      endCell();
      if (row.some((text) => text !== '')) rows.push(row);
      row = [];
    };
    for (; cursor.at < env.children.length; cursor.at++) {
      const node = env.children[cursor.at];
      if (!node) continue;
      if (node.kind === 'amp') {
        endCell();
        continue;
      }
      if (node.kind === 'cmd' && (node.name === '\\' || node.name === 'tabularnewline')) {
        cursor.at++;
        this.star(cursor);
        this.optional(cursor);
        cursor.at--;
        endRow();
        continue;
      }
      if (node.kind === 'cmd' && (node.name === 'multicolumn' || node.name === 'multirow')) {
        const inner: Cursor = { nodes: env.children, at: cursor.at + 1 };
        const span = Number(this.plain(this.required(inner) ?? []));
        if (node.name === 'multirow') this.optional(inner);
        this.required(inner);
        if (node.name === 'multirow') this.optional(inner);
        const content = this.required(inner) ?? [];
        cell.push(...content);
        if (node.name === 'multicolumn')
          for (let extra = 1; extra < span; extra++) {
            endCell();
          }
        this.find(node.line, `\\${node.name} cannot span cells in a Markdown table; its text is in the first cell`);
        cursor.at = inner.at - 1;
        continue;
      }
      if (
        node.kind === 'cmd' &&
        [
          'hline',
          'toprule',
          'midrule',
          'bottomrule',
          'cline',
          'cmidrule',
          'hhline',
          'endhead',
          'endfirsthead',
          'endfoot',
          'endlastfoot',
        ].includes(node.name)
      ) {
        const inner: Cursor = { nodes: env.children, at: cursor.at + 1 };
        if (node.name === 'cline' || node.name === 'hhline') this.required(inner);
        if (node.name === 'cmidrule') {
          this.optional(inner);
          this.required(inner);
        }
        cursor.at = inner.at - 1;
        continue;
      }
      if (node.kind === 'par') continue;
      cell.push(node);
    }
    endRow();
    this.inTable = wasInTable;
    if (rows.length === 0) return '';
    const width = Math.max(...rows.map((cells) => cells.length));
    const line = (cells: string[]) =>
      `| ${Array.from({ length: width }, (_, index) => cells[index] ?? '').join(' | ')} |`;
    const [header = [], ...body] = rows;
    return [line(header), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
  }

  figure(line: number, content: () => string[]): string {
    const number = ++this.figureCount;
    const outer = this.inFigure;
    this.inFigure = { number, images: 0 };
    const state = this.inFigure;
    const blocks = content()
      .filter((block) => block.trim() !== '')
      .map((block) => block.split(altMarker).join(jsxString(state.caption ?? `Figure ${number}`)));
    this.inFigure = outer;
    const caption = state.caption ? `Figure ${number}: ${state.caption}` : `Figure ${number}`;
    if (!this.problem) this.find(line, 'a figure outside the questions (cover or instructions) cannot be shown there');
    return `<Figure id="figure-${number}" caption=${jsxString(caption)}>\n\n${blocks.join('\n\n')}\n\n</Figure>`;
  }

  private readonly references: { label: string; line: number; named: boolean }[] = [];
  private tableCaption: { text?: string } | undefined;

  /** `\ref`s become figure numbers once every figure is numbered (a reference may come first). */
  resolveReferences(): void {
    const resolve = (text: string) =>
      text.replace(/\uE000(\d+)\uE000/g, (_match, index: string) => {
        const reference = this.references[Number(index)];
        const figure = reference ? this.figureLabels.get(reference.label) : undefined;
        if (!reference) return '??';
        if (figure === undefined) {
          this.find(
            reference.line,
            `\\ref{${reference.label}} points at no figure the importer numbered; written as "??"`,
          );
          return '??';
        }
        return reference.named ? `Figure ${figure}` : String(figure);
      });
    if (this.references.length === 0) return;
    const exam = this.exam;
    exam.instructions = exam.instructions.map(resolve);
    for (const problem of exam.problems) {
      problem.intro = problem.intro.map(resolve);
      for (const part of problem.parts) {
        part.body = part.body.map((block) => (typeof block === 'string' ? resolve(block) : block));
        part.solution = part.solution.map(resolve);
        for (const item of part.options?.items ?? []) item.text = resolve(item.text);
      }
    }
  }

  image(path: string, line: number): string {
    const state = this.inFigure;
    const figure = state?.number ?? this.figureCount + 1;
    const found = this.resolveImage(path);
    if (!found) {
      this.find(
        line,
        `image "${path}" not found next to the .tex file (tried ${imageExtensions.join(', ')}); the figure shows a placeholder`,
      );
      return `*(Image "${escapeMdxText(path)}" was not found when this exam was imported.)*`;
    }
    const extension = found.slice(found.lastIndexOf('.')).toLowerCase();
    if (printOnlyExtensions.includes(extension)) {
      this.find(
        line,
        `image "${path}" is ${extension.slice(1).toUpperCase()}, which web pages cannot show; convert it to PNG or SVG and import again`,
      );
      return `*(Image "${escapeMdxText(path)}" is a ${extension.slice(1).toUpperCase()} file; it needs a PNG or SVG version.)*`;
    }
    const index = state ? state.images++ : 0;
    const binding = `figure${figure}${index > 0 ? toLetters(index + 1) : ''}`;
    const stem =
      (found.split(/[\\/]/).pop() ?? 'figure')
        .replace(/\.[^.]+$/, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'figure';
    let file = `${stem}${extension}`;
    for (let counter = 2; this.assetNames.has(file); counter++) file = `${stem}-${counter}${extension}`;
    this.assetNames.add(file);
    this.exam.assets.push({ from: found, to: file, line });
    this.problem?.imports.push({ name: binding, file });
    const alt = state ? altMarker : jsxString(`Figure ${figure}`);
    return `<img src={${binding}.src} width={${binding}.width} height={${binding}.height} alt=${alt} />`;
  }

  resolveImage(path: string): string | undefined {
    const { directory, exists, join } = this.source;
    const hasExtension = /\.[A-Za-z0-9]{2,4}$/.test(path);
    for (const folder of this.graphicsPaths) {
      const base = join(directory, folder, path);
      if (hasExtension && exists(base)) return base;
      if (!hasExtension) {
        for (const extension of [...imageExtensions, ...printOnlyExtensions])
          if (exists(base + extension)) return base + extension;
      }
    }
    return undefined;
  }

  // ---- cover -------------------------------------------------------------------------------

  coverCommand(name: string, nodes: Node[], line: number): void {
    const lines: Node[][] = [[]];
    for (const node of nodes) {
      if (node.kind === 'cmd' && (node.name === '\\' || node.name === 'and' || node.name === 'newline')) lines.push([]);
      else lines.at(-1)?.push(node);
    }
    for (const nodesOfLine of lines) {
      const text = this.plain(nodesOfLine);
      if (text === '') continue;
      const verdict = readCoverLine(this.exam, text, line);
      if (verdict === 'text') this.find(line, `\\${name} text not used: "${clip(text)}"`);
    }
  }

  // ---- questions ---------------------------------------------------------------------------

  readDocument(root: Node[]): void {
    const documentIndex = root.findIndex((node) => node.kind === 'env' && node.name === 'document');
    const document = root[documentIndex];
    if (!document || document.kind !== 'env')
      throw new ImportError(1, 'line 1: no \\begin{document} found; is this a LaTeX document?');
    this.preamble(root.slice(0, documentIndex));
    const body = document.children;
    const questionsIndex = body.findIndex((node) => node.kind === 'env' && node.name === 'questions');
    const questions = body[questionsIndex];
    if (!questions || questions.kind !== 'env') {
      throw new ImportError(
        document.line,
        `line ${document.line}: no \\begin{questions} found; the importer reads the exam document class (\\question, \\part, …)`,
      );
    }
    this.coverText(body.slice(0, questionsIndex));
    this.questions(questions);
    const after = this.blocks(body.slice(questionsIndex + 1)).filter((block) => block.trim() !== '');
    if (after.length > 0)
      this.find(questions.line, `text after \\end{questions} left out: "${clip(markdownToPlain(after.join(' ')))}"`);
  }

  preamble(nodes: Node[]): void {
    const cursor: Cursor = { nodes, at: 0 };
    while (cursor.at < nodes.length) {
      const node = nodes[cursor.at];
      cursor.at++;
      if (node?.kind !== 'cmd') continue;
      if (node.name === 'title' || node.name === 'author' || node.name === 'date') {
        this.optional(cursor);
        this.coverCommand(node.name, this.required(cursor) ?? [], node.line);
      } else if (node.name === 'header' || node.name === 'firstpageheader') {
        for (let index = 0; index < 3; index++) this.coverCommand(node.name, this.required(cursor) ?? [], node.line);
      } else if (node.name === 'graphicspath') {
        for (const group of this.required(cursor) ?? [])
          if (group.kind === 'group') this.graphicsPaths.push(this.plain(group.children));
      }
    }
  }

  /** The document's text before the questions: cover lines, then instructions. */
  coverText(nodes: Node[]): void {
    const instructions: string[] = [];
    let paragraph: Node[] = [];
    const flush = () => {
      const line = paragraph.find((node) => node.kind !== 'space')?.line ?? 1;
      const text = this.inline(paragraph);
      paragraph = [];
      const kept = text
        .split('\n')
        .filter((piece) => piece.trim() !== '' && readCoverLine(this.exam, markdownToPlain(piece), line) === 'text');
      instructions.push(...splitParagraphs(kept.join('\n')));
    };
    for (const node of nodes) {
      if (node.kind === 'par' || node.kind === 'env' || (node.kind === 'math' && node.display)) {
        flush();
        if (node.kind !== 'par')
          instructions.push(...this.blocks([node]).filter((block) => !block.startsWith('<Figure')));
        continue;
      }
      paragraph.push(node);
    }
    flush();
    this.exam.instructions = instructions;
  }

  questions(env: Container & { kind: 'env' }): void {
    const nodes = env.children;
    let before: Node[] = [];
    let current: { nodes: Node[]; line: number; title?: string; points?: number; bonus: boolean } | undefined;
    const cursor: Cursor = { nodes, at: 0 };
    while (cursor.at < nodes.length) {
      const node = nodes[cursor.at];
      cursor.at++;
      if (!node) continue;
      if (node.kind === 'cmd' && questionCommands.has(node.name)) {
        if (current) this.question(current);
        const titled = node.name.includes('titled');
        const title = titled ? this.plain(this.required(cursor) ?? []) : undefined;
        const points = this.number(this.optional(cursor), node.line, `\\${node.name}`);
        current = { nodes: before, line: node.line, bonus: node.name.startsWith('bonus') };
        before = [];
        if (title !== undefined) current.title = title;
        if (points !== undefined) current.points = points;
        if (current.bonus) this.find(node.line, `\\${node.name}: bonus points are counted like other points`);
        continue;
      }
      if (current) current.nodes.push(node);
      else before.push(node);
    }
    if (current) this.question(current);
    else throw new ImportError(env.line, `line ${env.line}: the questions environment holds no \\question`);
  }

  question(draft: { nodes: Node[]; line: number; title?: string; points?: number }): void {
    const number = this.exam.problems.length + 1;
    const problem: ImportedProblem = {
      number,
      title: draft.title && draft.title !== '' ? draft.title : `Question ${number}`,
      points: draft.points,
      line: draft.line,
      intro: [],
      parts: [],
      imports: [],
    };
    if (!draft.title)
      this.find(
        draft.line,
        `Question ${number} has no title; named "Question ${number}" (\\titledquestion{Title} gives one)`,
      );
    this.problem = problem;
    this.exam.problems.push(problem);
    const partsIndex = draft.nodes.findIndex((node) => node.kind === 'env' && node.name === 'parts');
    const partsEnv = draft.nodes[partsIndex];
    if (!partsEnv || partsEnv.kind !== 'env') {
      const part: ImportedPart = {
        id: 'question',
        label: `Question ${number}`,
        line: draft.line,
        body: [],
        solution: [],
      };
      this.partContent(draft.nodes, part);
      finishKey(part);
      problem.parts = [part];
    } else {
      const before = draft.nodes.slice(0, partsIndex);
      const solutions = before.filter((node) => node.kind === 'env' && solutionEnvironments.has(node.name));
      problem.intro = this.blocks(before.filter((node) => !solutions.includes(node)));
      this.parts(partsEnv, problem);
      const after = draft.nodes.slice(partsIndex + 1);
      const last = problem.parts.at(-1);
      if (last && [...solutions, ...after].some((node) => node.kind !== 'space' && node.kind !== 'par')) {
        this.find(
          partsEnv.line,
          `content of Question ${number} outside its parts environment kept at the end of ${number}${last.label}`,
        );
        this.partContent([...after, ...solutions], last);
      }
    }
    const scored = problem.parts.filter((part) => part.points !== undefined);
    const sum = sumPoints(scored.map((part) => part.points ?? 0));
    if (problem.points === undefined) {
      if (scored.length === 0) {
        throw new ImportError(
          draft.line,
          `line ${draft.line}: Question ${number} states no points; write \\question[10] or give its parts points (\\part[4])`,
        );
      }
      problem.points = sum;
    } else if (scored.length > 0 && !samePoints(sum, problem.points)) {
      throw new ImportError(
        draft.line,
        `line ${draft.line}: Question ${number} is worth ${problem.points} points but its parts add up to ${sum} (${scored.map((part) => `${part.id}: ${part.points ?? 0}`).join(' + ')})`,
      );
    }
    this.problem = undefined;
  }

  parts(env: Container & { kind: 'env' }, problem: ImportedProblem): void {
    const drafts: { nodes: Node[]; line: number; points?: number }[] = [];
    const cursor: Cursor = { nodes: env.children, at: 0 };
    const before: Node[] = [];
    while (cursor.at < env.children.length) {
      const node = env.children[cursor.at];
      cursor.at++;
      if (!node) continue;
      if (node.kind === 'cmd' && (node.name === 'part' || node.name === 'bonuspart')) {
        const points = this.number(this.optional(cursor), node.line, `\\${node.name}`);
        drafts.push(points === undefined ? { nodes: [], line: node.line } : { nodes: [], line: node.line, points });
        continue;
      }
      const last = drafts.at(-1);
      if (last) last.nodes.push(node);
      else before.push(node);
    }
    problem.intro.push(...this.blocks(before));
    for (const [index, draft] of drafts.entries()) {
      const id = toLetters(index + 1);
      const subpartsIndex = draft.nodes.findIndex((node) => node.kind === 'env' && node.name === 'subparts');
      const subparts = draft.nodes[subpartsIndex];
      const part: ImportedPart = {
        id,
        label: `(${id})`,
        points: draft.points,
        line: draft.line,
        body: [],
        solution: [],
      };
      if (!subparts || subparts.kind !== 'env') {
        this.partContent(draft.nodes, part);
        finishKey(part);
        problem.parts.push(part);
        continue;
      }
      this.subparts(subparts, part, draft.nodes.slice(0, subpartsIndex), draft.nodes.slice(subpartsIndex + 1), problem);
    }
  }

  subparts(
    env: Container & { kind: 'env' },
    parent: ImportedPart,
    stem: Node[],
    after: Node[],
    problem: ImportedProblem,
  ): void {
    const drafts: { nodes: Node[]; line: number; points?: number }[] = [];
    const cursor: Cursor = { nodes: env.children, at: 0 };
    const lead: Node[] = [];
    while (cursor.at < env.children.length) {
      const node = env.children[cursor.at];
      cursor.at++;
      if (!node) continue;
      if (node.kind === 'cmd' && node.name === 'subpart') {
        const points = this.number(this.optional(cursor), node.line, '\\subpart');
        drafts.push(points === undefined ? { nodes: [], line: node.line } : { nodes: [], line: node.line, points });
        continue;
      }
      const last = drafts.at(-1);
      if (last) last.nodes.push(node);
      else lead.push(node);
    }
    const scored = drafts.some((draft) => draft.points !== undefined);
    if (!scored && parent.points !== undefined) {
      // Points on the part only: its sub-parts are its own content, labelled (i), (ii)…
      this.partContent([...stem, ...lead], parent);
      for (const [index, draft] of drafts.entries()) {
        const inner: ImportedPart = { id: parent.id, label: parent.label, line: draft.line, body: [], solution: [] };
        this.partContent(draft.nodes, inner);
        const label = `**(${toRoman(index + 1)})**`;
        const body = inner.body.map((block) => (typeof block === 'string' ? block : ''));
        if (inner.options) {
          this.find(
            inner.options.line,
            `choices of ${problem.number}${parent.label}(${toRoman(index + 1)}) listed without an answer key: the sub-part has no points of its own`,
          );
          const list = inner.options.items.map((item) => `- (${item.id}) ${item.text}`).join('\n');
          const at = inner.body.findIndex((block) => typeof block !== 'string');
          body[at] = list;
        }
        const filtered = body.filter((block) => block !== '');
        filtered[0] = `${label} ${filtered[0] ?? ''}`.trim();
        parent.body.push(...filtered);
        if (inner.solution.length > 0) {
          const solution = [...inner.solution];
          solution[0] = `${label} ${solution[0] ?? ''}`;
          parent.solution.push(...solution);
        }
      }
      this.partContent(after, parent);
      finishKey(parent);
      problem.parts.push(parent);
      return;
    }
    // Sub-parts with points are parts of the problem: "ai", "aii"… titled "(a)(i)".
    const sum = sumPoints(drafts.map((draft) => draft.points ?? 0));
    if (parent.points !== undefined && !samePoints(sum, parent.points)) {
      throw new ImportError(
        parent.line,
        `line ${parent.line}: part ${problem.number}${parent.label} is worth ${parent.points} points but its sub-parts add up to ${sum} (${drafts.map((draft, index) => `${toRoman(index + 1)}: ${draft.points ?? 0}`).join(' + ')})`,
      );
    }
    const stemPart: ImportedPart = { ...parent, body: [], solution: [] };
    this.partContent([...stem, ...lead], stemPart);
    if (stemPart.options) {
      this.find(
        stemPart.options.line,
        `choices of ${problem.number}${parent.label} before its sub-parts listed without an answer key`,
      );
      const list = stemPart.options.items.map((item) => `- (${item.id}) ${item.text}`).join('\n');
      stemPart.body = stemPart.body.map((block) => (typeof block === 'string' ? block : list));
    }
    for (const [index, draft] of drafts.entries()) {
      const roman = toRoman(index + 1);
      const part: ImportedPart = {
        id: `${parent.id}${roman}`,
        label: `${parent.label}(${roman})`,
        points: draft.points,
        line: draft.line,
        body: [],
        solution: [],
      };
      this.partContent(index === drafts.length - 1 ? [...draft.nodes, ...after] : draft.nodes, part);
      // The site shows such a part by its title, so the title carries the label: "(a)(i) Write …".
      const own = part.body.find(
        (block): block is string => typeof block === 'string' && !block.startsWith('$$') && !block.startsWith('<'),
      );
      part.title = `${part.label}${own ? ` ${titleFromText(own) ?? ''}` : ''}`.trimEnd();
      if (index === 0) {
        part.body.unshift(...stemPart.body);
        part.solution.unshift(...stemPart.solution);
      }
      finishKey(part);
      problem.parts.push(part);
    }
  }

  /** A part's question, options and solution, in source order. */
  partContent(nodes: Node[], part: ImportedPart): void {
    let run: Node[] = [];
    const flush = () => {
      part.body.push(...this.blocks(run));
      run = [];
    };
    for (const node of nodes) {
      if (node.kind === 'env' && choiceEnvironments.has(node.name)) {
        flush();
        if (part.options) {
          this.find(node.line, `a second ${node.name} in ${part.label} listed without an answer key`);
          part.body.push(
            this.choiceItems(node)
              .map((item) => `- (${item.id}) ${item.text}`)
              .join('\n'),
          );
          continue;
        }
        const items = this.choiceItems(node);
        part.options = { kind: node.name.includes('checkboxes') ? 'checkboxes' : 'choices', items, line: node.line };
        part.body.push({ options: true });
        const correct = items.filter((item) => item.correct).map((item) => item.id);
        if (correct.length > 0) {
          part.answer = { choices: correct };
          // The exam class marks \CorrectChoice in the solutions printout; the guide says it in the solution.
          part.solution.unshift(correctAnswerSentence(correct));
        }
        continue;
      }
      if (node.kind === 'env' && solutionEnvironments.has(node.name)) {
        flush();
        const cursor: Cursor = { nodes: node.children, at: 0 };
        this.optional(cursor);
        part.solution.push(...this.blocks(node.children.slice(cursor.at)));
        continue;
      }
      run.push(node);
    }
    flush();
  }

  choiceScheme(): LabelScheme {
    const label = this.macros.get('choicelabel');
    const commands = new Set((label?.body ?? []).filter((token) => token.kind === 'cmd').map((token) => token.value));
    if (commands.has('roman')) return 'roman';
    if (commands.has('alph')) return 'letter';
    if (commands.has('arabic')) return 'number';
    return 'Letter';
  }

  choiceItems(env: Container & { kind: 'env' }): ImportedOption[] {
    const scheme = this.choiceScheme();
    const items: ImportedOption[] = [];
    const drafts: { nodes: Node[]; correct: boolean; line: number }[] = [];
    for (const node of env.children) {
      if (
        node.kind === 'cmd' &&
        (node.name === 'choice' || node.name === 'CorrectChoice' || node.name === 'correctchoice')
      ) {
        drafts.push({ nodes: [], correct: node.name !== 'choice', line: node.line });
        continue;
      }
      const last = drafts.at(-1);
      if (last) last.nodes.push(node);
      else if (node.kind !== 'space' && node.kind !== 'par')
        this.find(node.line, `text before the first \\choice of ${env.name} left out`);
    }
    for (const [index, draft] of drafts.entries()) {
      items.push({
        id: labelFor(scheme, index + 1),
        text: this.blocks(draft.nodes)
          .join(' ')
          .replace(/\s*\n\s*/g, ' ')
          .trim(),
        correct: draft.correct,
        line: draft.line,
      });
    }
    return items;
  }
}

/** ["A", "C"] → "Correct answers: (A) and (C)", as the plain-text exams write it. */
export function correctAnswerSentence(ids: readonly string[]): string {
  const labels = ids.map((id) => `(${id})`);
  const list =
    labels.length <= 2 ? labels.join(' and ') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
  return `Correct answer${labels.length === 1 ? '' : 's'}: ${list}`;
}

function finishKey(part: ImportedPart): void {
  if (part.answer) return;
  const key = numericKey(part.solution);
  if (key) part.answer = key;
}

function ligatures(text: string): string {
  return text.replace(/---/g, '—').replace(/--/g, '–').replace(/``/g, '“').replace(/''/g, '”').replace(/`/g, '‘');
}

/** `|` inside a table cell's formula would end the cell. */
function tableMath(tex: string): string {
  return tex.replace(/\\\|/g, '\\Vert ').replace(/\|/g, '\\vert ');
}

function fence(content: string): string {
  const [kind = '', ...lines] = content.split('\n');
  const body = lines.join('\n').replace(/\n$/, '');
  return kind === 'comment' ? '' : `\`\`\`\n${body}\n\`\`\``;
}

function indentLines(block: string, indent: string): string {
  return block.split('\n').join(`\n${indent}`);
}

/** A rendered paragraph may hold hard breaks and display formulas: split and tidy them. */
function splitParagraphs(text: string): string[] {
  return text
    .split(/\n{2,}/)
    .map((block) =>
      block.startsWith('$$')
        ? block.trim()
        : block
            .split('\n')
            .map((line) => line.replace(/[ \t]+/g, ' ').trim())
            .filter((line) => line !== '')
            .join('\\\n'),
    )
    .map((block) => block.trim())
    .filter((block) => block !== '' && block !== '\\')
    .map(escapeLineStart);
}

/** A paragraph that starts like a heading, list or quote would be read as one. */
function escapeLineStart(block: string): string {
  if (block.startsWith('$$') || block.startsWith('<')) return block;
  return block.replace(/^(#{1,6} |[-+] |>|\d{1,9}([.)]) )/, (match) => `\\${match}`);
}

/** Markdown → the plain words (captions are plain text): math read aloud, markup removed. */
export function markdownToPlain(markdown: string): string {
  let out = '';
  for (let at = 0; at < markdown.length; at++) {
    const char = markdown[at];
    if (char === '\\' && at + 1 < markdown.length) {
      const next = markdown[at + 1] ?? '';
      out += next === '\n' ? ' ' : next;
      at++;
      continue;
    }
    if (char === '$') {
      const close = markdown.indexOf('$', at + 1);
      if (close !== -1) {
        out += texToText(markdown.slice(at + 1, close));
        at = close;
        continue;
      }
    }
    if (char === '*' || char === '`' || char === '~') continue;
    out += char ?? '';
  }
  return out.replace(/\s+/g, ' ').trim();
}

export function readLatex(source: string, origin: LatexSource): ImportedExam {
  const tokens = tokenize(source);
  checkBraces(tokens);
  checkEnvironments(tokens);
  const findings: ImportedExam['findings'] = [];
  const expansion = expandMacros(tokens, findings);
  const tree = buildTree(expansion.tokens);
  const reader = new LatexReader(expansion.macros, origin);
  reader.exam.findings.push(...findings);
  try {
    reader.readDocument(tree);
    reader.resolveReferences();
  } catch (error) {
    if (error instanceof RangeError)
      throw new ImportError(undefined, 'the document nests groups or environments too deeply to read');
    throw error;
  }
  return reader.exam;
}
