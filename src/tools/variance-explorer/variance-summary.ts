/**
 * Sentences describing what a variance-through-depth run shows, computed from its numbers (so the
 * text under the plot always matches the plot).
 */
import { formatExact, formatNumber } from '../../ui/format';
import type { LayerStats, OfficialVarianceAnswer, VarianceResult, VarianceTrend } from './variance-depth';
import { linearFactor } from './variance-prediction';

/** Within this band a per-layer factor reads as "about level". */
const LEVEL_BAND = 0.05;

/** Geometric-mean change per layer from `from` to `to` layers apart, or null if either end is 0 or not finite. */
export function perLayerFactor(start: number, end: number, layers: number): number | null {
  if (!(start > 0) || !(end > 0) || !Number.isFinite(start) || !Number.isFinite(end) || layers <= 0) return null;
  return (end / start) ** (1 / layers);
}

function trend(factor: number): string {
  if (factor > 1 + LEVEL_BAND) return `grows by about ×${formatNumber(factor, 2)} per layer`;
  if (factor < 1 - LEVEL_BAND) return `shrinks by about ×${formatNumber(factor, 2)} per layer`;
  return `stays about level at ×${formatNumber(factor, 3)} per layer`;
}

function varianceAt(layers: ReadonlyArray<LayerStats>, layer: number, key: 'varA' | 'varGrad'): number {
  return layers[layer]?.[key] ?? Number.NaN;
}

/** "<derivation>’s linear derivation" when the course names where it derives it, else "the linear derivation". */
function linearDerivationName(derivation: string | undefined): string {
  return derivation === undefined ? 'the linear derivation' : `${derivation}’s linear derivation`;
}

/**
 * The sentences shown under the plot, most important first. `derivation` names where the course
 * derives the linear prediction (e.g. a figure), if it does.
 */
export function describeVarianceResult(result: VarianceResult, derivation?: string): string[] {
  const { settings, layers } = result;
  const depth = settings.depth;
  const sentences: string[] = [];

  // The second half shows where depth is heading; the first layers are a transient from the input.
  const from = Math.floor(depth / 2);
  const activationFactor = perLayerFactor(
    varianceAt(layers, from, 'varA'),
    varianceAt(layers, depth, 'varA'),
    depth - from,
  );
  const predicted = linearFactor(settings.activation, settings.c);
  const prediction =
    predicted === null ? '' : ` (${linearDerivationName(derivation)} predicts ×${formatNumber(predicted, 3)})`;
  if (activationFactor === null) {
    sentences.push(`Activation variance underflows to 0 by layer ${formatExact(depth)}${prediction}.`);
  } else {
    sentences.push(
      `Over layers ${formatExact(from)}–${formatExact(depth)}, activation variance ${trend(activationFactor)}${prediction}, ending at ${formatNumber(varianceAt(layers, depth, 'varA'))}.`,
    );
  }

  const gradientFactor = perLayerFactor(varianceAt(layers, depth, 'varGrad'), varianceAt(layers, 0, 'varGrad'), depth);
  if (gradientFactor === null) {
    sentences.push(
      'Going backwards, the gradient variance underflows to 0 before it reaches the input: vanishing gradients.',
    );
  } else {
    const overall = varianceAt(layers, 0, 'varGrad') / varianceAt(layers, depth, 'varGrad');
    const label = overall < 1e-2 ? ': vanishing gradients' : overall > 1e2 ? ': exploding gradients' : '';
    sentences.push(
      `Going backwards from layer ${formatExact(depth)} to the input, the gradient variance ${trend(gradientFactor)} (×${formatNumber(overall, 2)} overall)${label}.`,
    );
  }

  // A non-zero mean is what the linear derivation assumes away: Var(z) depends on E[a²] = Var(a) + mean².
  const top = layers[depth];
  const below = layers[depth - 1];
  if (top && below && top.varZ !== null && Math.abs(below.meanA) > 0.1) {
    const withMean = settings.c * (below.varA + below.meanA ** 2);
    const withoutMean = settings.c * below.varA;
    sentences.push(
      `The activations’ mean is ${formatNumber(below.meanA, 2)}, not 0, so Var(z) = c·(Var(a) + mean²) ≈ ${formatNumber(withMean)} (measured ${formatNumber(top.varZ)}), not the zero-mean c·Var(a) ≈ ${formatNumber(withoutMean)}.`,
    );
  }

  if (top?.saturated !== null && top?.saturated !== undefined && top.saturated >= 0.01) {
    const threshold = settings.activation === 'sigmoid' ? '|z| > 4, where σ′ < 0.018' : '|z| > 2, where tanh′ < 0.071';
    sentences.push(
      `${formatNumber(100 * top.saturated, 2)}% of the last layer’s pre-activations are saturated (${threshold}).`,
    );
  }
  return sentences;
}

