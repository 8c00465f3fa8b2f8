/** What a problem page hands its practice script: no answers, only how each part is answered. */
import type { PublicPart } from './keys';
import type { PageVariant } from './variants';

export interface PracticePageData {
  exam: string;
  /** URL of the exam's practice-keys.json. */
  keysUrl: string;
  parts: PublicPart[];
  /** Part anchor → how "New numbers" draws it; only parts with a `variant`. */
  variants: Record<string, PageVariant>;
}

export const DATA_ID = 'practice-data';

/** The localStorage key of an exam's progress: one per exam. */
export function storageKey(exam: string): string {
  return `study-guide:practice:${exam}`;
}
