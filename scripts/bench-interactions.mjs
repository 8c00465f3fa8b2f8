// Times each tool's pure model at the worst inputs its fields allow, in Node on this machine, and
// fails if any interaction takes over 100 ms: the budget for blocking the main thread. The islands
// add drawing on top, so the models must stay well below it. Run: node scripts/bench-interactions.mjs
import { build as esbuild } from 'esbuild';

const BUDGET_MS = 100;

const entry = `
export { MAX_LAYERS, countDenseFromText } from './src/tools/mlp-counter/dense-params.ts';
export { MAX_LAYER_LINES, MAX_LINE_LENGTH } from './src/tools/cnn-calculator/cnn-notation.ts';
export { computeCnn } from './src/tools/cnn-calculator/cnn-shapes.ts';
export * as normalization from './src/tools/normalization-lab/normalization-lab.ts';
export * as gradientCheck from './src/tools/gradient-check/gradient-check-lab.ts';
export * as descent from './src/tools/gradient-descent/gradient-descent.ts';
export * as activations from './src/tools/activation-explorer/activations.ts';
export * as variance from './src/tools/variance-explorer/variance-depth.ts';
`;
const bundled = await esbuild({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
});
const m = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

/** Median of 7 runs after one warm-up, so a stray pause of the machine does not decide. */
function time(run) {
  run();
  const times = [];
  for (let i = 0; i < 7; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[3];
}

const max = (rules) => Object.fromEntries(Object.entries(rules).map(([field, rule]) => [field, rule.max]));

const longLine = `CONV3-8 with padding ${'1'.repeat(m.MAX_LINE_LENGTH)}`;
const cases = [
  [
    'MLP counter: count at the layer limit',
    () => m.countDenseFromText('1000000', Array(m.MAX_LAYERS).fill('1000').join(', ')),
  ],
  [
    'CNN calculator: compute at the line limit',
    () => m.computeCnn('1000*1000*3', 'CONV3-8\nReLU\n'.repeat(m.MAX_LAYER_LINES)),
  ],
  ['CNN calculator: 5,000 pasted lines, each too long', () => m.computeCnn('128*128*6', `${longLine}\n`.repeat(5000))],
  [
    'Normalization lab: change d or the seed at the maximums',
    () => {
      const { features, seed, batchSize } = max(m.normalization.LAB_RULES);
      const lab = m.normalization.createLab(features, seed);
      m.normalization.batchSizeSweep(lab);
      m.normalization.normalizedSample(lab, batchSize);
    },
  ],
  [
    'Normalization lab: change B at the maximums',
    // The population is drawn once per d and seed, not on a change of B; a B outside the sweep costs most.
    (() => {
      const { features, seed, batchSize } = max(m.normalization.LAB_RULES);
      const lab = m.normalization.createLab(features, seed);
      return () => {
        m.normalization.errorAtBatchSize(lab, batchSize - 1);
        m.normalization.normalizedSample(lab, batchSize - 1);
      };
    })(),
  ],
  [
    'Gradient check: check at the maximums',
    () => m.gradientCheck.runGradientCheckLab(max(m.gradientCheck.LAB_RULES), 'official'),
  ],
  [
    'Gradient descent: run at the step limit',
    () => m.descent.runGradientDescent({ loss: 'abs', x0: 1000, step: 1.5, steps: m.descent.DESCENT_RULES.steps.max }),
  ],
  [
    'Activation explorer: every curve over the widest range',
    () => {
      for (const id of m.activations.ACTIVATION_IDS) {
        m.activations.activationCurves({
          id,
          from: m.activations.CURVE_RULES.from.min,
          to: m.activations.CURVE_RULES.to.max,
          beta: 100,
        });
      }
    },
  ],
  [
    'Variance explorer: one slice (one layer) at the maximums',
    () => {
      const settings = { activation: 'sigmoid', ...max(m.variance.VARIANCE_RULES) };
      const run = new m.variance.VarianceRun(settings);
      run.step();
    },
  ],
];

let failed = false;
console.log(`Worst allowed interactions (median of 7, budget ${BUDGET_MS} ms):`);
for (const [name, run] of cases) {
  if (typeof name !== 'string' || typeof run !== 'function') throw new Error('each case is [name, run]');
  const ms = time(run);
  const over = ms > BUDGET_MS;
  failed ||= over;
  console.log(`${over ? 'OVER' : '  ok'}  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
}
if (failed) {
  console.error(`Some interactions take over ${BUDGET_MS} ms: lower their limits or slice the work.`);
  process.exit(1);
}
