/** Summary statistics of samples. */

export interface MeanAndVariance {
  mean: number;
  /** Population (divide by n) variance, as in batch norm, layer norm and Var(·) of a whole layer. */
  variance: number;
}

/** Two passes (mean first, then squared deviations), which stays accurate when the mean is large. */
export function meanAndVariance(values: ArrayLike<number>): MeanAndVariance {
  const count = values.length;
  let sum = 0;
  for (let i = 0; i < count; i += 1) sum += values[i]!;
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < count; i += 1) {
    const d = values[i]! - mean;
    squares += d * d;
  }
  return { mean, variance: squares / count };
}
