/**
 * A line plot rendered as plain SVG by Preact: server-rendered first (readable without JavaScript
 * and in print), with the data behind a "Show data" table. Geometry comes from src/ui/plot/plot-data.ts.
 *
 * The table is built only when a reader opens "Show data": hundreds of rows per plot, inside folds
 * most readers never open, were a tenth of the page's HTML and of the build's time. Without
 * JavaScript the fold is not shown (the plot and its description remain).
 */
import type { JSX } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { buildDataTable, buildPlotModel, type Point } from './plot-data';
import './plot.css';

export interface PlotSeries {
  name: string;
  /** null marks a deliberate break in the line (not reported as dropped, not in the table). */
  points: ReadonlyArray<readonly [number, number] | null>;
  color?: string;
  dashed?: boolean;
  markers?: boolean;
}

export interface LinePlotProps {
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  series: PlotSeries[];
  xScale?: 'linear' | 'log';
  yScale?: 'linear' | 'log';
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  height?: number;
}

/** Width of the server-rendered viewBox; after hydration the plot uses its real width so text stays 12 px. */
const DEFAULT_WIDTH = 640;
const MIN_WIDTH = 280;
const MAX_WIDTH = 960;

export function LinePlot(props: LinePlotProps): JSX.Element {
  const { title, description, xLabel, yLabel, series, height = 300 } = props;
  const xKind = props.xScale ?? 'linear';
  const yKind = props.yScale ?? 'linear';
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const clipId = `${id}-clip`;
  const boxRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  const [fitted, setFitted] = useState(false);
  const dataRef = useRef<HTMLDetailsElement>(null);
  const [dataShown, setDataShown] = useState(false);

  // A reader may open "Show data" before the island hydrates; fill it in then.
  useEffect(() => {
    if (dataRef.current?.open) setDataShown(true);
  }, []);

  useEffect(() => {
    const box = boxRef.current;
    if (!box || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const measured = entries[0]?.contentRect.width ?? 0;
      if (measured <= 0) return;
      setWidth(Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, measured))));
      setFitted(true);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const model = useMemo(
    () =>
      buildPlotModel({
        width,
        height,
        xScale: xKind,
        yScale: yKind,
        xDomain: props.xDomain,
        yDomain: props.yDomain,
        series,
      }),
    [width, height, xKind, yKind, props.xDomain, props.yDomain, series],
  );
  const table = useMemo(() => (dataShown ? buildDataTable(xLabel, series) : undefined), [dataShown, xLabel, series]);
  const { area } = model;

  return (
    // Until the plot is fitted to its box (no JavaScript, or before hydration), CSS keeps the 640-wide
    // drawing legible on narrow screens by letting it scroll inside its box instead of shrinking.
    <figure class="plot" data-fitted={fitted ? '' : undefined}>
      <figcaption class="plot-title">{title}</figcaption>
      <div class="plot-box" ref={boxRef}>
        <svg
          viewBox={`0 0 ${model.width} ${model.height}`}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          class="plot-svg"
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          <defs>
            <clipPath id={clipId}>
              {/* A few pixels of slack so lines along an edge are not cut in half. */}
              <rect
                x={area.left - 3}
                y={area.top - 3}
                width={area.right - area.left + 6}
                height={area.bottom - area.top + 6}
              />
            </clipPath>
          </defs>
          <g class="plot-grid" aria-hidden="true">
            {model.yTicks.map((t) => (
              <line key={`gy${t.value}`} x1={area.left} x2={area.right} y1={t.position} y2={t.position} />
            ))}
            {model.xTicks.map((t) => (
              <line key={`gx${t.value}`} x1={t.position} x2={t.position} y1={area.top} y2={area.bottom} />
            ))}
          </g>
          <g class="plot-axis" aria-hidden="true">
            <line x1={area.left} x2={area.right} y1={area.bottom} y2={area.bottom} />
            <line x1={area.left} x2={area.left} y1={area.top} y2={area.bottom} />
            {model.xTicks.map((t) => (
              <text key={`tx${t.value}`} x={t.position} y={area.bottom + 16} text-anchor="middle">
                {t.label}
              </text>
            ))}
            {model.yTicks.map((t) => (
              <text key={`ty${t.value}`} x={area.left - 6} y={t.position} dy="0.32em" text-anchor="end">
                {t.label}
              </text>
            ))}
            <text class="plot-axis-label" x={(area.left + area.right) / 2} y={model.height - 6} text-anchor="middle">
              {xLabel}
            </text>
            <text
              class="plot-axis-label"
              transform={`translate(14 ${(area.top + area.bottom) / 2}) rotate(-90)`}
              text-anchor="middle"
            >
              {yLabel}
            </text>
          </g>
          <g clip-path={`url(#${clipId})`}>
            {model.series.map((s) => (
              <g key={s.name} style={{ color: s.color }}>
                {s.path && <path class={s.dashed ? 'plot-line plot-dashed' : 'plot-line'} d={s.path} />}
                {s.markers.map((m: Point, index) => (
                  <circle key={index} class="plot-marker" cx={m[0]} cy={m[1]} r="3.5" />
                ))}
              </g>
            ))}
          </g>
          {model.empty && (
            <text
              class="plot-empty"
              x={(area.left + area.right) / 2}
              y={(area.top + area.bottom) / 2}
              text-anchor="middle"
            >
              No drawable data
            </text>
          )}
        </svg>
      </div>
      <ul class="plot-legend">
        {model.series.map((s) => (
          <li key={s.name} style={{ color: s.color }}>
            <svg class="plot-swatch" viewBox="0 0 24 10" aria-hidden="true">
              <line class={s.dashed ? 'plot-line plot-dashed' : 'plot-line'} x1="1" x2="23" y1="5" y2="5" />
            </svg>
            <span>{s.name}</span>
          </li>
        ))}
      </ul>
      {model.droppedNotes.length > 0 && <p class="plot-note">{model.droppedNotes.join(' ')}</p>}
      <details
        class="plot-data js-only"
        ref={dataRef}
        onToggle={(event) => {
          if (event.currentTarget.open) setDataShown(true);
        }}
      >
        <summary>Show data</summary>
        {table && (
          // Focusable so keyboard users can scroll a long or wide table.
          <div class="plot-table-box" tabIndex={0} role="group" aria-labelledby={`${id}-caption`}>
            <table>
              <caption id={`${id}-caption`}>Data of “{title}”</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, index) => (
                  <tr key={index}>
                    {row.map((cell, column) =>
                      column === 0 ? (
                        <th key={column} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={column}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </figure>
  );
}

export default LinePlot;
