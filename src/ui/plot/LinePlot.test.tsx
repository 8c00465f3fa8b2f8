/**
 * Snapshot tests of the plot's server-rendered SVG, as observablehq/plot does: render LinePlot to
 * a string exactly as Astro does on the server (preact-render-to-string) for a few fixed inputs
 * and compare the <svg> with a committed .svg file in __snapshots__/. A change to the drawing
 * (axes, ticks, paths, markers, gaps, ids, accessibility markup) shows up as a diff of that file;
 * after checking the new drawing, update the files with `npx vitest run -u`.
 *
 * The geometry itself is unit-tested in plot-data.test.ts; these tests pin what the reader gets.
 */
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { LinePlot, type LinePlotProps } from './LinePlot';

/**
 * The plot's <svg> from the rendered figure, one element per line so a diff points at what
 * changed. The namespace is added so the file also opens as an image; its colours and strokes
 * come from the site's stylesheet, which the file does not include.
 */
function plotSvg(props: LinePlotProps): string {
  const html = renderToString(<LinePlot {...props} />);
  // The plot's own <svg role="img"> comes first; the legend swatches are later, separate <svg>s.
  const match = /<svg[^>]*role="img"[\s\S]*?<\/svg>/.exec(html);
  if (!match) throw new Error(`no <svg role="img"> in the rendered plot:\n${html}`);
  const svg = match[0].replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  // A line per element; an element without children (<line></line>) stays on one line.
  const lines = svg.replace(/></g, '>\n<').replace(/(<(\w+)[^>]*>)\n(<\/\2>)/g, '$1$3');
  return `${lines}\n`;
}

const linear: LinePlotProps = {
  title: 'Linear axes',
  description: 'y = x² at x = 0 to 4, and the line y = 2x with markers, dashed.',
  xLabel: 'x',
  yLabel: 'y',
  series: [
    {
      name: 'x²',
      points: [
        [0, 0],
        [1, 1],
        [2, 4],
        [3, 9],
        [4, 16],
      ],
    },
    {
      name: '2x',
      points: [
        [0, 0],
        [2, 4],
        [4, 8],
      ],
      dashed: true,
      markers: true,
      color: 'var(--series-3)',
    },
  ],
  height: 240,
};

const logAxes: LinePlotProps = {
  title: 'Log axes',
  description: 'A variance falling ×1/10 per layer over six decades, against the batch size on a log axis.',
  xLabel: 'Batch size B (log scale)',
  yLabel: 'Variance (log scale)',
  xScale: 'log',
  yScale: 'log',
  xDomain: [1, 256],
  series: [
    { name: 'Variance', points: [1, 2, 4, 8, 16, 32, 64].map((b, i) => [b, 10 ** -i] as const), markers: true },
    // Zero cannot be placed on a log axis: not drawn, the line breaks there instead of bridging it.
    {
      name: 'With a zero',
      points: [
        [1, 0.5],
        [4, 0.05],
        [16, 0],
        [64, 0.0005],
        [256, 0.00005],
      ],
      dashed: true,
    },
  ],
};

const gaps: LinePlotProps = {
  title: 'A series with gaps',
  description: 'ceiling(x), a step function with a break at each jump, and a line with a missing value.',
  xLabel: 'x',
  yLabel: 'y',
  series: [
    {
      name: 'ceiling(x)',
      points: [[-2, -1], [-1, -1], null, [-1, 0], [0, 0], null, [0, 1], [1, 1], null, [1, 2], [2, 2]],
    },
    {
      name: 'x / 2 with a hole',
      points: [
        [-2, -1],
        [-1, -0.5],
        [0, Number.NaN],
        [1, 0.5],
        [2, 1],
      ],
      markers: true,
    },
  ],
};

describe('LinePlot server-rendered SVG', () => {
  it('draws linear axes with ticks, a line, and a dashed line with markers', async () => {
    await expect(plotSvg(linear)).toMatchFileSnapshot('./__snapshots__/line-plot-linear.svg');
  });

  it('draws log axes with powers of ten and breaks the line at a value a log axis cannot show', async () => {
    await expect(plotSvg(logAxes)).toMatchFileSnapshot('./__snapshots__/line-plot-log.svg');
  });

  it('breaks lines at null points and at a missing value instead of bridging them', async () => {
    await expect(plotSvg(gaps)).toMatchFileSnapshot('./__snapshots__/line-plot-gaps.svg');
  });

  it('is an image named by its title and described by its description', () => {
    const svg = plotSvg(linear);
    const [, titleId = '', descId = ''] = /aria-labelledby="([^"]+) ([^"]+)"/.exec(svg) ?? [];
    expect(titleId, 'the SVG points at its title and description').not.toBe('');
    expect(svg).toContain(`<title id="${titleId}">Linear axes</title>`);
    expect(svg).toContain(`<desc id="${descId}">${linear.description}</desc>`);
  });

  it('sends no data table from the server: the table is built when a reader opens "Show data"', () => {
    const html = renderToString(<LinePlot {...linear} />);
    expect(html, 'the fold that offers the data is there').toContain('<summary>Show data</summary>');
    expect(html, 'but none of its rows').not.toContain('<table');
  });
});
