/**
 * Pure plot geometry for the site's line plots: data cleaning, scales, ticks, SVG paths and the
 * data table. Ticks come from d3-array; the scales and paths are a few lines of arithmetic here,
 * because d3-scale would also ship d3-interpolate, d3-color and d3-format (~6 KB gzip) and
 * d3-shape's `line` 3.9 KB gzip (curves, path buffer) that a polyline never uses. Numbers are
 * written by src/ui/format.ts. The Preact component (src/ui/plot/LinePlot.tsx) only renders this
 * model, so everything a reader sees can be unit-tested without a DOM.
 */
import { nice, ticks } from 'd3-array';
import { formatExact, formatLogTick, formatNumber } from '../format';

export type ScaleKind = 'linear' | 'log';
export type Point = readonly [number, number];
/** A point, or null for a deliberate break in the line (e.g. at a jump of a step function). */
export type PointOrBreak = Point | null;

/**
 * An SVG path through the drawable points, in pixels to two decimals, starting a new subpath after
 * each break; a run of one point is closed (`Z`) so its round line cap still shows it. The same
 * string d3-shape's `line().digits(2)` writes, which the plot used before.
 */
export function polylinePath(
  points: ReadonlyArray<PointOrBreak>,
  drawable: (p: PointOrBreak) => p is Point,
  x: (p: Point) => number,
  y: (p: Point) => number,
): string {
  const round = (value: number) => Math.round(value * 100) / 100;
  let path = '';
  let run = 0;
  for (const p of points) {
    if (!drawable(p)) {
      if (run === 1) path += 'Z';
      run = 0;
      continue;
    }
    path += `${run === 0 ? 'M' : 'L'}${round(x(p))},${round(y(p))}`;
    run += 1;
  }
  if (run === 1) path += 'Z';
  return path;
}

export interface PlotModelSeries {
  name: string;
  points: ReadonlyArray<PointOrBreak>;
  color?: string;
  dashed?: boolean;
  markers?: boolean;
}

export interface PlotModelInput {
  width: number;
  height: number;
  xScale: ScaleKind;
  yScale: ScaleKind;
  xDomain?: readonly [number, number] | undefined;
  yDomain?: readonly [number, number] | undefined;
  series: ReadonlyArray<PlotModelSeries>;
}

export interface Tick {
  value: number;
  /** Pixel position along the axis. */
  position: number;
  label: string;
}

export interface DrawnSeries {
  name: string;
  color: string;
  dashed: boolean;
  /** SVG path data; empty when nothing in the series can be drawn. */
  path: string;
  /** Pixel positions of markers (only when markers are requested). */
  markers: ReadonlyArray<Point>;
}

export interface PlotModel {
  width: number;
  height: number;
  area: { left: number; top: number; right: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  series: DrawnSeries[];
  /** Sentences naming points that were not drawn and why; empty when all were drawn. */
  droppedNotes: string[];
  /** True when no series has a single drawable point. */
  empty: boolean;
}

export interface DataTable {
  columns: string[];
  rows: string[][];
}

/**
 * Magnitudes beyond these cannot be scaled without overflow (a span of 1e308 is Infinity), and no
 * plot on the site needs them.
 */
const LARGEST_PLOTTABLE = 1e150;
const SMALLEST_ON_LOG = 1e-150;
const SMALLEST_LINEAR_SPAN = 1e-150;

/** Why a point cannot be placed on the plot, or null when it can. */
export function pointProblem(point: Point, xScale: ScaleKind, yScale: ScaleKind): string | null {
  const [x, y] = point;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return 'not finite';
  if (Math.abs(x) > LARGEST_PLOTTABLE || Math.abs(y) > LARGEST_PLOTTABLE) return 'too large to plot';
  if ((xScale === 'log' && x <= 0) || (yScale === 'log' && y <= 0)) return 'not positive on a log scale';
  if ((xScale === 'log' && x < SMALLEST_ON_LOG) || (yScale === 'log' && y < SMALLEST_ON_LOG))
    return 'too small for a log scale';
  return null;
}

/**
 * The range of values to show: the given domain if any, else the extent of the drawable values,
 * widened when it is a single value (a flat line still needs an axis).
 */
export function axisDomain(
  values: ReadonlyArray<number>,
  kind: ScaleKind,
  fixed?: readonly [number, number],
): [number, number] {
  if (fixed && isUsableDomain(fixed, kind)) return [Math.min(fixed[0], fixed[1]), Math.max(fixed[0], fixed[1])];
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (low > high) return kind === 'log' ? [1, 10] : [0, 1];
  if (kind === 'log') return low === high ? [low / 10, high * 10] : [low, high];
  const relativePad = low === high ? Math.abs(low) * 0.1 : 0;
  // Below this span (a flat line, or subnormal noise) scale arithmetic loses all precision; a unit pad keeps the axis usable.
  if (high - low + 2 * relativePad < SMALLEST_LINEAR_SPAN) return [low - 1, high + 1];
  return [low - relativePad, high + relativePad];
}

function isUsableDomain(domain: readonly [number, number], kind: ScaleKind): boolean {
  const [a, b] = domain;
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) return false;
  return kind === 'linear' || (a > 0 && b > 0);
}

