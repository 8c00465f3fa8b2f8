import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';

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
    const line = failure.line ?? lineOf(String(file.value ?? ''), tex);
    const where = line === undefined ? file.path : `${file.path}:${line}:${failure.column ?? 1}`;
    const reason = failure.cause instanceof Error ? failure.cause.message : failure.reason;
    const formula = tex.length > 60 ? `${tex.slice(0, 57)}…` : tex;
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
