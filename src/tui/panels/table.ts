// Fixed-width tables for the network, disk, containers and VServer panels: an optional ID column,
// NAME, then columns that each know their label, width, importance and how to draw a cell. As in
// the CPU and memory panels, a narrow terminal drops the least important columns first and NAME
// shrinks (with an ellipsis) before that. Cells come from the field tables wherever one exists.

import { levelOf, type FieldDef, type Level } from '../../fields/cpu.js';
import { fit, formatPct, type Segment } from '../columns.js';

const NAME_MIN = 10;

export interface Column<R> {
  /** the field table key the column shows (what the field chooser hides), else the label */
  key: string;
  /** header text, right-aligned over the cells (left-aligned for a `left` column) */
  label: string;
  align?: 'left';
  width: number;
  /** lower drops first on a narrow terminal */
  importance: number;
  /** for the help screen */
  meaning: string;
  /** exactly `width` characters (a `grow` column is given the width it was fitted to) */
  cell(row: R, width: number): Segment;
  /** takes the room left over after NAME reaches its longest name (a free-text column) */
  grow?: boolean;
  /** not a field: always shown, not offered by the field chooser (the CPU panel's NWLD) */
  fixed?: boolean;
  /** shown only when some row of the panel has something in it (all rows, so scrolling never changes it) */
  needed?(rows: readonly R[]): boolean;
}

export interface TableSpec<R> {
  /** header of the ID column, null for none */
  idLabel: string | null;
  idWidth: number;
  id(row: R): string;
  /** NAME as shown, indentation included (its length sets how wide NAME is drawn) */
  name(row: R): string;
  /** NAME drawn in exactly `width` columns when it has coloured parts; default name() fitted */
  nameCell?(row: R, width: number): Segment[];
  /** narrowest NAME before columns are dropped (default 10) */
  nameMin?: number;
  columns: readonly Column<R>[];
}

export interface TableLayout<R> {
  spec: TableSpec<R>;
  /** the usable width: terminal columns - 1 */
  width: number;
  marker: boolean;
  /** the ID column shows: the table has one and the field chooser did not hide it */
  id: boolean;
  nameWidth: number;
  columns: readonly Column<R>[];
}

/** The key the field chooser hides the ID column by. */
export const ID_KEY = 'ID';

function lead<R>(spec: TableSpec<R>, marker: boolean, id: boolean, nameWidth: number): number {
  return (marker ? 2 : 0) + (id ? spec.idWidth + 1 : 0) + nameWidth;
}

/** Columns that fit `width` (hidden keys left out), and NAME as wide as the longest name allows. */
export function fitTable<R>(
  spec: TableSpec<R>, width: number, marker: boolean, rows: readonly R[], hidden: readonly string[] = [],
): TableLayout<R> {
  const longest = rows.reduce((n, r) => Math.max(n, spec.name(r).length), 0);
  const id = spec.idLabel !== null && !hidden.includes(ID_KEY);
  const shown = spec.columns.filter((c) => !hidden.includes(c.key) && (c.needed?.(rows) ?? true));
  const kept = [...shown];
  const columnsWidth = () => kept.reduce((sum, c) => sum + 1 + c.width, 0);
  // Least important first; of equal importance, the later column (read after the other) first.
  const byImportance = [...shown].sort((a, b) => a.importance - b.importance || shown.indexOf(b) - shown.indexOf(a));
  const nameMin = spec.nameMin ?? NAME_MIN;
  while (kept.length > 0 && lead(spec, marker, id, nameMin) + columnsWidth() > width) {
    kept.splice(kept.indexOf(byImportance.shift()!), 1);
  }
  const room = width - lead(spec, marker, id, 0) - columnsWidth();
  const nameWidth = Math.max(1, Math.min(room, Math.max(nameMin, longest)));
  const spare = room - nameWidth;
  const columns = spare > 0 ? kept.map((c) => (c.grow ? { ...c, width: c.width + spare } : c)) : kept;
  return { spec, width, marker, id, nameWidth, columns };
}

function padLine(text: string, width: number): string {
  return text.length > width ? text.slice(0, width) : text.padEnd(width);
}

export function tableHeader<R>(layout: TableLayout<R>): string {
  const { spec } = layout;
  const id = layout.id && spec.idLabel !== null ? spec.idLabel.padStart(spec.idWidth) + ' ' : '';
  const cells = layout.columns.map((c) => ' ' + (c.align === 'left' ? c.label.padEnd(c.width) : c.label.padStart(c.width))).join('');
  return padLine((layout.marker ? '  ' : '') + id + fit('NAME', layout.nameWidth) + cells, layout.width);
}

/** The column under a 0-based screen column of the header: its key and label (NAME, ID too). */
export function columnAt<R>(layout: TableLayout<R>, x: number): { key: string; label: string } | undefined {
  let at = layout.marker ? 2 : 0;
  if (x < at) return undefined;
  const { spec } = layout;
  if (layout.id && spec.idLabel !== null) {
    at += spec.idWidth + 1;
    if (x < at) return { key: ID_KEY, label: spec.idLabel };
  }
  at += layout.nameWidth;
  if (x < at) return { key: 'NAME', label: 'NAME' };
  for (const c of layout.columns) {
    at += 1 + c.width;
    if (x < at) return { key: c.key, label: c.label };
  }
  return undefined;
}

