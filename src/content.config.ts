import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { examsDir } from './exams/exams-dir';
import { examSchema, problemSchema } from './exams/schema';

/**
 * Every exam is a folder under content/exams/: `index.mdx` holds the exam's metadata and
 * instructions, every other `.mdx` file is one problem.
 */

const exams = defineCollection({
  loader: glob({
    base: examsDir,
    pattern: '*/index.mdx',
    generateId: ({ entry }) => entry.replace(/\/index\.mdx$/, ''),
  }),
  schema: examSchema,
});

const problems = defineCollection({
  loader: glob({
    base: examsDir,
    pattern: ['*/*.mdx', '!*/index.mdx'],
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: problemSchema,
});

export const collections = { exams, problems };
