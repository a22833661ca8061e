// Fixed-width text for the panels. Columns come from CPU_FIELDS and MEM_FIELDS; when the terminal
// is narrow the least important fields go first, and NAME shrinks (with an ellipsis) before that.

import { CPU_FIELDS, levelOf, type CpuFieldKey, type FieldDef, type Level } from '../fields/cpu.js';
import { MEM_FIELDS, type MemFieldKey } from '../fields/memory.js';
import type { VmSample } from '../engine/snapshot.js';
import { vmStateWord, type CpuRow, type MemRow } from './rows.js';

const ID_WIDTH = 7;
const NWLD_WIDTH = 4;
const NAME_MIN = 10;

export interface Layout<K extends string> {
  /** the usable width: terminal columns - 1 */
  width: number;
  /** a `>` column marks the selection when there is no colour to show it */
  marker: boolean;
  nameWidth: number;
  fields: readonly FieldDef<K>[];
}

export type CpuLayout = Layout<CpuFieldKey>;
export type MemLayout = Layout<MemFieldKey>;

/** A run of text in one style; `level` colours a value that crossed a threshold. */
export interface Segment {
  text: string;
  level?: Level;
}

/** Marker, ID and NAME, plus the columns after NAME that are not fields (CPU's NWLD). */
function fixedWidth(marker: boolean, nameWidth: number, extra: number): number {
  return (marker ? 2 : 0) + ID_WIDTH + 1 + nameWidth + extra;
}

function fitColumns<K extends string>(
  all: readonly FieldDef<K>[], extra: number, width: number, marker: boolean, longestName: number,
): Layout<K> {
  const kept = [...all];
  const fieldsWidth = () => kept.reduce((sum, f) => sum + 1 + f.width, 0);
  const byImportance = [...all].sort((a, b) => a.importance - b.importance);
  while (kept.length > 0 && fixedWidth(marker, NAME_MIN, extra) + fieldsWidth() > width) {
    const drop = byImportance.shift()!;
    kept.splice(kept.indexOf(drop), 1);
  }
  const room = width - fixedWidth(marker, 0, extra) - fieldsWidth();
  const nameWidth = Math.max(1, Math.min(room, Math.max(NAME_MIN, longestName)));
  return { width, marker, nameWidth, fields: kept };
}

/** `hidden`: field keys the field chooser (`f`) turned off; they never show. */
export function fitCpuColumns(width: number, marker: boolean, longestName: number, hidden: readonly string[] = []): CpuLayout {
  return fitColumns(CPU_FIELDS.filter((f) => !hidden.includes(f.key)), 1 + NWLD_WIDTH, width, marker, longestName);
}

/** The memory panel has no NWLD: ID, NAME, then MEM_FIELDS. */
export function fitMemColumns(width: number, marker: boolean, longestName: number, hidden: readonly string[] = []): MemLayout {
  return fitColumns(MEM_FIELDS.filter((f) => !hidden.includes(f.key)), 0, width, marker, longestName);
}

export function fit(text: string, width: number): string {
  if (text.length <= width) return text.padEnd(width);
  return width <= 1 ? text.slice(0, width) : text.slice(0, width - 1) + '…';
}

/** esxtop prints two decimals; wide sums (16 vCPUs at 100 %) give up decimals to fit. */
export function formatPct(value: number, width: number): string {
  // a counter a real capture lacks: absent, never a 0 the host did not report
  if (Number.isNaN(value)) return '-'.padStart(width);
  for (const digits of [2, 1, 0]) {
    const text = value.toFixed(digits);
    if (text.length <= width) return text.padStart(width);
  }
  return '#'.repeat(width);
}

function padLine(text: string, width: number): string {
  return text.length > width ? text.slice(0, width) : text.padEnd(width);
}

export function cpuHeaderLine(layout: CpuLayout): string {
  const head = (layout.marker ? '  ' : '') + 'ID'.padStart(ID_WIDTH) + ' ' +
    fit('NAME', layout.nameWidth) + ' ' + 'NWLD'.padStart(NWLD_WIDTH);
  const cells = layout.fields.map((f) => ' ' + f.key.padStart(f.width)).join('');
  return padLine(head + cells, layout.width);
}

export function cpuRowSegments(row: CpuRow, layout: CpuLayout, selected: boolean): Segment[] {
  const marker = layout.marker ? (selected ? '> ' : '  ') : '';
  const name = row.kind === 'vcpu' ? '  ' + row.name : row.name;
  const nwld = row.nwld === null ? '' : String(row.nwld);
  // a VM that is not simply running says so after its name (`db mig 45%`), cutting the name first
  const mark = row.mark && row.mark.length + 2 <= layout.nameWidth ? row.mark : null;
  const segments: Segment[] = [{ text: marker + String(row.id).padStart(ID_WIDTH) + ' ' }];
  if (mark) {
    const cut = fit(name, layout.nameWidth - mark.length - 1).trimEnd();
    segments.push({ text: cut + ' ' }, { text: mark, level: vmStateWord(row.values as VmSample).level },
      { text: ' '.repeat(layout.nameWidth - cut.length - 1 - mark.length) });
  } else segments.push({ text: fit(name, layout.nameWidth) });
  segments.push({ text: ' ' + nwld.padStart(NWLD_WIDTH) });
  for (const field of layout.fields) {
    const value = row.values[field.key];
    segments.push({ text: ' ' });
    segments.push({ text: formatPct(value, field.width), level: levelOf(field, value, row.vcpus) });
  }
  const used = segments.reduce((n, s) => n + s.text.length, 0);
  // Padding to the full width makes the inverse selection bar span the line.
  segments.push({ text: ' '.repeat(Math.max(0, layout.width - used)) });
  return segments;
}

/** MiB as whole numbers (a warn threshold of 0.5 MiB then colours exactly the non-zero cells);
 *  rates with two decimals, given up before the column overflows. */
export function formatMem(field: FieldDef, value: number): string {
  if (Number.isNaN(value)) return '-'.padStart(field.width);
  if (field.unit !== 'MiB') return formatPct(value, field.width);
  const text = String(Math.round(value) || 0);
  return text.length <= field.width ? text.padStart(field.width) : '#'.repeat(field.width);
}

export function memHeaderLine(layout: MemLayout): string {
  const head = (layout.marker ? '  ' : '') + 'ID'.padStart(ID_WIDTH) + ' ' + fit('NAME', layout.nameWidth);
  const cells = layout.fields.map((f) => ' ' + f.key.padStart(f.width)).join('');
  return padLine(head + cells, layout.width);
}

export function memRowSegments(row: MemRow, layout: MemLayout, selected: boolean): Segment[] {
  const marker = layout.marker ? (selected ? '> ' : '  ') : '';
  const segments: Segment[] = [{ text: marker + String(row.id).padStart(ID_WIDTH) + ' ' + fit(row.name, layout.nameWidth) }];
  for (const field of layout.fields) {
    const value = row.values[field.key];
    segments.push({ text: ' ' });
    // Memory thresholds compare the VM's own value, not per vCPU.
    segments.push({ text: formatMem(field, value), level: levelOf(field, value) });
  }
  const used = segments.reduce((n, s) => n + s.text.length, 0);
  segments.push({ text: ' '.repeat(Math.max(0, layout.width - used)) });
  return segments;
}
