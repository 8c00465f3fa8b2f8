/** What the exam and home pages hand their progress script: parts and points, never answers. */
import type { PublicPart } from './keys';

export interface SummaryProblem {
  number: number;
  title: string;
  /** Full URL of the problem page. */
  url: string;
  parts: PublicPart[];
}

export interface SummaryExam {
  id: string;
  name: string;
  url: string;
  totalPoints: number;
  problems: SummaryProblem[];
}

export const SUMMARY_DATA_ID = 'practice-summary-data';
