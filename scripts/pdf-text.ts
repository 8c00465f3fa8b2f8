// Reads a PDF the way the tests need it: the text of each page (pdf.js through unpdf, so no system
// tool is needed) and the fonts it embeds. Used by scripts/pdf.test.ts and e2e/pdf.spec.ts.
import { extractText, getDocumentProxy } from 'unpdf';

export interface PdfContent {
  /** Each page's text, whitespace collapsed to single spaces. */
  pages: string[];
  /** All pages' text, joined with spaces. */
  text: string;
  /** Names of the fonts embedded in the file, without the subset prefix ("KaTeX_Main-Regular"). */
  embeddedFonts: string[];
  /** How many fonts the file uses in all (embedded or not). */
  fontCount: number;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy.
  const raw = Buffer.from(bytes).toString('latin1');
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(document, { mergePages: false });
  const pages = text.map((page) => page.replace(/\s+/g, ' ').trim());
  // Each font has a FontDescriptor naming it. An embedded one carries its font program (FontFile,
  // FontFile2 or FontFile3) there, or is a Type 3 font, whose glyphs are drawn in the file itself
  // (Chromium writes synthesized bold that way).
  const objects = new Map(
    [...raw.matchAll(/(\d+) 0 obj\s*<<([\s\S]*?)>>\s*(?:endobj|stream)/g)].map((match) => [match[1]!, match[2]!]),
  );
  const type3Descriptors = new Set(
    [...objects.values()]
      .filter((body) => /\/Subtype \/Type3\b/.test(body))
      .map((body) => /\/FontDescriptor (\d+) 0 R/.exec(body)?.[1]),
  );
  const descriptors = [...objects].filter(([, body]) => /\/Type \/FontDescriptor\b/.test(body));
  const name = (body: string) => /\/FontName\s*\/(?:[A-Z]{6}\+)?([^\s/<>]+)/.exec(body)?.[1] ?? '?';
  return {
    pages,
    text: pages.join(' '),
    embeddedFonts: descriptors
      .filter(([id, body]) => /\/FontFile[23]?\s/.test(body) || type3Descriptors.has(id))
      .map(([, body]) => name(body)),
    fontCount: descriptors.length,
  };
}
