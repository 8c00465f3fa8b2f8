import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { line } from 'd3-shape';
import { formatLogTick } from '../format';
import {
  axisDomain,
  buildDataTable,
  buildPlotModel,
  makeScale,
  niceDomain,
  pointProblem,
  polylinePath,
  tickValues,
  type Point,
  type PointOrBreak,
} from './plot-data';

const base = { width: 640, height: 300, xScale: 'linear', yScale: 'linear' } as const;

describe('pointProblem', () => {
  it('names non-finite points and non-positive points on log axes', () => {
    expect(pointProblem([1, NaN], 'linear', 'linear')).toBe('not finite');
    expect(pointProblem([1, 0], 'linear', 'log')).toBe('not positive on a log scale');
    expect(pointProblem([-1, 0], 'linear', 'linear'), 'zero is fine on a linear axis').toBeNull();
  });
});

describe('axisDomain', () => {
  it('widens a single value so a flat line still gets an axis', () => {
    expect(axisDomain([2, 2], 'linear')).toEqual([1.8, 2.2]);
    expect(axisDomain([0], 'linear')).toEqual([-1, 1]);
    expect(axisDomain([5], 'log')).toEqual([0.5, 50]);
  });
  it('falls back to a default when there is no data', () => {
    expect(axisDomain([], 'linear')).toEqual([0, 1]);
    expect(axisDomain([], 'log')).toEqual([1, 10]);
  });
  it('uses a fixed domain unless it is unusable for the scale', () => {
    expect(axisDomain([1, 2], 'linear', [5, -5]), 'reversed fixed domain is ordered').toEqual([-5, 5]);
    expect(axisDomain([1, 2], 'log', [0, 10]), 'zero cannot start a log axis').toEqual([1, 2]);
  });
});