/** Below this overall change (or above its inverse), the gradient reaching the input counts as vanishing (exploding). */
const GRADIENT_CHANGE = 1e-2;

export interface VarianceVerdict {
  trend: VarianceTrend;
  /** What the numbers show, e.g. "Var(a) settles at 0.0412 (×1 per layer over layers 10–20)". */
  evidence: string;
  /** Set when the explorer shows the official answer's setting: whether the verdict agrees with it. */
  comparison?: string;
}

function compare(
  trend: VarianceTrend,
  official: OfficialVarianceAnswer | undefined,
  result: VarianceResult,
): string | undefined {
  const { settings } = result;
  if (official === undefined || official.activation !== settings.activation || official.c !== settings.c)
    return undefined;
  const quoted = `“${official.answer[0]?.toUpperCase() ?? ''}${official.answer.slice(1)}”`;
  return trend === official.answer
    ? `Agrees with the official answer to ${official.part}, ${quoted}.`
    : `Differs from the official answer to ${official.part}, ${quoted}.`;
}

/**
 * The two verdicts a question like 3(e) mixes up: forward, whether the activations' variance keeps
 * growing, dies out or settles over the second half of the network; backward, whether the gradient
 * reaching the input is much smaller or larger than the one entering at the top. Each is compared
 * with the official answer when the explorer shows the question's own setting.
 */
export function varianceVerdicts(
  result: VarianceResult,
  official?: OfficialVarianceAnswer,
): { forward: VarianceVerdict; backward: VarianceVerdict } {
  const { layers, settings } = result;
  const depth = settings.depth;
  const from = Math.floor(depth / 2);
  const end = varianceAt(layers, depth, 'varA');
  const factor = perLayerFactor(varianceAt(layers, from, 'varA'), end, depth - from);
  let forward: VarianceTrend;
  let forwardEvidence: string;
  if (factor === null) {
    forward = 'vanishing';
    forwardEvidence = `Var(a) underflows to 0 by layer ${formatExact(depth)}`;
  } else {
    forward = factor > 1 + LEVEL_BAND ? 'exploding' : factor < 1 - LEVEL_BAND ? 'vanishing' : 'neither';
    const verb = forward === 'neither' ? 'settles at' : 'reaches';
    forwardEvidence = `Var(a) ${verb} ${formatNumber(end)} at layer ${formatExact(depth)} (×${formatNumber(factor, 3)} per layer over layers ${formatExact(from)}–${formatExact(depth)})`;
  }
  const top = varianceAt(layers, depth, 'varGrad');
  const input = varianceAt(layers, 0, 'varGrad');
  const overall = input / top;
  let backward: VarianceTrend;
  let backwardEvidence: string;
  if (perLayerFactor(top, input, depth) === null) {
    backward = 'vanishing';
    backwardEvidence = 'the gradient variance underflows to 0 before it reaches the input';
  } else {
    backward = overall < GRADIENT_CHANGE ? 'vanishing' : overall > 1 / GRADIENT_CHANGE ? 'exploding' : 'neither';
    backwardEvidence = `the gradient variance changes ×${formatNumber(overall, 2)} from layer ${formatExact(depth)} to the input`;
  }
  const withComparison = (trend: VarianceTrend, evidence: string): VarianceVerdict => {
    const comparison = compare(trend, official, result);
    return comparison === undefined ? { trend, evidence } : { trend, evidence, comparison };
  };
  return { forward: withComparison(forward, forwardEvidence), backward: withComparison(backward, backwardEvidence) };
}
