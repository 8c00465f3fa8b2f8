// The exam's answer keys, fetched only when a student checks an answer: keys never sit in a page's
// HTML, so they stay out of the search index, the no-JavaScript text and print.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getExamCatalog, type ExamPage } from '../../exams/catalog';
import { examKeys } from '../../practice/exam-keys';

export const getStaticPaths = (async () => {
  const catalog = await getExamCatalog();
  return catalog.map((exam) => ({ params: { exam: exam.entry.id }, props: { exam } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ exam: ExamPage }> = ({ props }) =>
  new Response(JSON.stringify(examKeys(props.exam.problems)), { headers: { 'Content-Type': 'application/json' } });
