import { describe, expect, it } from 'vitest';
import { fillTemplate, knownPlaceholders, scanTemplate, unknownPlaceholders } from './variant-template';

function pieces(template: string) {
  const scanned = scanTemplate(template);
  if (!scanned.ok) throw new Error(`expected "${template}" to scan: ${scanned.message}`);
  return scanned.pieces;
}

describe('variant question templates', () => {
  it('fills every placeholder, keeping the text around it', () => {
    expect(
      fillTemplate(pieces('A {depth}-layer network with a {input}-dimensional input.'), { depth: '2', input: '4' }),
      'placeholders are replaced by their values',
    ).toBe('A 2-layer network with a 4-dimensional input.');
  });

  it('reads doubled braces as literal braces', () => {
    expect(fillTemplate(pieces('{{x}} = {x}'), { x: '3' }), '{{ and }} are braces, not placeholders').toBe('{x} = 3');
  });

  it('names the character where a placeholder is malformed', () => {
    expect(scanTemplate('A {depth-layer network'), 'an unclosed placeholder').toEqual({
      ok: false,
      message: 'the placeholder at character 3 is not `{name}` (letters and digits, then `}`); write `{{` for a brace',
    });
    expect(scanTemplate('empty {} here'), 'an empty placeholder').toMatchObject({
      ok: false,
      message: expect.stringContaining('character 7') as string,
    });
    expect(scanTemplate('a } alone'), 'a closing brace without an opening one').toEqual({
      ok: false,
      message: 'a `}` at character 3 closes no placeholder; write `}}` for a brace',
    });
  });

  it('lists unknown placeholders once each, in order of use', () => {
    const known = knownPlaceholders('mlp-parameters', 2);
    expect(known, 'mlp-parameters fills the widths every variant has').toEqual([
      'input',
      'depth',
      'widths',
      'output',
      'width1',
      'width2',
    ]);
    expect(unknownPlaceholders(pieces('{width3} {input} {layers} {width3}'), known)).toEqual(['width3', 'layers']);
  });

  it('throws when a value is missing, since the schema checked the names', () => {
    expect(() => fillTemplate(pieces('{size}'), {})).toThrow('the template placeholder {size} has no value');
  });

  it('scans long adversarial templates in linear time', () => {
    const hostile = `${'{'.repeat(1)}${'a'.repeat(200_000)}`;
    const started = performance.now();
    expect(scanTemplate(hostile).ok, 'an unclosed brace after a long name fails').toBe(false);
    const braces = '{{'.repeat(100_000);
    expect(fillTemplate(pieces(braces), {}).length, 'every {{ becomes one brace').toBe(100_000);
    expect(performance.now() - started, 'both scans take well under a second').toBeLessThan(1000);
  });
});
