/**
 * Checks an exam's official CNN table against the calculator, so a wrong official answer fails the
 * build instead of being published. Rows are the Input row followed by one row per layer line.
 */
import { LARGEST_EXACT_COUNT } from '../../ui/number-field';
import { propChecker } from '../../ui/tool-props';
import { parseVolume } from './cnn-notation';
import {
  computeCnn,
  formatActivation,
  type Activation,
  type CnnResult,
  type ComputedRow,
  type Volume,
} from './cnn-shapes';

export interface OfficialRow {
  /** As printed in the exam, e.g. "CONV1-32 with padding 0"; the first row is "Input". */
  layer: string;
  /** e.g. "126*126*8" (also "126x126x8", "126 \times 126 \times 8"), or "8192" after FLATTEN. */
  volume: string;
  params: number;
}

/** A row of the checked table, as the calculator computed it. */
export interface CheckedRow {
  layer: string;
  volume: string;
  volumeFormula: string;
  params: number;
  /** The working for non-zero counts, e.g. `8*(5*5*6 + 1) = 1208`; "0" otherwise. */
  paramsFormula: string;
}

export type OfficialCheck = { ok: true; rows: CheckedRow[]; total: number } | { ok: false; problems: string[] };

function sameLayerName(a: string, b: string): boolean {
  const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  return normal(a) === normal(b);
}

function parseOfficialVolume(text: string): Activation | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { kind: 'vector', n: Number(trimmed) };
  const parsed = parseVolume(trimmed);
  return parsed.ok ? { kind: 'volume', ...parsed.volume } : undefined;
}

function sameActivation(a: Activation, b: Activation): boolean {
  return formatActivation(a) === formatActivation(b) && a.kind === b.kind;
}

/** One row of a network's table as the calculator computes it: the Input row, then one row per layer line. */
export interface NetworkTableRow {
  layer: string;
  output: Activation;
  params: number;
  row?: ComputedRow;
}

/**
 * The rows of the table an exam asks for, computed from the network: read by the official check
 * below and by the practice key of a table part, so both grade against the same rows.
 */
export function networkTable(
  result: CnnResult,
): { ok: true; input: Volume & { formula: string }; rows: NetworkTableRow[] } | { ok: false; problems: string[] } {
  if (!result.input.ok) return { ok: false, problems: [`Input: ${result.input.message}`] };
  const problems = result.rows.flatMap((row) =>
    row.status === 'error' ? [`Layer line ${row.line} "${row.source}": ${row.message}`] : [],
  );
  if (problems.length > 0) return { ok: false, problems };
  const { volume, formula } = result.input;
  return {
    ok: true,
    input: { ...volume, formula },
    rows: [
      { layer: 'Input', output: { kind: 'volume', ...volume }, params: 0 },
      ...result.rows.flatMap((row) =>
        row.status === 'ok' ? [{ layer: row.source, output: row.output, params: row.params, row }] : [],
      ),
    ],
  };
}

/** Compares a computed network with the official rows; every disagreement is listed, naming its row. */
export function compareWithOfficial(result: CnnResult, official: readonly OfficialRow[]): OfficialCheck {
  const table = networkTable(result);
  if (!table.ok) return table;
  const problems: string[] = [];
  const computed = table.rows;
  if (computed.length !== official.length) {
    problems.push(
      `The official table has ${official.length} rows but the calculator has ${computed.length} (the Input row and ${computed.length - 1} layers).`,
    );
    return { ok: false, problems };
  }

  const rows: CheckedRow[] = [];
  for (const [index, mine] of computed.entries()) {
    const theirs = official[index];
    if (theirs === undefined) continue;
    const name = `Row ${index + 1} (${theirs.layer})`;
    if (!sameLayerName(theirs.layer, mine.layer)) {
      problems.push(`${name}: the official layer is "${theirs.layer}" but the calculator's line is "${mine.layer}".`);
    }
    const officialVolume = parseOfficialVolume(theirs.volume);
    if (officialVolume === undefined) {
      problems.push(`${name}: the official volume "${theirs.volume}" cannot be read (write H*W*C, or N for a vector).`);
    } else if (!sameActivation(officialVolume, mine.output)) {
      problems.push(
        `${name}: the official volume is ${theirs.volume} but the calculator gives ${formatActivation(mine.output)}.`,
      );
    }
    if (theirs.params !== mine.params) {
      const working = mine.row === undefined ? '' : ` (${mine.row.paramsFormula})`;
      problems.push(
        `${name}: the official parameter count is ${theirs.params} but the calculator gives ${mine.params}${working}.`,
      );
    }
    rows.push({
      layer: theirs.layer,
      volume: formatActivation(mine.output, ' × '),
      volumeFormula: mine.row?.outputFormula ?? table.input.formula,
      params: mine.params,
      paramsFormula: mine.params === 0 ? '0' : (mine.row?.paramsFormula ?? String(mine.params)),
    });
  }
  if (!result.total.ok) problems.push(`Total: ${result.total.message}`);
  if (problems.length > 0 || !result.total.ok) return { ok: false, problems };
  return { ok: true, rows, total: result.total.value };
}

/** Convenience for build-time checks: compute from the exam's notation and compare. */
export function checkOfficialCnnTable(input: string, layers: string, official: readonly OfficialRow[]): OfficialCheck {
  return compareWithOfficial(computeCnn(input, layers), official);
}

/** What the content passes to the solution table. */
export interface CnnSolutionTableProps {
  /** Input volume in exam notation, e.g. "128*128*6". */
  input: string;
  /** One layer per line, e.g. "CONV5-8\nReLU". */
  layers: string;
  /** The official table: the Input row first, then one row per layer. */
  official: OfficialRow[];
}

const check = propChecker('CnnSolutionTable');
const PARAMS = { label: 'params', min: 0, max: LARGEST_EXACT_COUNT, integer: true };

/** Validates the props and checks every official row; the rows to render if all agree. */
export function officialCnnTable(props: { [K in keyof CnnSolutionTableProps]?: unknown }): CheckedRow[] {
  const input = check.string('input', props.input);
  const layers = check.string('layers', props.layers);
  const official = check.list('official', props.official).map((raw, index): OfficialRow => {
    const name = `official[${index}]`;
    const row = check.record(name, raw, ['layer', 'volume', 'params']);
    return {
      layer: check.string(`${name}.layer`, row['layer']),
      volume: check.string(`${name}.volume`, row['volume']),
      params: check.number(`${name}.params`, row['params'], PARAMS),
    };
  });
  const result = checkOfficialCnnTable(input, layers, official);
  return result.ok
    ? result.rows
    : check.fail('official', `disagrees with the calculator:\n- ${result.problems.join('\n- ')}`);
}
