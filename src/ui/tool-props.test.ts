import { describe, expect, it } from 'vitest';
import { propChecker } from './tool-props';

const check = propChecker('SomeTool');

describe('propChecker', () => {
  it('returns valid props as they are', () => {
    expect(check.string('title', 'Try it')).toBe('Try it');
    expect(check.number('steps', 40, { label: 'Steps', min: 1, max: 100, integer: true })).toBe(40);
    expect(check.choice('loss', 'abs', ['abs', 'square'] as const)).toBe('abs');
    expect(check.list('presets', [1])).toEqual([1]);
    expect(check.record('preset', { c: 1 }, ['c', 'label'])).toEqual({ c: 1 });
  });

  it('names the tool, the prop and the problem', () => {
    expect(() => check.string('title', '')).toThrow('SomeTool: prop `title` must be a non-empty string, got "".');
    expect(() =>
      check.number('presets[1].step', '0.5', { label: 'Step', min: 0.001, max: 10, integer: false }),
    ).toThrow('SomeTool: prop `presets[1].step` must be a number from 0.001 to 10, got "0.5".');
    expect(() => check.number('steps', Number.NaN, { label: 'Steps', min: 1, max: 100, integer: true })).toThrow(
      'must be a whole number from 1 to 100, got null.',
    );
    expect(() => check.choice('loss', 'cube', ['abs', 'square'])).toThrow(
      'must be one of "abs", "square", got "cube".',
    );
    expect(() => check.list('presets', [])).toThrow('SomeTool: prop `presets` must be a non-empty list, got [].');
    expect(() => check.list('presets', undefined)).toThrow('got nothing.');
    expect(() => check.record('preset', { c: 1, colour: 'red' }, ['c'])).toThrow(
      'has unknown key colour (allowed: c).',
    );
  });
});
