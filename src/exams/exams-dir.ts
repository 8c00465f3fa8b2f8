/**
 * Where the exams live. EXAMS_DIR lets the end-to-end build add a fixture exam without
 * publishing it on the real site.
 */
export const examsDir = process.env['EXAMS_DIR'] ?? './content/exams';
