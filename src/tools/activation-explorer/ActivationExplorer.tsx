/**
 * Activation functions and their derivatives. The content lists the functions a page offers (with
 * their labels and how the text cites the course) and which one opens first. Pages place it with
 * ActivationExplorer.astro, which typesets the formulas of its sentences at build time.
 */
import { Fragment, type ComponentChildren, type JSX } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import {
  CURVE_RULES,
  activationCurves,
  activationExplorerSetup,
  defaultRange,
  explorerFormulas,
  formulaSlot,
  parseCurveRequest,
  readSentence,
  type ActivationExplorerProps,
  type ActivationId,
  type CurveField,
  type CurveRequest,
  type Sentence,
} from './activations';
import { FieldError, NumberField } from '../../ui/NumberField';
import { LinePlot } from '../../ui/plot/LinePlot';
import { propChecker } from '../../ui/tool-props';
import { useLastValid } from '../../ui/useLastValid';
import { adoptTexts, useTypedBeforeLoad } from '../../ui/useTypedBeforeLoad';
import '../../ui/tools.css';

/** The formulas typeset at build time, as static HTML slots (see `explorerFormulas`). */
export type TypesetFormulaSlots = Partial<Record<`formula${number}`, ComponentChildren>>;

const check = propChecker('ActivationExplorer');

export default function ActivationExplorer(props: ActivationExplorerProps & TypesetFormulaSlots): JSX.Element {
  const { functions, initial } = activationExplorerSetup(props);
  const typeset = new Map(
    explorerFormulas(functions).map((formula, index) => {
      const slot = formulaSlot(index);
      if (props[slot] === undefined)
        check.fail(
          slot,
          `is missing: place the explorer with ActivationExplorer.astro, which typesets "${formula.tex}".`,
        );
      return [formula.tex, props[slot]];
    }),
  );
  // Keyed by its reading, so a changed sentence is drawn afresh: the slots' static HTML never updates in place.
  const show = (sentence: Sentence): JSX.Element => (
    <p key={readSentence(sentence)}>
      {sentence.map((part, index) =>
        typeof part === 'string' ? part : <Fragment key={index}>{typeset.get(part.tex)}</Fragment>,
      )}
    </p>
  );
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [fn, setFn] = useState<ActivationId>(initial);
  const textsFor = (shown: ActivationId, beta: string): Record<CurveField, string> => {
    const [from, to] = defaultRange(shown);
    return { from: String(from), to: String(to), beta };
  };
  const [texts, setTexts] = useState(() => textsFor(initial, '1'));

  const parsed = useMemo(() => parseCurveRequest(fn, texts), [fn, texts]);
  const [initialFrom, initialTo] = defaultRange(initial);
  const curvesFor = (request: CurveRequest) =>
    activationCurves(request, functions.find((f) => f.id === request.id)?.refs);
  // While a field is invalid, the plot keeps showing the last valid curves.
  const curves = useLastValid(parsed, curvesFor, {
    id: initial,
    from: initialFrom,
    to: initialTo,
    beta: 1,
  });

  const choose = (next: ActivationId) => {
    setFn(next);
    setTexts((previous) => textsFor(next, previous.beta));
  };
  useTypedBeforeLoad(id('heading'), (controls) => {
    const typedFn = controls.value('function');
    const chosen = functions.find((f) => f.id === typedFn)?.id;
    // A new function resets the range to its own, then the range the reader typed (if any) wins.
    const base = chosen === undefined || chosen === initial ? texts : textsFor(chosen, texts.beta);
    if (chosen !== undefined) setFn(chosen);
    const typedRange = adoptTexts(texts, controls);
    setTexts({
      from: typedRange.from !== texts.from ? typedRange.from : base.from,
      to: typedRange.to !== texts.to ? typedRange.to : base.to,
      beta: typedRange.beta,
    });
  });

  // The explorer shows one message at a time: the first bad field's.
  const problem = parsed.ok ? undefined : parsed.errors[0];
  const field = (name: CurveField): JSX.Element => (
    <NumberField
      id={id(name)}
      control={name}
      rule={CURVE_RULES[name]}
      text={texts[name]}
      onText={(text) => setTexts((previous) => ({ ...previous, [name]: text }))}
      error={problem?.field === name ? problem.message : undefined}
      errorId={id('error')}
    />
  );

  return (
    <section class="tool" aria-labelledby={id('heading')} data-pagefind-ignore="all">
      <h3 id={id('heading')}>Activation functions and their derivatives: try it</h3>
      <p class="tool-no-js">Choosing another function or range needs JavaScript; the plot below shows this one.</p>
      <div class="tool-controls js-only">
        <div class="tool-field">
          <label for={id('function')}>Function</label>
          <select
            id={id('function')}
            data-control="function"
            value={fn}
            onChange={(e) => choose(e.currentTarget.value as ActivationId)}
          >
            {functions.map((f) => (
              <option key={f.id} value={f.id}>
                {f.option}
              </option>
            ))}
          </select>
        </div>
        {field('from')}
        {field('to')}
        {fn === 'softplus' && field('beta')}
      </div>
      <FieldError id={id('error')} message={problem?.message} />
      <LinePlot
        title={curves.title}
        description={`${curves.description} ${readSentence(curves.sentences[0] ?? [])}`}
        xLabel="x"
        yLabel={curves.yLabel}
        series={curves.series}
      />
      <div class="tool-summary" aria-live="polite">
        {curves.sentences.map(show)}
      </div>
    </section>
  );
}
