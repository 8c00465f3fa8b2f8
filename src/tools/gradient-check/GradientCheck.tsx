/**
 * Gradient check lab: builds the softplus / log-softmax network with seeded weights and compares
 * ∂L/∂W[1] and ∂L/∂b[1] from a formula with finite differences of the loss (gradient-check-lab.ts).
 * The formulas themselves (an answer) stay inside a closed <details> until the student opens it;
 * the rest of the lab shows only shapes and numbers.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import { RELATIVE_ERROR_FLOOR } from './gradient-check';
import {
  DEFAULT_LAB_SETTINGS,
  FORMULA_TEXT,
  LAB_RULES,
  gradientCheckSetup,
  parseLabSettings,
  runGradientCheckLab,
  type CheckedGradient,
  type GradientCheckProps,
  type LabField,
} from './gradient-check-lab';
import { quantityShapes, type GradientFormula } from './softplus-network';
import { formatExact, formatExponential, formatNumber, formatRounded } from '../../ui/format';
import { NumberField, useFieldTexts } from '../../ui/NumberField';
import { adoptTexts, useTypedBeforeLoad } from '../../ui/useTypedBeforeLoad';
import '../../ui/tools.css';

/** Four significant digits: enough to see a wrong formula's values differ; the relative error says by how much. */
const fixed = (value: number): string => formatNumber(value, 4);
const scientific = (value: number): string => formatExponential(value, 1);
/** Keeps "7.6e-10" on one line (browsers may break after its hyphen). */
const Num = ({ children }: { children: string }): JSX.Element => <span class="tool-nowrap">{children}</span>;

/** Renders D_x and D_a with real subscripts. */
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

function GradientSummary({ gradient }: { gradient: CheckedGradient }): JSX.Element {
  const { name, rows, cols, worst, entries, failing, passed } = gradient;
  return (
    <p>
      <strong class={passed ? 'tool-ok' : 'tool-danger'}>
        {name} ({rows} × {cols}): {passed ? 'passes' : 'fails'}.
      </strong>{' '}
      Largest relative error <Num>{scientific(worst.relativeError)}</Num> at entry <Num>{worst.name}</Num> (analytic{' '}
      <Num>{fixed(worst.analytic)}</Num>, numeric <Num>{fixed(worst.numeric)}</Num>);{' '}
      {passed
        ? `all ${formatExact(entries)} entries are below 10⁻⁶.`
        : `${formatExact(failing)} of ${formatExact(entries)} entries are at or above 10⁻⁶.`}
    </p>
  );
}

