import { describe, expect, it } from 'vitest';
import { closestName, describeUnknownKeys } from './did-you-mean';

describe('did you mean', () => {
  it('suggests the field a typo was meant to be', () => {
    expect(closestName('errrata', ['course', 'errata', 'title'])).toBe('errata');
    expect(closestName('pts', ['id', 'title', 'points'])).toBe('points');
    expect(closestName('point', ['id', 'title', 'points'])).toBe('points');
  });

  it('says nothing when no name is close', () => {
    expect(closestName('colour', ['exam', 'number'])).toBe(undefined);
  });

  it('lists every unknown key with the known ones', () => {
    expect(describeUnknownKeys(['errrata'], ['title', 'errata'], 'exam')).toBe(
      'unknown exam field `errrata` (did you mean `errata`?); known fields: title, errata',
    );
  });
});
