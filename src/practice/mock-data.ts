/** What the mock exam page hands its script: parts and points, never answers. */
import type { SummaryProblem } from './summary-data';

export interface MockPageData {
  exam: string;
  keysUrl: string;
  durationMinutes: number;
  problems: SummaryProblem[];
}

export const MOCK_DATA_ID = 'mock-data';
