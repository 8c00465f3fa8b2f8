/**
 * Small dense float64 matrices (row-major), enough for the hand-sized networks of the labs.
 * Shape errors are returned as values, not thrown, because a shape mismatch is a result the
 * gradient-check lab shows to students ("this formula cannot even be evaluated").
 */

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Entry (i, j) is data[i * cols + j]. */
  readonly data: Float64Array;
}

export type MatrixResult = { ok: true; value: Matrix } | { ok: false; error: string };

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** Builds a matrix from nested rows, e.g. fromRows([[1, 2], [3, 4]]). */
export function fromRows(values: ReadonlyArray<ReadonlyArray<number>>): Matrix {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  if (values.some((row) => row.length !== cols)) {
    throw new RangeError('fromRows: every row must have the same length');
  }
  return { rows, cols, data: Float64Array.from(values.flat()) };
}

export function columnVector(values: ArrayLike<number>): Matrix {
  return { rows: values.length, cols: 1, data: Float64Array.from(values) };
}

export function entry(m: Matrix, row: number, col: number): number {
  return m.data[row * m.cols + col] ?? Number.NaN;
}

/** "3×4", the way shapes are written in the exam. */
export function shapeText(m: Matrix): string {
  return `${m.rows}×${m.cols}`;
}

export function transpose(m: Matrix): Matrix {
  const out = zeros(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) out.data[j * m.rows + i] = m.data[i * m.cols + j]!;
  }
  return out;
}

export function multiply(a: Matrix, b: Matrix): MatrixResult {
  if (a.cols !== b.rows) {
    return {
      ok: false,
      error: `cannot multiply ${shapeText(a)} by ${shapeText(b)}: inner sizes ${a.cols} and ${b.rows} differ`,
    };
  }
  const out = zeros(a.rows, b.cols);
  const { data: left, cols: inner } = a;
  const { data: right, cols } = b;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < cols; j++) {
      let sum = 0;
      for (let k = 0; k < inner; k++) sum += left[i * inner + k]! * right[k * cols + j]!;
      out.data[i * cols + j] = sum;
    }
  }
  return { ok: true, value: out };
}

/** Element-wise (Hadamard) product, the ∘ of the exam's formulas. */
export function hadamard(a: Matrix, b: Matrix): MatrixResult {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    return { ok: false, error: `cannot multiply ${shapeText(a)} and ${shapeText(b)} element-wise: shapes differ` };
  }
  const out = zeros(a.rows, a.cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = a.data[i]! * b.data[i]!;
  return { ok: true, value: out };
}

export function add(a: Matrix, b: Matrix): MatrixResult {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    return { ok: false, error: `cannot add ${shapeText(a)} and ${shapeText(b)}: shapes differ` };
  }
  const out = zeros(a.rows, a.cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = a.data[i]! + b.data[i]!;
  return { ok: true, value: out };
}

export function mapEntries(m: Matrix, f: (x: number) => number): Matrix {
  const out = zeros(m.rows, m.cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = f(m.data[i]!);
  return out;
}

/** A rows×cols matrix of independent draws scale · N(0, 1). */
export function randomMatrix(rows: number, cols: number, normal: () => number, scale: number): Matrix {
  const out = zeros(rows, cols);
  for (let i = 0; i < out.data.length; i++) out.data[i] = scale * normal();
  return out;
}
