import { describe, expect, it } from 'vitest';
import { checkOfficialDenseTotal, officialDenseAnswer } from './dense-official';

describe('checkOfficialDenseTotal', () => {
  it('agrees with the official answer of 2(a): 59', () => {
    const check = checkOfficialDenseTotal(4, [7, 3], 59);
    expect(check.ok && check.count.totalFormula, 'official 59 agrees').toBe('35 + 24 = 59');
  });

  it('explains a wrong official answer with the working', () => {
    const check = checkOfficialDenseTotal(4, [7, 3], 49);
    expect(!check.ok && check.problem, 'forgetting the biases gives 49').toBe(
      'The official answer is 49 parameters but the counter gives 59 for input 4, layers 7, 3 (35 + 24 = 59).',
    );
  });

  it('reports a network that cannot be counted', () => {
    const check = checkOfficialDenseTotal(4, [], 0);
    expect(!check.ok && check.problem).toMatch(/cannot be counted: Layer sizes: enter at least one width/);
  });
});

describe('officialDenseAnswer (the network from the part’s computed key in the frontmatter)', () => {
  const frontmatter = {
    parts: [
      { id: 'a', answer: { computed: 'mlp-parameters', input: 4, layers: [7, 3] } },
      { id: 'b', answer: { number: 12 } },
    ],
  };

  it('returns the count with its working when the official answer agrees', () => {
    expect(officialDenseAnswer({ frontmatter, part: 'a', official: 59 }).totalFormula).toBe('35 + 24 = 59');
  });

  it('stops the build with the tool and the prop named', () => {
    expect(() => officialDenseAnswer({ frontmatter, part: 'a', official: 49 })).toThrow(
      'MlpOfficialAnswer: prop `official` disagrees with the counter. The official answer is 49 parameters but the counter gives 59',
    );
    expect(() => officialDenseAnswer({ frontmatter, part: 'a', official: '59' })).toThrow(
      'MlpOfficialAnswer: prop `official` must be a whole number from 0 to 9,007,199,254,740,991, got "59".',
    );
  });

  it('names the part when it is missing or has no computed key', () => {
    expect(() => officialDenseAnswer({ frontmatter, part: 'c', official: 59 })).toThrow(
      'MlpOfficialAnswer: prop `part` names part "c", which the frontmatter `parts` does not have (it has a, b)',
    );
    expect(() => officialDenseAnswer({ frontmatter, part: 'b', official: 59 })).toThrow(
      'MlpOfficialAnswer: prop `part` names part "b", whose `answer` is not `{ computed: mlp-parameters',
    );
    expect(() => officialDenseAnswer({ part: 'a', official: 59 }), 'frontmatter not passed').toThrow(
      'which the frontmatter `parts` does not have (it has none)',
    );
  });

  it('checks the key’s network like any prop', () => {
    const broken = { parts: [{ id: 'a', answer: { computed: 'mlp-parameters', input: 4, layers: [] } }] };
    expect(() => officialDenseAnswer({ frontmatter: broken, part: 'a', official: 59 })).toThrow(
      'prop `part.answer.layers` must be a non-empty list',
    );
  });
});
