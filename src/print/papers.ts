/**
 * The printable exam papers: which ones exist, where their PDFs and print routes live, and how the
 * exam page's links to them are completed after the build. Pure string work, shared by the routes
 * (src/pages/[exam]/paper/print.astro, src/pages/[exam]/index.astro) and the build step that
 * prints them (src/integration/pdf.ts).
 */

export const paperKinds = ['exam', 'solutions'] as const;
export type PaperKind = (typeof paperKinds)[number];

export const paperLinkText: Record<PaperKind, string> = {
  exam: 'Exam paper (PDF)',
  solutions: 'With solutions (PDF)',
};

/** The PDF's file name, e.g. "cs230-fall-2021-midterm-exam.pdf"; it sits in the exam's folder. */
export function paperFileName(examId: string, kind: PaperKind): string {
  return `${examId}-${kind}.pdf`;
}

/** Site-relative path of the PDF (no base), e.g. "cs230-fall-2021-midterm/cs230-fall-2021-midterm-exam.pdf". */
export function paperPdfPath(examId: string, kind: PaperKind): string {
  return `${examId}/${paperFileName(examId, kind)}`;
}

/** "CS230 Fall 2021 Midterm Examination: solutions": the PDF's title and the text of its footer. */
export function paperTitle(examName: string, kind: PaperKind): string {
  return kind === 'solutions' ? `${examName}: solutions` : examName;
}

/**
 * Site-relative path of the print route both PDFs are printed from (removed from the published
 * site afterwards). Nested, so that it never collides with a problem's page.
 */
export function paperRoutePath(examId: string): string {
  return `${examId}/paper/print/`;
}

/** The class the paper's body gets for each PDF (paper.css shows or hides by it). */
export function paperBodyClass(kind: PaperKind): string {
  return `paper paper-${kind}`;
}

/**
 * Attribute on the exam page's block of PDF links. The block is rendered with a size placeholder
 * per file; the build step fills in the sizes, or removes the whole block when no PDF was made.
 */
export const paperLinksAttribute = 'data-paper-links';
/** Attribute on each size placeholder, naming the file whose size goes there. */
export const paperSizeAttribute = 'data-paper-size';

/** "212 KB", "1.4 MB": how a download's size is shown next to its link. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const blockPattern = new RegExp(`<p\\b[^>]*\\s${paperLinksAttribute}(?:=(?:""|''))?[^>]*>[\\s\\S]*?</p>`, 'g');
const sizePattern = new RegExp(`(<span\\b[^>]*\\s${paperSizeAttribute}="([^"]+)"[^>]*>)[\\s\\S]*?(</span>)`, 'g');

/** Whether the page has a block of PDF links (each exam page does). */
export function hasPaperLinks(html: string): boolean {
  blockPattern.lastIndex = 0;
  return blockPattern.test(html);
}

/**
 * Fills every size placeholder with "(212 KB)". A placeholder whose file has no size is an error:
 * a link would point at a PDF that was not made.
 */
export function fillPaperSizes(html: string, sizes: ReadonlyMap<string, number>): string {
  return html.replace(sizePattern, (_match, open: string, file: string, close: string) => {
    const bytes = sizes.get(file);
    if (bytes === undefined) throw new Error(`the exam page links ${file}, but no such PDF was made`);
    return `${open}(${formatFileSize(bytes)})${close}`;
  });
}

/** Removes the block of PDF links (the PDFs were not made). */
export function removePaperLinks(html: string): string {
  return html.replace(blockPattern, '');
}
