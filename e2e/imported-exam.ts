/**
 * The LaTeX exam-class fixture that the end-to-end build imports with `npm run import`. Its own
 * module, because the global setup must not load fixtures.ts: that would fix `hasFixtureExam`
 * before the setup sets it.
 */
export const importedExam = { source: 'src/importer/fixtures/latex/test-final.tex', id: 'test202-winter-2025-final' };