export function tableRow<R>(row: R, layout: TableLayout<R>, selected: boolean): Segment[] {
  const { spec } = layout;
  const marker = layout.marker ? (selected ? '> ' : '  ') : '';
  const id = layout.id ? spec.id(row).padStart(spec.idWidth) + ' ' : '';
  const segments: Segment[] = spec.nameCell
    ? [{ text: marker + id }, ...spec.nameCell(row, layout.nameWidth)]
    : [{ text: marker + id + fit(spec.name(row), layout.nameWidth) }];
  for (const column of layout.columns) {
    segments.push({ text: ' ' });
    segments.push(column.cell(row, column.width));
  }
  const used = segments.reduce((n, s) => n + s.text.length, 0);
  // Padding to the full width makes the inverse selection bar span the line.
  segments.push({ text: ' '.repeat(Math.max(0, layout.width - used)) });
  return segments;
}

// ---------------------------------------------------------------------------------------------
// Cells

/** A right-aligned integer, `#` when it does not fit. */
export function formatInt(value: number, width: number): string {
  const text = String(Math.round(value) || 0);
  return text.length <= width ? text.padStart(width) : '#'.repeat(width);
}

/** Rates, percentages and latencies with esxtop's two decimals (fewer before overflowing). */
const DECIMAL_UNITS = new Set(['%', 'Mbit/s', 'MiB/s', 'ms', 'IOPS', 'pkt/s', 'CPUs', 's']);

export function formatField(field: FieldDef, value: number, width: number): string {
  // a counter a real capture lacks: absent, never a 0 the host did not report
  if (Number.isNaN(value)) return '-'.padStart(width);
  return DECIMAL_UNITS.has(field.unit) ? formatPct(value, width) : formatInt(value, width);
}

/** `yellow > 5, red > 10` for the help screen. */
export function limitsText(f: FieldDef): string {
  return [f.warn !== undefined ? `yellow > ${f.warn}` : '', f.alarm !== undefined ? `red > ${f.alarm}` : '']
    .filter(Boolean).join(', ');
}

export function withLimits(f: FieldDef): string {
  const l = limitsText(f);
  return l ? `${f.meaning} [${l}]` : f.meaning;
}

export interface FieldColumnOptions<R> {
  /** header text; default the field's key */
  label?: string;
  /** text for a null value (a limit that is not set); default blank */
  none?: (row: R) => string;
  /** colour other than the field's thresholds (e.g. memory.current against memory.max) */
  level?: (row: R, value: number) => Level;
  /** the panel's own ranking when it differs from the field table's */
  importance?: number;
  /** the help screen's text when it differs from the field's meaning with its limits */
  meaning?: string;
}

/** A column for one field of a field table: its label, width, importance, meaning, thresholds. */
export function fieldColumn<R, K extends string>(
  field: FieldDef<K>, get: (row: R) => number | null, opts: FieldColumnOptions<R> = {},
): Column<R> {
  const label = opts.label ?? field.key;
  const width = Math.max(field.width, label.length);
  // A short label names the field it shows, unless the meaning starts with it already.
  const named = opts.label && opts.label !== field.key && !field.meaning.startsWith(`${field.key}:`);
  const meaning = opts.meaning ?? (named ? `${field.key}: ${withLimits(field)}` : withLimits(field));
  return {
    key: field.key, label, width, importance: opts.importance ?? field.importance, meaning,
    cell: (row) => {
      const value = get(row);
      if (value === null) return { text: (opts.none?.(row) ?? '').padStart(width) };
      return { text: formatField(field, value, width), level: opts.level ? opts.level(row, value) : levelOf(field, value) };
    },
  };
}

/** Looks a field up by key in a field table (a programming error if it is missing). */
export function field<K extends string>(table: readonly FieldDef<K>[], key: K): FieldDef<K> {
  const f = table.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
}

/** `[#####|.....]`: a fill of `value / max`, with `mark` (e.g. tokens_min) shown as `|`. */
export function gauge(value: number, max: number, width: number, mark?: number): string {
  const inner = Math.max(1, width - 2);
  const filled = max > 0 ? Math.round((Math.max(0, Math.min(value, max)) / max) * inner) : 0;
  const at = mark !== undefined && max > 0 ? Math.min(inner - 1, Math.floor((mark / max) * inner)) : -1;
  let body = '';
  for (let i = 0; i < inner; i++) body += i === at ? '|' : i < filled ? '#' : '.';
  return `[${body}]`;
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** The last `width` values as a sparkline against `max`, right-aligned (newest at the right). */
export function sparkline(values: readonly number[], max: number, width: number): string {
  const shown = values.slice(-width);
  const text = shown.map((v) => {
    const f = max > 0 ? Math.max(0, Math.min(1, v / max)) : 0;
    return SPARKS[Math.min(SPARKS.length - 1, Math.floor(f * SPARKS.length))];
  }).join('');
  return text.padStart(width);
}

/** A level-coloured word cell, left-aligned (cut with an ellipsis when too long). */
export function wordCell(text: string, width: number, level?: Level): Segment {
  return { text: fit(text, width), level };
}
