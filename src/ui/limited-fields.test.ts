import { describe, expect, it } from 'vitest';
import { parseLimitedFields, type LimitedField } from './limited-fields';

type Field = 'rate' | 'count';

const FIELDS: ReadonlyArray<LimitedField<Field>> = [
  { field: 'rate', label: 'Rate', min: 0.5, max: 2, integer: false },
  { field: 'count', label: 'Count', min: 1, max: 10_000, integer: true },
];

describe('parseLimitedFields', () => {
  it('turns every field into a number, ignoring surrounding spaces', () => {
    expect(parseLimitedFields({ rate: ' 1.5 ', count: '10000' }, FIELDS)).toEqual({
      ok: true,
      value: { rate: 1.5, count: 10_000 },
    });
  });

  it('names the field with the message for each kind of mistake', () => {
    for (const rate of ['', '  ', 'x', 'Infinity', '1e400']) {
      expect(parseLimitedFields({ rate, count: '1' }, FIELDS), `"${rate}" is not a number`).toEqual({
        ok: false,
        error: { field: 'rate', message: 'Rate: enter a number.' },
      });
    }
    expect(parseLimitedFields({ rate: '1', count: '2.5' }, FIELDS)).toEqual({
      ok: false,
      error: { field: 'count', message: 'Count: enter a whole number.' },
    });
    expect(
      parseLimitedFields({ rate: '1', count: '10001' }, FIELDS),
      'limits written with thousands separators',
    ).toEqual({
      ok: false,
      error: { field: 'count', message: 'Count: must be between 1 and 10,000.' },
    });
    expect(parseLimitedFields({ rate: '0.25', count: '1' }, FIELDS)).toEqual({
      ok: false,
      error: { field: 'rate', message: 'Rate: must be between 0.5 and 2.' },
    });
  });

  it('reports the first bad field in the order given', () => {
    const raw = { rate: 'x', count: 'y' };
    expect(parseLimitedFields(raw, FIELDS).ok).toBe(false);
    const first = parseLimitedFields(raw, FIELDS);
    const reversed = parseLimitedFields(raw, [...FIELDS].reverse());
    expect(first.ok ? undefined : first.error.field).toBe('rate');
    expect(reversed.ok ? undefined : reversed.error.field).toBe('count');
  });
});
