/**
 * Checks an exam's official dense-network parameter count against the counter, so a wrong
 * official answer fails the build instead of being published.
 */
import { LARGEST_EXACT_COUNT, sizeRule } from '../../ui/number-field';
import { propChecker } from '../../ui/tool-props';
import { countDenseParams, type DenseCount } from './dense-params';

export type DenseOfficialCheck = { ok: true; count: DenseCount } | { ok: false; problem: string };

export function checkOfficialDenseTotal(
  inputSize: number,
  widths: readonly number[],
  official: number,
): DenseOfficialCheck {
  const network = `input ${inputSize}, layers ${widths.join(', ')}`;
  const counted = countDenseParams(inputSize, widths);
  if (!counted.ok)
    return { ok: false, problem: `The network (${network}) cannot be counted: ${counted.errors[0].message}` };
  if (counted.value.total !== official) {
    return {
      ok: false,
      problem: `The official answer is ${official} parameters but the counter gives ${counted.value.total} for ${network} (${counted.value.totalFormula}).`,
    };
  }
  return { ok: true, count: counted.value };
}

/**
 * What the content passes to the official answer: its own `frontmatter` (Astro MDX exposes it to
 * the body) and the part whose computed key names the network, so the network is written once, in
 * the key that also grades the part (`answer: { computed: mlp-parameters, input: 4, layers: [7, 3] }`).
 */
export interface MlpOfficialAnswerProps {
  /** The MDX file's `frontmatter`. */
  frontmatter: unknown;
  /** The id of the part whose `answer` is the computed key, e.g. "a". */
  part: string;
  /** The exam's official parameter count. */
  official: number;
}

const check = propChecker('MlpOfficialAnswer');
const SIZE = sizeRule('size');

/** The network of `part`'s computed key in `frontmatter`; fails naming the part when there is none. */
function keyedNetwork(frontmatter: unknown, part: string): { input: unknown; layers: unknown } {
  const parts = (frontmatter as { parts?: unknown } | null)?.parts;
  const entries = Array.isArray(parts) ? (parts as Array<{ id?: unknown; answer?: Record<string, unknown> }>) : [];
  const entry = entries.find((candidate) => candidate.id === part);
  if (!entry) {
    return check.fail(
      'part',
      `names part "${part}", which the frontmatter \`parts\` does not have (it has ${entries.map((candidate) => String(candidate.id)).join(', ') || 'none'}); pass \`frontmatter={frontmatter}\` and the part's id.`,
    );
  }
  const answer = entry.answer;
  if (answer?.['computed'] !== 'mlp-parameters') {
    return check.fail(
      'part',
      `names part "${part}", whose \`answer\` is not \`{ computed: mlp-parameters, input: …, layers: [...] }\`, so there is no network to count.`,
    );
  }
  return { input: answer['input'], layers: answer['layers'] };
}

/** Validates the props and checks the official count; the count with its working if it agrees. */
export function officialDenseAnswer(props: { [K in keyof MlpOfficialAnswerProps]?: unknown }): DenseCount {
  const network = keyedNetwork(props.frontmatter, check.string('part', props.part));
  const input = check.number('part.answer.input', network.input, SIZE);
  const layers = check
    .list('part.answer.layers', network.layers)
    .map((width, index) => check.number(`part.answer.layers[${index}]`, width, SIZE));
  const official = check.number('official', props.official, {
    label: 'official',
    min: 0,
    max: LARGEST_EXACT_COUNT,
    integer: true,
  });
  const result = checkOfficialDenseTotal(input, layers, official);
  return result.ok ? result.count : check.fail('official', `disagrees with the counter. ${result.problem}`);
}
