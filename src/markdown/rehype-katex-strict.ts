import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /**
     * Names the source of a fragment that is not a whole file (a part title, an erratum), e.g.
     * "content/exams/x/index.mdx, errata 3(e)". Errors then name it instead of a line and column
     * that would point into the fragment, not the file.
     */
    place: string;
  }
}

/**
 * KaTeX's `trust` stays off, but returning `false` would render `\\href{javascript:…}` or
 * `\\includegraphics` as red text and ship it. Throwing makes rehype-katex report the formula,
 * and the strict check below then fails the build naming it.
 */
export class UntrustedTexError extends Error {}

export function refuseUntrustedTex(context: { command: string }): boolean {
  throw new UntrustedTexError(
    `${context.command} is not allowed in a formula (links, images and HTML in math could run scripts or load files); put the link or image outside the formula`,
  );
}

/**
 * rehype-katex reports a formula it cannot parse as a warning and renders red error text,
 * which would ship silently. Run right after it, this turns the first such warning into a
 * build failure naming the file, the line and the formula.
 */
export function rehypeKatexStrict() {
  return (_tree: Root, file: VFile) => {
    const failure = file.messages.find((message) => message.source === 'rehype-katex');
    if (!failure) return;
    const element = failure.ancestors?.at(-1);
    const tex = element ? toText(element as Root).trim() : '';
    // The MDX pipeline does not always carry positions down to the math element; the formula's
    // own text still finds its line in the source.
    const line = failure.line ?? lineOf(String(file.value), tex);
    const where = file.data.place ?? (line === undefined ? file.path : `${file.path}:${line}:${failure.column ?? 1}`);
    const reason = failure.cause instanceof Error ? failure.cause.message : failure.reason;
    const formula = tex.length > 60 ? `${tex.slice(0, 57)}…` : tex;
    if (failure.cause instanceof UntrustedTexError) file.fail(`${where}: ${failure.cause.message} ($${formula}$)`);
    file.fail(`${where}: a formula does not parse in KaTeX${formula ? ` ($${formula}$)` : ''}: ${reason}`);
  };
}

/** The line where `text` starts in `source`, whitespace-insensitive (hast text collapses newlines). */
function lineOf(source: string, text: string): number | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const pattern = new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  const match = pattern.exec(source);
  return match ? source.slice(0, match.index).split('\n').length : undefined;
}
