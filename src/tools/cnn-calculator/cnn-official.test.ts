import { describe, expect, it } from 'vitest';
import { checkOfficialCnnTable, officialCnnTable, type OfficialRow } from './cnn-official';

const LAYERS = `CONV5-8
ReLU
CONV3-16
POOL-2
CONV2-64
CONV1-32 with padding 0
POOL-2
POOL-2
FLATTEN
FC-27`;

/** Problem 5's official solution table, as printed in the exam. */
const OFFICIAL: OfficialRow[] = [
  { layer: 'Input', volume: '128*128*6', params: 0 },
  { layer: 'CONV5-8', volume: '126*126*8', params: 1208 },
  { layer: 'ReLU', volume: '126*126*8', params: 0 },
  { layer: 'CONV3-16', volume: '126*126*16', params: 1168 },
  { layer: 'POOL-2', volume: '63*63*16', params: 0 },
  { layer: 'CONV2-64', volume: '64*64*64', params: 4160 },
  { layer: 'CONV1-32 with padding 0', volume: '64*64*32', params: 2080 },
  { layer: 'POOL-2', volume: '32*32*32', params: 0 },
  { layer: 'POOL-2', volume: '16*16*32', params: 0 },
  { layer: 'FLATTEN', volume: '8192', params: 0 },
  { layer: 'FC-27', volume: '27', params: 221211 },
];

function problems(official: OfficialRow[], layers = LAYERS): string[] {
  const check = checkOfficialCnnTable('128*128*6', layers, official);
  return check.ok ? [] : check.problems;
}

describe('checkOfficialCnnTable', () => {
  it('agrees with the official table of Problem 5 and returns the rows to render', () => {
    const check = checkOfficialCnnTable('128*128*6', LAYERS, OFFICIAL);
    expect(check.ok, 'official answers agree with the calculator').toBe(true);
    if (!check.ok) return;
    expect(
      check.rows.map((row) => row.volume),
      'volumes rendered with ×',
    ).toContain('126 × 126 × 8');
    expect(
      check.rows.map((row) => row.paramsFormula),
      'the parameter column shows the working, 0 where there is none',
    ).toEqual([
      '0',
      '8*(5*5*6 + 1) = 1208',
      '0',
      '16*(3*3*8 + 1) = 1168',
      '0',
      '64*(2*2*16 + 1) = 4160',
      '32*(1*1*64 + 1) = 2080',
      '0',
      '0',
      '0',
      '(8192 + 1)*27 = 221211',
    ]);
    expect(check.total, 'sum of all parameters').toBe(229827);
  });

  it('accepts the official volumes written as in LaTeX or with x', () => {
    const official = OFFICIAL.map((row) => ({ ...row, volume: row.volume.replaceAll('*', ' \\times ') }));
    expect(problems(official), 'LaTeX volumes').toEqual([]);
    expect(problems(OFFICIAL.map((row) => ({ ...row, volume: row.volume.replaceAll('*', 'x') }))), 'x volumes').toEqual(
      [],
    );
  });

  it('names the row when an official parameter count is wrong', () => {
    const wrong = OFFICIAL.map((row) => (row.layer === 'FC-27' ? { ...row, params: 221184 } : row));
    expect(problems(wrong), 'a forgotten bias is caught').toEqual([
      'Row 11 (FC-27): the official parameter count is 221184 but the calculator gives 221211 ((8192 + 1)*27 = 221211).',
    ]);
  });

  it('names the row when an official volume is wrong', () => {
    const wrong = OFFICIAL.map((row, index) => (index === 5 ? { ...row, volume: '63*63*64' } : row));
    expect(problems(wrong), 'forgetting CONV2 pads by 1 is caught').toEqual([
      'Row 6 (CONV2-64): the official volume is 63*63*64 but the calculator gives 64*64*64.',
    ]);
  });

  it('does not confuse a vector with a 1*1*N volume', () => {
    const wrong = OFFICIAL.map((row) => (row.layer === 'FC-27' ? { ...row, volume: '1*1*27' } : row));
    expect(problems(wrong)[0], 'FC output is a vector').toMatch(/Row 11 \(FC-27\): the official volume is 1\*1\*27/);
  });

  it('fails when the row counts differ', () => {
    expect(problems(OFFICIAL.slice(0, -1)), 'a missing official row').toEqual([
      'The official table has 10 rows but the calculator has 11 (the Input row and 10 layers).',
    ]);
  });

  it('fails when the rows are out of step with the layers', () => {
    const swapped = [...OFFICIAL];
    [swapped[1], swapped[2]] = [OFFICIAL[2] as OfficialRow, OFFICIAL[1] as OfficialRow];
    expect(problems(swapped)[0], 'layer names are compared too').toMatch(
      /^Row 2 \(ReLU\): the official layer is "ReLU" but the calculator's line is "CONV5-8"\.$/,
    );
  });

  it('fails when a layer line has an error, naming the line', () => {
    expect(problems(OFFICIAL, LAYERS.replace('FLATTEN', 'FLATEN')), 'a typo in the content').toEqual([
      expect.stringMatching(/^Layer line 9 "FLATEN": Unknown layer "FLATEN"/),
    ]);
  });
});

describe('officialCnnTable (the props from the content)', () => {
  it('returns the checked rows to render', () => {
    expect(officialCnnTable({ input: '128*128*6', layers: LAYERS, official: OFFICIAL })).toHaveLength(11);
  });

  it('stops the build with the tool and the prop named', () => {
    const wrong = OFFICIAL.map((row) => (row.layer === 'FC-27' ? { ...row, params: 221184 } : row));
    expect(() => officialCnnTable({ input: '128*128*6', layers: LAYERS, official: wrong })).toThrow(
      'CnnSolutionTable: prop `official` disagrees with the calculator:\n- Row 11 (FC-27): the official parameter count is 221184',
    );
    const typo = OFFICIAL.map((row, index) => (index === 1 ? { ...row, params: '1208' } : row));
    expect(() => officialCnnTable({ input: '128*128*6', layers: LAYERS, official: typo })).toThrow(
      'CnnSolutionTable: prop `official[1].params` must be a whole number from 0 to 9,007,199,254,740,991, got "1208".',
    );
    expect(() =>
      officialCnnTable({
        input: '128*128*6',
        layers: LAYERS,
        official: [{ layer: 'Input', volume: '128*128*6', parameters: 0 }],
      }),
    ).toThrow('prop `official[0]` has unknown key parameters (allowed: layer, volume, params).');
  });
});