describe('tickValues', () => {
  it('keeps only powers of ten on a log axis spanning many decades', () => {
    const ticks = tickValues('log', [1e-12, 1], 5);
    expect(ticks.length, 'a handful of labels, not 100').toBeLessThanOrEqual(7);
    for (const t of ticks) expect(Math.log10(t) % 1, `${t} is a power of ten`).toBeCloseTo(0, 9);
  });
  it('gives nice linear ticks', () => {
    expect(tickValues('linear', [0, 1], 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('buildPlotModel', () => {
  it('drops and reports non-finite points and breaks the line there', () => {
    const model = buildPlotModel({
      ...base,
      series: [
        {
          name: 'Loss',
          points: [
            [0, 1],
            [1, NaN],
            [2, 3],
            [3, Infinity],
          ],
        },
      ],
    });
    expect(model.droppedNotes, 'one note per reason').toEqual(['2 points of “Loss” not drawn: not finite.']);
    const path = model.series[0]?.path ?? '';
    expect(path, 'no NaN in path data').not.toMatch(/NaN|Infinity/);
    expect(path.match(/M/g)?.length, 'the gap starts a new subpath').toBe(2);
  });
  it('drops non-positive points on a log axis', () => {
    const model = buildPlotModel({
      ...base,
      yScale: 'log',
      series: [
        {
          name: 'Var',
          points: [
            [0, 0],
            [1, 1e-3],
            [2, 1],
          ],
        },
      ],
    });
    expect(model.droppedNotes).toEqual(['1 point of “Var” not drawn: not positive on a log scale.']);
    expect(
      model.yTicks.map((t) => t.label),
      'log axis labels',
    ).toEqual(['0.001', '0.01', '0.1', '1']);
  });
  it('maps the data extent inside the plot area with larger y drawn higher', () => {
    const model = buildPlotModel({
      ...base,
      series: [
        {
          name: 's',
          points: [
            [0, 0],
            [10, 5],
          ],
          markers: true,
        },
      ],
    });
    const [first, last] = model.series[0]?.markers ?? [];
    expect(first?.[0], 'x starts at the left edge').toBe(model.area.left);
    expect(last?.[0], 'x ends at the right edge').toBe(model.area.right);
    expect(last?.[1] ?? Infinity, 'y=5 above y=0').toBeLessThan(first?.[1] ?? -Infinity);
  });
  it('colours series from the theme variables by index and honours dashes', () => {
    const model = buildPlotModel({
      ...base,
      series: [
        { name: 'a', points: [[0, 1]] },
        { name: 'b', points: [[0, 2]], dashed: true },
        { name: 'c', points: [[0, 3]], color: 'red' },
      ],
    });
    expect(model.series.map((s) => s.color)).toEqual(['var(--series-1)', 'var(--series-2)', 'red']);
    expect(model.series[1]?.dashed).toBe(true);
  });
  it('reports an empty plot rather than drawing nothing silently', () => {
    const model = buildPlotModel({ ...base, series: [{ name: 'x', points: [[NaN, NaN]] }] });
    expect(model.empty).toBe(true);
  });
  it('property: positions are finite for arbitrary data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double(), fc.double()), { maxLength: 30 }),
        fc.constantFrom('linear' as const, 'log' as const),
        (points, yScale) => {
          const model = buildPlotModel({ ...base, yScale, series: [{ name: 'p', points, markers: true }] });
          const numbers = [
            ...model.xTicks.map((t) => t.position),
            ...model.yTicks.map((t) => t.position),
            ...(model.series[0]?.markers.flat() ?? []),
          ];
          return numbers.every(Number.isFinite) && !/NaN/.test(model.series[0]?.path ?? '');
        },
      ),
      { seed: 230, numRuns: 500 },
    );
  });
});

describe('buildDataTable', () => {
  it('joins series on x and marks missing and non-finite values in words', () => {
    const table = buildDataTable('Layer', [
      {
        name: 'A',
        points: [
          [1, 0.5],
          [2, NaN],
        ],
      },
      { name: 'B', points: [[2, 1234.5]] },
    ]);
    expect(table.columns).toEqual(['Layer', 'A', 'B']);
    expect(table.rows).toEqual([
      ['1', '0.5', '—'],
      ['2', 'not a number', '1,235'],
    ]);
  });
});

describe('log ticks within a decade', () => {
  it('use 1-2-5 steps so a narrow log axis still has several labels', () => {
    expect(tickValues('log', [0.1, 1], 5)).toEqual([0.1, 0.2, 0.5, 1]);
  });
});

describe('deliberate breaks', () => {
  it('split the line without being reported or tabulated', () => {
    const series = [{ name: 'ceiling', points: [[0.5, 1], [1, 1], null, [1.5, 2], [2, 2]] as const }];
    const model = buildPlotModel({ ...base, series });
    expect(model.droppedNotes, 'a break is not a dropped point').toEqual([]);
    expect(model.series[0]?.path.match(/M/g)?.length, 'two separate steps').toBe(2);
    expect(buildDataTable('x', series).rows.length, 'breaks have no row').toBe(4);
  });
});

describe('niceDomain and makeScale', () => {
  it('round automatic domains outwards', () => {
    expect(niceDomain('linear', [0.13, 0.87])).toEqual([0.1, 0.9]);
    expect(niceDomain('log', [0.003, 0.7]), 'whole decades').toEqual([0.001, 1]);
  });
  it('map linearly, or linearly in log10 on a log axis', () => {
    expect(makeScale('linear', [0, 10], [100, 200])(2.5)).toBe(125);
    expect(makeScale('log', [1, 100], [0, 200])(10), 'one decade of two is half way').toBeCloseTo(100, 12);
  });
  it('label a 26-decade log axis with a few powers of ten', () => {
    const values = tickValues('log', [1e-26, 1], 5);
    expect(values.length).toBeLessThanOrEqual(6);
    expect(values.map(formatLogTick)).toContain('10⁻²⁶');
  });
});

describe('polylinePath', () => {
  const finite = (p: PointOrBreak): p is Point => p !== null && Number.isFinite(p[0]) && Number.isFinite(p[1]);
  const scale = (value: number) => value * 37.123 - 5;

  it('writes the path d3-shape’s line().digits(2) writes, breaks and single points included', () => {
    const coordinate = fc.oneof(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.constant(Number.NaN));
    const point = fc.oneof(fc.tuple(coordinate, coordinate), fc.constant(null));
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), (points) => {
        const d3 =
          line<PointOrBreak>()
            .digits(2)
            .defined(finite)
            .x((p) => (p === null ? 0 : scale(p[0])))
            .y((p) => (p === null ? 0 : scale(p[1])))(points) ?? '';
        expect(
          polylinePath(
            points,
            finite,
            (p) => scale(p[0]),
            (p) => scale(p[1]),
          ),
        ).toBe(d3);
      }),
      { seed: 20211028, numRuns: 2000 },
    );
  });

  it('closes a lone point so its round cap still draws it, and starts a new subpath after a break', () => {
    expect(
      polylinePath(
        [[1, 2], null, [3, 4], [5, 6]],
        finite,
        (p) => p[0],
        (p) => p[1],
      ),
    ).toBe('M1,2ZM3,4L5,6');
  });
});
