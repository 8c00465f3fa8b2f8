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

/** What the content passes to the official answer. */
export interface MlpOfficialAnswerProps {
  /** Number of input features. */
  input: number;
  /** Layer widths, output layer last. */
  layers: number[];
  /** The exam's official parameter count. */
  official: number;
}

const check = propChecker('MlpOfficialAnswer');
const SIZE = sizeRule('size');

/** Validates the props and checks the official count; the count with its working if it agrees. */
export function officialDenseAnswer(props: { [K in keyof MlpOfficialAnswerProps]?: unknown }): DenseCount {
  const input = check.number('input', props.input, SIZE);
  const layers = check
    .list('layers', props.layers)
    .map((width, index) => check.number(`layers[${index}]`, width, SIZE));
  const official = check.number('official', props.official, {
    label: 'official',
    min: 0,
    max: LARGEST_EXACT_COUNT,
    integer: true,
  });
  const result = checkOfficialDenseTotal(input, layers, official);
  return result.ok ? result.count : check.fail('official', `disagrees with the counter. ${result.problem}`);
}
