import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VARIANCE_SETTINGS,
  parseVarianceSettings,
  runDefaultVarianceSimulation,
  runVarianceSimulation,
  VarianceRun,
  varianceExplorerSetup,
  type VarianceSettings,
} from './variance-depth';
import { infiniteWidthRecursion } from './variance-prediction';

// Monte Carlo at these widths takes seconds on a slow CI machine; this is a ceiling, not a timing assertion.
const SLOW = { timeout: 120_000 };

/** Runs only the forward pass (the first `depth` steps). */
function forward(settings: VarianceSettings) {
  const run = new VarianceRun(settings);
  for (let layer = 0; layer < settings.depth; layer += 1) run.step();
  return run.result().layers;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('tanh with Xavier Var(W) = 1/n (Figure 1)', () => {
  const tanh = (c: number) => forward({ activation: 'tanh', c, width: 512, depth: 10, batch: 8, seed: 7 });

  it('keeps activation variance in a slowly decaying band over 10 layers at width 512', SLOW, () => {
    // Measured: Var(a) is 0.39 at layer 1 (tanh squashes the unit-variance input) and ~0.052 at layer
    // 10, matching the infinite-width recursion Var(a^[l]) = E[tanh²(z)], z ~ N(0, Var(a^[l−1])),
    // which decays like 1/(2l) because tanh(z)² ≈ z² − (2/3)z⁴ contracts slightly at every layer.
    const layers = tanh(1);
    const last = layers[10]?.varA ?? NaN;
    expect(last, 'Var(a) at layer 10 stays within [0.04, 0.07]').toBeGreaterThan(0.04);
    expect(last).toBeLessThan(0.07);
    for (let l = 1; l < 10; l += 1) {
      expect(
        layers[l + 1]?.varA ?? NaN,
        `decays slowly from layer ${l} to ${l + 1}: by less than half`,
      ).toBeGreaterThan(0.5 * (layers[l]?.varA ?? NaN));
    }
  });

  it('leaves that band when the weights are 4/n (saturates) or 1/(4n) (vanishes)', SLOW, () => {
    const big = tanh(4)[10]?.varA ?? NaN;
    const small = tanh(0.25)[10]?.varA ?? NaN;
    expect(big, '4/n: tanh saturates and Var(a) settles near 0.53').toBeGreaterThan(0.4);
    expect(small, '1/(4n): Var(a) shrinks about ×1/4 per layer, ~6e-7 at layer 10').toBeLessThan(1e-5);
  });

  it('agrees with the infinite-width recursion layer by layer within 10%', SLOW, () => {
    const simulated = tanh(1);
    const theory = infiniteWidthRecursion('tanh', 1, 10);
    for (let l = 1; l <= 10; l += 1) {
      const ratio = (simulated[l]?.varA ?? NaN) / (theory[l]?.varA ?? NaN);
      expect(Math.abs(ratio - 1), `layer ${l}: simulation / theory = ${ratio}`).toBeLessThan(0.1);
    }
  });
});

describe('sigmoid: 16/n (3(d)) versus 1/n (3(e))', () => {
  const cache = new Map<number, ReturnType<typeof runVarianceSimulation>['layers']>();
  const sigmoid = (c: number) => {
    const layers =
      cache.get(c) ??
      runVarianceSimulation({ activation: 'sigmoid', c, width: 256, depth: 20, batch: 16, seed: 3 }).layers;
    cache.set(c, layers);
    return layers;
  };

  it('1/n: Var(z) settles near 0.265 instead of vanishing, because the mean 1/2 keeps E[a²] ≥ 1/4', SLOW, () => {
    // Var(z^[l]) = n · (1/n) · E[(a^[l−1])²] and E[a²] = Var(a) + mean² ≥ 1/4. Linearising,
    // Var(z) = 1/4 + Var(z)/16 gives the fixed point 4/15 ≈ 0.267; the exact recursion gives 0.265.
    // Figure 1's zero-mean derivation instead predicts Var(a) ×1/16 per layer: 1e-24 by layer 20.
    const layers = sigmoid(1);
    const settledZ = mean(layers.slice(5).map((l) => l.varZ ?? NaN));
    const settledA = mean(layers.slice(5).map((l) => l.varA));
    expect(settledZ, 'mean Var(z) over layers 5–20 near 0.265').toBeGreaterThan(0.24);
    expect(settledZ).toBeLessThan(0.29);
    expect(settledA, 'Var(a) neither vanishes nor explodes: ~0.0147').toBeGreaterThan(0.012);
    expect(settledA).toBeLessThan(0.018);
    expect(layers[20]?.meanA ?? NaN, 'mean of σ(z) stays ≈ 1/2').toBeCloseTo(0.5, 1);
  });

  it('1/n: the backward gradient does vanish, ×~0.056 per layer (the partial-credit answer of 3(e))', SLOW, () => {
    // Var(∂L/∂a^[l−1]) = n·Var(W)·E[σ'(z)²]·Var(∂L/∂a^[l]) and σ' ≤ 1/4, so the factor is ≤ 1/16.
    const layers = sigmoid(1);
    const factor = ((layers[0]?.varGrad ?? NaN) / (layers[20]?.varGrad ?? NaN)) ** (1 / 20);
    expect(factor, 'per-layer gradient factor').toBeGreaterThan(0.045);
    expect(factor).toBeLessThanOrEqual(1 / 16);
  });

  it('16/n: pre-activations saturate and Var(a) settles near 0.12, not the claimed constant 1', SLOW, () => {
    // With 16/n, Var(z) = 16 · E[a²] ≥ 16 · 1/4 = 4: the mean pushes z far from 0, about 10% of
    // pre-activations have |z| > 4, and Var(a) settles near 0.116 instead of staying at Var(x) = 1.
    const layers = sigmoid(16);
    const settledZ = mean(layers.slice(5).map((l) => l.varZ ?? NaN));
    const settledA = mean(layers.slice(5).map((l) => l.varA));
    const saturated = mean(layers.slice(5).map((l) => l.saturated ?? NaN));
    expect(settledZ, 'Var(z) ≥ 4 and settles near 5.9').toBeGreaterThan(4);
    expect(settledZ).toBeLessThan(8);
    expect(settledA, 'Var(a) near 0.116').toBeGreaterThan(0.1);
    expect(settledA).toBeLessThan(0.14);
    expect(saturated, 'a noticeable share saturated').toBeGreaterThan(0.05);
    // Still far better for gradients than 1/n: ×~0.4 per layer instead of ×~0.056.
    const factor = ((layers[0]?.varGrad ?? NaN) / (layers[20]?.varGrad ?? NaN)) ** (1 / 20);
    expect(factor, '16/n gradient factor').toBeGreaterThan(0.3);
    expect(factor).toBeLessThan(0.5);
  });
});

describe('reproducibility', () => {
  it('gives identical results for the same seed and different ones for another seed', SLOW, () => {
    const settings = { ...DEFAULT_VARIANCE_SETTINGS, depth: 5 };
    const first = runVarianceSimulation(settings);
    const second = runVarianceSimulation(settings);
    expect(second, 'same seed, same numbers').toEqual(first);
    const other = runVarianceSimulation({ ...settings, seed: 2 });
    expect(other.layers[5]?.varA, 'another seed differs').not.toBe(first.layers[5]?.varA);
  });

  it('regenerates exactly the same weights when a run is too large to keep them', SLOW, () => {
    const settings: VarianceSettings = { activation: 'tanh', c: 1, width: 64, depth: 6, batch: 4, seed: 5 };
    const kept = new VarianceRun(settings);
    const regenerated = new VarianceRun(settings, 0);
    while (kept.step());
    while (regenerated.step());
    expect(regenerated.result(), 'forward and backward identical').toEqual(kept.result());
  });

  it('steps through 2·depth layers and reports progress', () => {
    const run = new VarianceRun({ ...DEFAULT_VARIANCE_SETTINGS, depth: 3, width: 8, batch: 2 });
    let steps = 0;
    while (run.step()) steps += 1;
    expect(steps, 'forward and backward per layer').toBe(6);
    expect(run.progress).toBe(1);
    expect(
      run.result().layers.every((l) => l.varGrad !== null),
      'every layer has a gradient variance',
    ).toBe(true);
  });

  it('runs the default update used by the benchmark', SLOW, () => {
    const result = runDefaultVarianceSimulation();
    expect(result.layers).toHaveLength(DEFAULT_VARIANCE_SETTINGS.depth + 1);
    expect(result.layers.every((l) => Number.isFinite(l.varA) && Number.isFinite(l.varGrad ?? NaN))).toBe(true);
  });
});

describe('parseVarianceSettings', () => {
  const raw = { activation: 'tanh' as const, c: '1', width: '128', depth: '20', batch: '16', seed: '1' };
  it('accepts the defaults', () => {
    expect(parseVarianceSettings(raw)).toEqual({ ok: true, value: DEFAULT_VARIANCE_SETTINGS });
  });
  it('names the field of the first problem', () => {
    expect(parseVarianceSettings({ ...raw, width: '12.5' })).toEqual({
      ok: false,
      errors: [{ field: 'width', message: 'Width n: enter a whole number from 2 to 256.' }],
    });
    expect(parseVarianceSettings({ ...raw, batch: '65' }), 'one layer of 256 × 256 by 64 stays within 100 ms').toEqual({
      ok: false,
      errors: [{ field: 'batch', message: 'Batch size: enter a whole number from 1 to 64.' }],
    });
    expect(parseVarianceSettings({ ...raw, depth: '101' })).toEqual({
      ok: false,
      errors: [{ field: 'depth', message: 'Depth L: enter a whole number from 1 to 100.' }],
    });
    expect(parseVarianceSettings({ ...raw, c: '', seed: '-1' })).toEqual({
      ok: false,
      errors: [
        { field: 'c', message: 'Custom c: enter a number from 0.01 to 64.' },
        { field: 'seed', message: 'Seed: enter a whole number from 0 to 4,294,967,295.' },
      ],
    });
    expect(parseVarianceSettings({ ...raw, seed: 'abc' }).ok, 'letters are not a seed').toBe(false);
  });
});

describe('varianceExplorerSetup (the props from the content)', () => {
  const presets = [
    { label: 'Xavier: 1/n', c: 1 },
    { label: 'He: 2/n', c: 2 },
  ];

  it('opens on the first preset', () => {
    const setup = varianceExplorerSetup({ presets: [...presets].reverse(), derivation: 'Figure 1' });
    expect(setup.initial).toEqual({ ...DEFAULT_VARIANCE_SETTINGS, c: 2 });
    expect(setup.derivation).toBe('Figure 1');
    expect(varianceExplorerSetup({}), 'both props are optional').toEqual({
      presets: [],
      derivation: undefined,
      initial: DEFAULT_VARIANCE_SETTINGS,
    });
  });

  it('stops the build with the tool and the prop named for an author mistake', () => {
    expect(() => varianceExplorerSetup({ presets: [{ label: 'Huge', c: 100 }] })).toThrow(
      'VarianceExplorer: prop `presets[0].c` must be a number from 0.01 to 64, got 100.',
    );
    expect(() => varianceExplorerSetup({ presets: [{ label: 'Xavier', c: '1' }] })).toThrow('got "1".');
    expect(() => varianceExplorerSetup({ presets: [{ name: 'Xavier', c: 1 }] })).toThrow(
      'prop `presets[0]` has unknown key name (allowed: label, c).',
    );
    expect(() => varianceExplorerSetup({ presets, derivation: '' })).toThrow(
      'prop `derivation` must be a non-empty string',
    );
  });
});
