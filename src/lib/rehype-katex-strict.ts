import type { Root } from 'hast';
import type { VFile } from 'vfile';

/**
 * rehype-katex reports a formula it cannot parse as a warning and renders red error text,
 * which would ship silently. Run right after it, this turns the first such warning into a
 * build failure naming the file, line and formula.
 */
export function rehypeKatexStrict() {
  return (_tree: Root, file: VFile) => {
    const failure = file.messages.find((message) => message.source === 'rehype-katex');
    if (!failure) return;
    const where = failure.line === undefined ? file.path : `${file.path}:${failure.line}:${failure.column ?? 1}`;
    const reason = failure.cause instanceof Error ? failure.cause.message : failure.reason;
    file.fail(`${where}: a formula does not parse in KaTeX: ${reason}`, failure.place ?? undefined);
  };
}
