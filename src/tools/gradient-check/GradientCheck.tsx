/**
 * Gradient check for Problem 4: builds the softplus / log-softmax network with seeded weights and
 * compares ∂L/∂W[1] and ∂L/∂b[1] from a formula with finite differences of the loss.
 * The formulas themselves (the answer to 4(vi)) stay inside a closed <details> until the student
 * opens it; the rest of the lab shows only shapes and numbers.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import {
  checkNetworkGradients,
  PASS_THRESHOLD,
  RELATIVE_ERROR_FLOOR,
  type GradientComparison,
} from './gradient-check';
import type { NumberRule } from '../../ui/numeric-field';
import { createProblem, GRADIENT_FORMULAS, quantityShapes, type GradientFormula } from './softplus-network';
import { LabField, useLabFields } from '../../ui/LabField';
import '../../ui/labs.css';

type Field = 'inputSize' | 'hiddenUnits' | 'classes' | 'beta' | 'seed';

const RULES: Record<Field, NumberRule> = {
  inputSize: { min: 1, max: 64, integer: true },
  hiddenUnits: { min: 1, max: 64, integer: true },
  // One class makes softmax ≡ 1 and every gradient 0, so any formula would "pass".
  classes: { min: 2, max: 64, integer: true },
  // Below 0.1, Softplus ≈ log(2)/β is a large constant offset and the loss reaches the hundreds.
  beta: { min: 0.1, max: 100, integer: false },
  seed: { min: 0, max: 999_999, integer: true },
};

const FORMULAS: Record<GradientFormula, { option: string; checking: string; dW1: string; db1: string }> = {
  official: {
    option: 'No: the official solution’s formula',
    checking: 'the official solution’s formula',
    dW1: '(δ1ᵀ δ0 ∘ δ2) xᵀ',
    db1: 'δ1ᵀ δ0 ∘ δ2',
  },
  'forget-transpose': {
    option: 'Forget the transpose',
    checking: 'a wrong formula (forget the transpose)',
    dW1: '(δ1 δ0 ∘ δ2) xᵀ',
    db1: 'δ1 δ0 ∘ δ2',
  },
  'drop-elementwise': {
    option: 'Drop the element-wise product',
    checking: 'a wrong formula (drop the element-wise product)',
    dW1: '(δ1ᵀ δ0) xᵀ',
    db1: 'δ1ᵀ δ0',
  },
  'softplus-not-derivative': {
    option: 'Use softplus instead of its derivative',
    checking: 'a wrong formula (softplus instead of its derivative)',
    dW1: '(δ1ᵀ δ0 ∘ Softplus(z[1])) xᵀ',
    db1: 'δ1ᵀ δ0 ∘ Softplus(z[1])',
  },
};

/** Matrices up to this many rows and columns are listed entry by entry; larger ones are summarized. */
const MAX_LISTED_SIDE = 6;

/** Six significant digits, so matching analytic and numeric values look identical; a real minus sign. */
const fixed = (value: number): string => (value === 0 ? '0' : value.toPrecision(6).replace(/^-/, '−'));
const scientific = (value: number): string => (value === 0 ? '0' : value.toExponential(1));
/** Keeps "7.6e-10" on one line (browsers may break after its hyphen). */
const Num = ({ children }: { children: string }): JSX.Element => <span class="lab-nowrap">{children}</span>;
const count = (value: number): string => value.toLocaleString('en-US');

/** Renders the exam's D_x and D_a with real subscripts. */
function subscripted(text: string): ComponentChildren {
  return text.split(/D_([xa])/).map((part, index) =>
    index % 2 === 1 ? (
      <span key={index}>
        D<sub>{part}</sub>
      </span>
    ) : (
      part
    ),
  );
}

const entryName = (row: number, col: number, cols: number): string =>
  cols === 1 ? `(${row + 1})` : `(${row + 1}, ${col + 1})`;

/** One checked gradient: its name, its shape and how the formula compared with finite differences. */
interface CheckedGradient {
  name: string;
  rows: number;
  cols: number;
  comparison: GradientComparison;
}