/** Maps a domain value to pixels (linear, or linear in log10 for a log axis). */
export function makeScale(
  kind: ScaleKind,
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const transform = kind === 'log' ? Math.log10 : (value: number) => value;
  const start = transform(domain[0]);
  const span = transform(domain[1]) - start || 1;
  const [r0, r1] = range;
  return (value) => r0 + ((transform(value) - start) / span) * (r1 - r0);
}

/** Widens a domain outwards to round values: nice steps on a linear axis, powers of ten on a log axis. */
export function niceDomain(kind: ScaleKind, domain: readonly [number, number]): [number, number] {
  if (kind === 'log') {
    return [powerOfTen(Math.floor(Math.log10(domain[0]) + 1e-9)), powerOfTen(Math.ceil(Math.log10(domain[1]) - 1e-9))];
  }
  const [start, stop] = nice(domain[0], domain[1], 10);
  return [start, stop];
}

/** m·10^e written out, so 10^−3 is exactly the double nearest 0.001 (10 ** −3 need not be). */
function powerOfTen(exponent: number, mantissa = 1): number {
  return Number(`${mantissa}e${exponent}`);
}

/** Tick values for an axis; on a log axis spanning several decades only powers of ten are kept. */
export function tickValues(kind: ScaleKind, domain: [number, number], count: number): number[] {
  const [low, high] = domain;
  if (kind === 'linear') return ticks(low, high, count);
  const tolerance = 1e-9;
  const inside = (value: number) => value >= low * (1 - tolerance) && value <= high * (1 + tolerance);
  const first = Math.floor(Math.log10(low));
  const last = Math.ceil(Math.log10(high));
  const powers: number[] = [];
  for (let e = first; e <= last; e += 1) if (inside(powerOfTen(e))) powers.push(powerOfTen(e));
  if (powers.length >= 3) return thin(powers, count);
  // Within about a decade, 1-2-5 steps read well and do not crowd.
  const steps: number[] = [];
  for (let e = first; e <= last; e += 1) {
    for (const m of [1, 2, 5]) if (inside(powerOfTen(e, m))) steps.push(powerOfTen(e, m));
  }
  return steps.length >= 2 ? steps : ticks(low, high, count);
}

/** Pixel positions to 0.01 px: invisible difference, much shorter HTML. */
function px(value: number): number {
  return Math.round(value * 100) / 100;
}

function thin(values: number[], count: number): number[] {
  const step = Math.ceil(values.length / Math.max(1, count));
  return values.filter((_, index) => index % step === 0);
}

const CHAR_WIDTH = 7.2; // px per character at the plot's 12 px font, for margin estimates

