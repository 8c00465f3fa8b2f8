/**
 * Checks an exam's official dense-network parameter count against the counter, so a wrong
 * official answer fails the build instead of being published.
 */
import { countDenseParams, type DenseCount } from './dense-params';

export type DenseOfficialCheck = { ok: true; count: DenseCount } | { ok: false; problem: string };

export function checkOfficialDenseTotal(
  inputSize: number,
  widths: readonly number[],
  official: number,
): DenseOfficialCheck {
  const network = `input ${inputSize}, layers ${widths.join(', ')}`;
  const counted = countDenseParams(inputSize, widths);
  if (!counted.ok) return { ok: false, problem: `The network (${network}) cannot be counted: ${counted.error.message}` };
  if (counted.value.total !== official) {
    return {
      ok: false,
      problem: `The official answer is ${official} parameters but the counter gives ${counted.value.total} for ${network} (${counted.value.totalFormula}).`,
    };
  }
  return { ok: true, count: counted.value };
}