function GradientSummary(props: CheckedGradient): JSX.Element {
  const { name, rows, cols, comparison } = props;
  const { worst } = comparison;
  const total = rows * cols;
  return (
    <p class={comparison.passed ? 'lab-pass' : 'lab-fail'}>
      <strong>
        {name} ({rows} × {cols}): {comparison.passed ? 'passes' : 'fails'}.
      </strong>{' '}
      Largest relative error <Num>{scientific(worst.relativeError)}</Num> at entry{' '}
      <Num>{entryName(worst.row, worst.col, cols)}</Num> (analytic <Num>{fixed(worst.analytic)}</Num>, numeric{' '}
      <Num>{fixed(worst.numeric)}</Num>);{' '}
      {comparison.passed
        ? `all ${count(total)} entries are below 10⁻⁶.`
        : `${count(comparison.failing)} of ${count(total)} entries are at or above 10⁻⁶.`}
    </p>
  );
}

function GradientEntries(props: CheckedGradient): JSX.Element {
  const { name, rows, cols, comparison } = props;
  if (rows > MAX_LISTED_SIDE || cols > MAX_LISTED_SIDE) {
    return (
      <p class="lab-note">
        {name} has {rows} × {cols} = {count(rows * cols)} entries, too many to list: its summary above gives the worst
        one.
      </p>
    );
  }
  return (
    <div class="lab-scroll" role="region" aria-label={`Entries of ${name}`} tabIndex={0}>
      <table class="lab-table lab-numbers">
        <caption>Entries of {name}</caption>
        <thead>
          <tr>
            <th scope="col">Entry</th>
            <th scope="col">Analytic</th>
            <th scope="col">Numeric</th>
            <th scope="col">Relative error</th>
          </tr>
        </thead>
        <tbody>
          {comparison.entries.map((e) => (
            <tr key={`${e.row}-${e.col}`} class={e.relativeError < PASS_THRESHOLD ? undefined : 'lab-bad'}>
              <th scope="row" class="lab-nowrap">
                {entryName(e.row, e.col, cols)}
              </th>
              <td>{fixed(e.analytic)}</td>
              <td>{fixed(e.numeric)}</td>
              <td>{scientific(e.relativeError)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function GradientCheck(): JSX.Element {
  const { values, fieldProps } = useLabFields<Field>(
    { inputSize: '3', hiddenUnits: '4', classes: '3', beta: '1', seed: '1' },
    RULES,
  );
  const [formula, setFormula] = useState<GradientFormula>('official');
  const uid = useId();

  const outcome = useMemo(() => {
    if (!values) return undefined;
    const sizes = { inputSize: values.inputSize, hiddenUnits: values.hiddenUnits, classes: values.classes };
    const { network, example } = createProblem(sizes, values.beta, values.seed);
    return { sizes, label: example.label, check: checkNetworkGradients(network, example, formula) };
  }, [values, formula]);

  const check = outcome?.check;
  const gradients: CheckedGradient[] =
    outcome && check?.ok
      ? [
          {
            name: '∂L/∂W[1]',
            rows: outcome.sizes.hiddenUnits,
            cols: outcome.sizes.inputSize,
            comparison: check.value.dW1,
          },
          { name: '∂L/∂b[1]', rows: outcome.sizes.hiddenUnits, cols: 1, comparison: check.value.db1 },
        ]
      : [];
  const wrongButPassed =
    formula !== 'official' && check?.ok === true && check.value.dW1.passed && check.value.db1.passed;

  return (
    <section class="lab" aria-labelledby={`${uid}-heading`} data-pagefind-ignore="all">
      <h3 id={`${uid}-heading`}>Gradient check lab</h3>
      <p>
        This builds the network of this problem with random weights (fixed by the seed) and a random true class,
        computes ∂L/∂W[1] and ∂L/∂b[1] with a formula (analytic), and compares each entry with finite differences of the
        loss (numeric). A correct formula agrees to a relative error below 10⁻⁶.
      </p>
      <div class="lab-fields">
        <LabField label="Input size" symbol={subscripted('D_x')} {...fieldProps('inputSize')} />
        <LabField label="Hidden units" symbol={subscripted('D_a')} {...fieldProps('hiddenUnits')} />
        <LabField label="Classes" symbol="K" {...fieldProps('classes')} />
        <LabField label="Beta" symbol="β" {...fieldProps('beta')} />
        <LabField label="Seed" {...fieldProps('seed')} />
      </div>

      <details class="lab-formulas">
        <summary>Formulas to check (shows the answer to 4(vi))</summary>
        <div class="lab-field">
          <label for={`${uid}-formula`}>Use a wrong formula</label>
          <select
            id={`${uid}-formula`}
            value={formula}
            onChange={(event) => setFormula(event.currentTarget.value as GradientFormula)}
          >
            {GRADIENT_FORMULAS.map((f) => (
              <option key={f} value={f}>
                {FORMULAS[f].option}
              </option>
            ))}
          </select>
        </div>
        <p class="lab-formula">
          ∂L/∂W[1] = {FORMULAS[formula].dW1}
          <br />
          ∂L/∂b[1] = {FORMULAS[formula].db1}
        </p>
        <p class="lab-note">
          with δ0 = ∂L/∂z[2] = softmax(z[2]) − y, δ1 = W[2], δ2 = σ(β z[1]); ∘ is the element-wise product.
        </p>
      </details>

      <div aria-live="polite" class="lab-results">
        {!outcome || !check ? (
          <p>The check is paused: fix the field marked above.</p>
        ) : (
          <>
            <p>
              Checking {FORMULAS[formula].checking}.{' '}
              {check.ok
                ? `Loss L = ${fixed(check.value.loss)} for true class ${outcome.label + 1} of ${outcome.sizes.classes}.`
                : null}
            </p>
            {check.ok ? (
              gradients.map((gradient) => <GradientSummary key={gradient.name} {...gradient} />)
            ) : (
              <p class="lab-fail lab-result">
                Result: {check.error}. The check catches this mistake before computing any number.
              </p>
            )}
            {wrongButPassed ? (
              <p class="lab-note">
                This formula is wrong, yet it agrees here: at this point the entries where it differs are (almost) zero,
                for example because σ(β z[1]) is saturated. A check at one point can miss a mistake; try another seed.
              </p>
            ) : null}
          </>
        )}
      </div>
      {check?.ok && outcome ? (
        <>
          {gradients.map((gradient) => (
            <GradientEntries key={gradient.name} {...gradient} />
          ))}
          <p class="lab-note">
            Numeric value: central differences D(h) = (L(θ + h) − L(θ − h)) / 2h, combined as (4 D(h) − D(2h)) / 3 to
            cancel their h² error, with h = {Number(check.value.step.toPrecision(2))}. Relative error = |a − n| /
            max(|a|, |n|, ε) with ε = {RELATIVE_ERROR_FLOOR}, so entries that are (almost) zero are compared on an
            absolute scale.
          </p>
        </>
      ) : null}

      {outcome ? (
        <div class="lab-scroll" role="region" aria-label="Shapes" tabIndex={0}>
          <table class="lab-table">
            <caption>
              Shapes at {subscripted('D_x')} = {outcome.sizes.inputSize}, {subscripted('D_a')} ={' '}
              {outcome.sizes.hiddenUnits}, K = {outcome.sizes.classes}
            </caption>
            <thead>
              <tr>
                <th scope="col">Quantity</th>
                <th scope="col">Shape</th>
                <th scope="col">Here</th>
              </tr>
            </thead>
            <tbody>
              {quantityShapes(outcome.sizes).map((q) => (
                <tr key={q.name}>
                  <th scope="row">{q.name}</th>
                  <td>{subscripted(q.symbolic)}</td>
                  <td class="lab-nowrap">{q.numeric}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