/** Everything needed to draw the plot, in pixels of a `width` × `height` viewBox. */
export function buildPlotModel(input: PlotModelInput): PlotModel {
  const { width, height, xScale: xKind, yScale: yKind } = input;
  const drawable = input.series.map((s) =>
    s.points.filter((p): p is Point => p !== null && pointProblem(p, xKind, yKind) === null),
  );
  const allX = drawable.flatMap((points) => points.map((p) => p[0]));
  const allY = drawable.flatMap((points) => points.map((p) => p[1]));
  const niceX = input.xDomain === undefined;
  const niceY = input.yDomain === undefined;
  let xDomain = axisDomain(allX, xKind, input.xDomain);
  let yDomain = axisDomain(allY, yKind, input.yDomain);
  // Round automatic domains outwards so the axis ends on a labelled tick.
  if (niceX) xDomain = niceDomain(xKind, xDomain);
  if (niceY) yDomain = niceDomain(yKind, yDomain);

  const yCount = Math.max(3, Math.round(height / 55));
  const yTickValues = tickValues(yKind, yDomain, yCount);
  const yLabels = yTickValues.map((v) => (yKind === 'log' ? formatLogTick(v) : formatNumber(v, 6)));
  const longestY = Math.max(1, ...yLabels.map((l) => l.length));
  const area = {
    left: Math.round(30 + longestY * CHAR_WIDTH),
    top: 10,
    right: width - 16,
    bottom: height - 44,
  };
  const x = makeScale(xKind, xDomain, [area.left, area.right]);
  const y = makeScale(yKind, yDomain, [area.bottom, area.top]);

  const xCount = Math.max(2, Math.floor((area.right - area.left) / 70));
  const xTicks = tickValues(xKind, xDomain, xCount).map((value) => ({
    value,
    position: px(x(value)),
    label: xKind === 'log' ? formatLogTick(value) : formatNumber(value, 6),
  }));
  const yTicks = yTickValues.map((value, index) => ({ value, position: px(y(value)), label: yLabels[index] ?? '' }));

  const droppedNotes: string[] = [];
  const series = input.series.map((s, index): DrawnSeries => {
    const reasons = new Map<string, number>();
    for (const p of s.points) {
      const problem = p === null ? null : pointProblem(p, xKind, yKind);
      if (problem !== null) reasons.set(problem, (reasons.get(problem) ?? 0) + 1);
    }
    for (const [reason, count] of reasons) {
      droppedNotes.push(
        `${formatExact(count)} ${count === 1 ? 'point' : 'points'} of “${s.name}” not drawn: ${reason}.`,
      );
    }
    // Undrawable points break the line rather than being bridged, so gaps are visible.
    const path = polylinePath(
      s.points,
      (p): p is Point => p !== null && pointProblem(p, xKind, yKind) === null,
      (p) => x(p[0]),
      (p) => y(p[1]),
    );
    const markers = s.markers ? (drawable[index] ?? []).map((p): Point => [px(x(p[0])), px(y(p[1]))]) : [];
    return {
      name: s.name,
      color: s.color ?? `var(--series-${(index % 4) + 1})`,
      dashed: s.dashed ?? false,
      path,
      markers,
    };
  });

  return {
    width,
    height,
    area,
    xTicks,
    yTicks,
    series,
    droppedNotes,
    empty: drawable.every((points) => points.length === 0),
  };
}

/**
 * The plotted data as a table: one row per distinct x, one column per series. Values a series
 * does not have at that x show as a dash; non-finite values are named, never printed as NaN.
 */
export function buildDataTable(xLabel: string, series: ReadonlyArray<PlotModelSeries>, significant = 4): DataTable {
  const xs = [...new Set(series.flatMap((s) => s.points.flatMap((p) => (p === null ? [] : [p[0]]))))].sort((a, b) =>
    compareForTable(a, b),
  );
  const lookups = series.map((s) => {
    const byX = new Map<number, number>();
    for (const p of s.points) if (p !== null && !byX.has(p[0])) byX.set(p[0], p[1]);
    return byX;
  });
  const rows = xs.map((xValue) => [
    formatNumber(xValue, significant),
    ...lookups.map((byX) => {
      const yValue = byX.get(xValue);
      return yValue === undefined ? '—' : formatNumber(yValue, significant);
    }),
  ]);
  return { columns: [xLabel, ...series.map((s) => s.name)], rows };
}

function compareForTable(a: number, b: number): number {
  // NaN sorts last instead of making the comparison inconsistent.
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a - b;
}
