/**
 * The island as the build renders it (preact-render-to-string, as Astro does): its maths comes from
 * the content as named slots, and a slot the content leaves out stops the build.
 */
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import NormalizationLab, { MATH_SLOTS, type NormalizationLabProps } from './NormalizationLab';

/** Every slot, marked with its name where KaTeX's HTML would be. */
const slots: NormalizationLabProps = Object.fromEntries(MATH_SLOTS.map((name) => [name, <var>{name}</var>]));

describe('NormalizationLab on the server', () => {
  it('shows the content’s maths in its sentences, field labels and table header', () => {
    const html = renderToString(<NormalizationLab {...slots} />);
    expect(html).toContain(
      "batch norm estimates each feature's mean <var>batchMean</var> and variance <var>batchVariance</var> from the batch",
    );
    expect(html).toContain('<span class="tool-nowrap"><var>gamma</var> = 1</span>');
    expect(html).toMatch(/Batch size<span class="tool-symbol"> \(<var>batchSize<\/var>\)<\/span><\/label>/);
    expect(html).toContain('<th scope="col"><var>x</var></th>');
    expect(html).toContain('<span class="tool-nowrap"><var>batchSize</var> = 16</span>, batch means land');
  });

  it('stops the build, naming the slot, when the content leaves one out', () => {
    const { batchVariance, ...withoutOne } = slots;
    expect(batchVariance, 'the slot left out existed').toBeDefined();
    expect(() => renderToString(<NormalizationLab {...withoutOne} />)).toThrow(
      'NormalizationLab: prop `batchVariance` is missing: pass it from the content as a slot, e.g. <span slot="batchVariance">$…$</span>.',
    );
  });
});
