import { describe, expect, it } from 'vitest';
import {
  fillPaperSizes,
  formatFileSize,
  hasPaperLinks,
  paperFileName,
  paperPdfPath,
  paperRoutePath,
  paperTitle,
  removePaperLinks,
} from './papers';

// As Astro writes the exam page's block (src/pages/[exam]/index.astro).
const page = [
  '<h1>Exam</h1><p class="muted">Uni</p>',
  '<p class="paper-links" data-paper-links data-pagefind-ignore>Print: ',
  '<a href="/g/x/x-exam.pdf" type="application/pdf">Exam paper (PDF)</a> <span class="muted" data-paper-size="x-exam.pdf"></span> · ',
  '<a href="/g/x/x-solutions.pdf" type="application/pdf">With solutions (PDF)</a> <span class="muted" data-paper-size="x-solutions.pdf"></span></p>',
  '<p>Instructions</p>',
].join('');

describe('paper files and routes', () => {
  it('names the PDFs after the exam, in its folder', () => {
    expect(paperFileName('cs230', 'exam')).toBe('cs230-exam.pdf');
    expect(paperPdfPath('cs230', 'solutions')).toBe('cs230/cs230-solutions.pdf');
    expect(paperRoutePath('cs230')).toBe('cs230/paper/print/');
    expect(paperTitle('CS230 Midterm', 'exam')).toBe('CS230 Midterm');
    expect(paperTitle('CS230 Midterm', 'solutions')).toBe('CS230 Midterm: solutions');
  });

  it('shows sizes as a reader expects', () => {
    expect(formatFileSize(217_088)).toBe('212 KB');
    expect(formatFileSize(300)).toBe('1 KB');
    expect(formatFileSize(1.45 * 1024 * 1024)).toBe('1.4 MB');
  });
});

describe("the exam page's PDF links", () => {
  it('get each file size in its placeholder and keep everything else', () => {
    const filled = fillPaperSizes(
      page,
      new Map([
        ['x-exam.pdf', 212 * 1024],
        ['x-solutions.pdf', 340 * 1024],
      ]),
    );
    expect(filled).toContain('<span class="muted" data-paper-size="x-exam.pdf">(212 KB)</span>');
    expect(filled).toContain('<span class="muted" data-paper-size="x-solutions.pdf">(340 KB)</span>');
    expect(filled.replace(/\(\d+ KB\)/g, '')).toBe(page);
  });

  it('refuse to link a PDF that was not made', () => {
    expect(() => fillPaperSizes(page, new Map([['x-exam.pdf', 1]]))).toThrow(
      'the exam page links x-solutions.pdf, but no such PDF was made',
    );
  });

  it('are removed whole when no PDF was made', () => {
    expect(hasPaperLinks(page)).toBe(true);
    const removed = removePaperLinks(page);
    expect(removed).toBe('<h1>Exam</h1><p class="muted">Uni</p><p>Instructions</p>');
    expect(hasPaperLinks(removed)).toBe(false);
  });
});
