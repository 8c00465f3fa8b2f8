/**
 * Checks of the props an MDX page passes to a tool. Islands and build-time components run these
 * while the site is built, so an author's mistake stops the build with a message naming the tool,
 * the prop and the problem, instead of a tool that shows NaN or silently falls back.
 */
import { checkNumber, describeRule, type NumberRule } from './number-field';

const shown = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

export interface PropChecker {
  /** Throws the error for `prop`, e.g. fail('presets[1].step', 'must be positive'). */
  fail(prop: string, problem: string): never;
  string(prop: string, value: unknown): string;
  number(prop: string, value: unknown, rule: NumberRule): number;
  /** One of `choices`. */
  choice<T extends string>(prop: string, value: unknown, choices: readonly T[]): T;
  /** A non-empty list. */
  list(prop: string, value: unknown): unknown[];
  /** A plain object with no keys but `allowed`. */
  record(prop: string, value: unknown, allowed: readonly string[]): Record<string, unknown>;
}

export function propChecker(tool: string): PropChecker {
  const fail = (prop: string, problem: string): never => {
    throw new Error(`${tool}: prop \`${prop}\` ${problem}`);
  };
  return {
    fail,
    string(prop, value) {
      if (typeof value !== 'string' || value.trim() === '')
        fail(prop, `must be a non-empty string, got ${shown(value)}.`);
      return value as string;
    },
    number(prop, value, rule) {
      const checked = typeof value === 'number' ? checkNumber(value, rule) : undefined;
      if (!checked?.ok) return fail(prop, `must be ${describeRule(rule)}, got ${shown(value)}.`);
      return checked.value;
    },
    choice(prop, value, choices) {
      if (!choices.includes(value as never))
        fail(prop, `must be one of ${choices.map((c) => `"${c}"`).join(', ')}, got ${shown(value)}.`);
      return value as (typeof choices)[number];
    },
    list(prop, value) {
      if (!Array.isArray(value) || value.length === 0) fail(prop, `must be a non-empty list, got ${shown(value)}.`);
      return value as unknown[];
    },
    record(prop, value, allowed) {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(prop, `must be an object, got ${shown(value)}.`);
      const unknown = Object.keys(value as object).filter((key) => !allowed.includes(key));
      if (unknown.length > 0) {
        fail(
          prop,
          `has unknown key${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')} (allowed: ${allowed.join(', ')}).`,
        );
      }
      return value as Record<string, unknown>;
    },
  };
}