function GradientEntries({ gradient }: { gradient: CheckedGradient }): JSX.Element {
  const { name, rows, cols, entries, listed } = gradient;
  if (listed === undefined) {
    return (
      <p class="tool-hint">
        {name} has {rows} × {cols} = {formatExact(entries)} entries, too many to list: its summary above gives the worst
        one.
      </p>
    );
  }
  return (
    <details class="tool-notes">
      <summary>
        Every entry of {name} ({formatExact(entries)})
      </summary>
      <div class="tool-scroll" role="region" aria-label={`Entries of ${name}`} tabIndex={0}>
        <table class="tool-table tool-numbers">
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
            {listed.map((e) => (
              <tr key={e.name} class={e.passed ? undefined : 'tool-row-bad'}>
                <th scope="row" class="tool-nowrap">
                  {e.name}
                </th>
                <td>{fixed(e.analytic)}</td>
                <td>{fixed(e.numeric)}</td>
                <td>{scientific(e.relativeError)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/**
 * What the content may pass as slots: the sentence of what to try (children), each formula typeset
 * by KaTeX at build time (a slot named after the formula in camelCase, e.g. slot="forgetTranspose":
 * Astro's Preact renderer camel-cases slot names on the server but not in the browser), and the
 * notation under them. A formula without its slot is shown as plain text.
 */
interface GradientCheckSlots {
  children?: ComponentChildren;
  notation?: ComponentChildren;
  official?: ComponentChildren;
  forgetTranspose?: ComponentChildren;
  dropElementwise?: ComponentChildren;
  softplusNotDerivative?: ComponentChildren;
}

/** The slot of each formula. */
const SLOT_OF: Record<GradientFormula, Exclude<keyof GradientCheckSlots, 'children' | 'notation'>> = {
  official: 'official',
  'forget-transpose': 'forgetTranspose',
  'drop-elementwise': 'dropElementwise',
  'softplus-not-derivative': 'softplusNotDerivative',
};

export default function GradientCheck(props: GradientCheckProps & GradientCheckSlots): JSX.Element {
  const { formulas, reveals } = gradientCheckSetup(props);
  const { texts, setTexts, onText } = useFieldTexts<LabField>({
    inputSize: String(DEFAULT_LAB_SETTINGS.inputSize),
    hiddenUnits: String(DEFAULT_LAB_SETTINGS.hiddenUnits),
    classes: String(DEFAULT_LAB_SETTINGS.classes),
    beta: String(DEFAULT_LAB_SETTINGS.beta),
    seed: String(DEFAULT_LAB_SETTINGS.seed),
  });
  const [formula, setFormula] = useState<GradientFormula>(formulas[0]!.formula);
  const uid = useId();
  useTypedBeforeLoad(`${uid}-heading`, (controls) => {
    setTexts(adoptTexts(texts, controls));
    const typedFormula = formulas.find((f) => f.formula === controls.value('formula'));
    if (typedFormula !== undefined) setFormula(typedFormula.formula);
  });

  const parsed = useMemo(() => parseLabSettings(texts), [texts]);
  const outcome = useMemo(
    () => (parsed.ok ? runGradientCheckLab(parsed.value, formula) : undefined),
    [parsed, formula],
  );
  const field = (name: LabField) => ({
    control: name,
    rule: LAB_RULES[name],
    text: texts[name],
    onText: onText(name),
    error: parsed.ok ? undefined : parsed.errors.find((e) => e.field === name)?.message,
  });
  const offered = formulas.find((f) => f.formula === formula);

  return (
    <section class="tool" aria-labelledby={`${uid}-heading`} data-pagefind-ignore="all">
      <h3 id={`${uid}-heading`}>Gradient check lab</h3>
      {props.children === undefined ? null : <div class="tool-try">{props.children}</div>}
      <p class="tool-hint">
        This builds the network of this problem with random weights (fixed by the seed) and a random true class,
        computes ∂L/∂W[1] and ∂L/∂b[1] with a formula (analytic), and compares each entry with finite differences of the
        loss (numeric). A correct formula agrees to a relative error below 10⁻⁶.
      </p>
      <div class="tool-fields">
        <NumberField symbol={subscripted('D_x')} {...field('inputSize')} />
        <NumberField symbol={subscripted('D_a')} {...field('hiddenUnits')} />
        <NumberField symbol="K" {...field('classes')} />
        <NumberField symbol="β" {...field('beta')} />
        <NumberField {...field('seed')} />
      </div>

      <details class="tool-spoiler">
        <summary>Formulas to check{reveals === undefined ? null : ` (shows the answer to ${reveals})`}</summary>
        <div class="tool-field">
          <label for={`${uid}-formula`}>Use a wrong formula</label>
          <select
            id={`${uid}-formula`}
            data-control="formula"
            value={formula}
            onChange={(event) => setFormula(event.currentTarget.value as GradientFormula)}
          >
            {formulas.map((f) => (
              <option key={f.formula} value={f.formula}>
                {f.option}
              </option>
            ))}
          </select>
        </div>
        {props[SLOT_OF[formula]] === undefined ? (
          <p class="tool-formula">
            ∂L/∂W[1] = {FORMULA_TEXT[formula].dW1}
            <br />
            ∂L/∂b[1] = {FORMULA_TEXT[formula].db1}
          </p>
        ) : (
          <div class="tool-formula-typeset">{props[SLOT_OF[formula]]}</div>
        )}
        {props.notation === undefined ? (
          <p class="tool-hint">
            with δ0 = ∂L/∂z[2] = softmax(z[2]) − y, δ1 = W[2], δ2 = σ(β z[1]); ∘ is the element-wise product.
          </p>
        ) : (
          <div class="tool-hint">{props.notation}</div>
        )}
      </details>

      <div aria-live="polite">
        {outcome === undefined ? (
          <p>The check is paused: fix the field marked above.</p>
        ) : (
          <>
            <p>
              Checking {offered?.checking}.{' '}
              {outcome.ok
                ? `Loss L = ${fixed(outcome.loss)} for true class ${outcome.trueClass} of ${outcome.sizes.classes}.`
                : null}
            </p>
            {outcome.ok ? (
              outcome.gradients.map((gradient) => <GradientSummary key={gradient.name} gradient={gradient} />)
            ) : (
              <p class="tool-danger">
                Result: {outcome.error}. The check catches this mistake before computing any number.
              </p>
            )}
            {outcome.ok && outcome.wrongButPassed ? (
              <p class="tool-hint">
                This formula is wrong, yet it agrees here: at this point the entries where it differs are (almost) zero,
                for example because σ(β z[1]) is saturated. A check at one point can miss a mistake; try another seed.
              </p>
            ) : null}
          </>
        )}
      </div>
      {outcome?.ok ? (
        <>
          {outcome.gradients.map((gradient) => (
            <GradientEntries key={gradient.name} gradient={gradient} />
          ))}
          <p class="tool-hint">
            Numeric value: central differences D(h) = (L(θ + h) − L(θ − h)) / 2h, combined as (4 D(h) − D(2h)) / 3 to
            cancel their h² error, with h = {formatRounded(outcome.step, 2)}. Relative error = |a − n| / max(|a|, |n|,
            ε) with ε = {RELATIVE_ERROR_FLOOR}, so entries that are (almost) zero are compared on an absolute scale.
          </p>
        </>
      ) : null}

      {outcome ? (
        <div class="tool-scroll" role="region" aria-label="Shapes" tabIndex={0}>
          <table class="tool-table">
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
                  <td class="tool-nowrap">{q.numeric}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
