import { describe, expect, it } from 'vitest';
import {
  isSolutionLink,
  noteAnchor,
  partAnchor,
  partLabel,
  questionLink,
  solutionAnchor,
  solutionLabel,
} from './anchors';

describe('anchors of parts and solutions', () => {
  it('links a part by problem number and part id, and its solution with a suffix', () => {
    expect(partAnchor(3, 'd')).toBe('3d');
    expect(partAnchor(4, 'vi'), 'roman numerals stay as written').toBe('4vi');
    expect(solutionAnchor(partAnchor(3, 'd'))).toBe('3d-solution');
  });

  it('labels letter and roman-numeral parts in parentheses, other ids by their title', () => {
    expect(partLabel({ id: 'c', title: 'Variance' })).toBe('(c)');
    expect(partLabel({ id: 'iv', title: 'Derivative' })).toBe('(iv)');
    expect(partLabel({ id: 'table', title: 'Output volumes' }), 'a named part reads as its title').toBe(
      'Output volumes',
    );
  });

  it('names the part a solution answers, or the problem for a part named by title', () => {
    expect(solutionLabel(3, { id: 'd', title: 'Initialization' })).toBe('3(d)');
    expect(solutionLabel(5, { id: 'table', title: 'Output volumes' })).toBe('Problem 5');
  });

  it('recognises solution links and maps them back to their question', () => {
    expect(isSolutionLink('/guide/p/#3d-solution')).toBe(true);
    expect(isSolutionLink('/guide/p/#3d'), 'a question link').toBe(false);
    expect(isSolutionLink('/guide/three-solution'), 'a page path that merely ends like a solution anchor').toBe(false);
    expect(questionLink('/guide/p/#3d-solution')).toBe('/guide/p/#3d');
    expect(questionLink('/guide/p/#3d'), 'other links are left as they are').toBe('/guide/p/#3d');
  });

  it('anchors the guide notes so search knows which sit inside a solution', () => {
    expect(noteAnchor('3b', 1)).toBe('3b-note');
    expect(noteAnchor(solutionAnchor('3b'), 2)).toBe('3b-solution-note-2');
    expect(isSolutionLink('/guide/p/#3b-solution-note-2'), 'a note inside a solution is a spoiler too').toBe(true);
    expect(isSolutionLink('/guide/p/#3b-note'), 'a note beside the question is not').toBe(false);
    expect(questionLink('/guide/p/#3b-solution-note-2')).toBe('/guide/p/#3b');
  });
});
