// The `/` name filter: a prompt on the status line that narrows every panel's rows to the names
// that contain the text (case-insensitive), live while typing. Enter keeps it, Esc clears it.
// Child rows (a VM's vCPUs, a service's replicas) stay when their parent row matches, and the
// rows above a match stay too, so a filtered tree keeps its root.

import { keyLabel } from './keys.js';
import type { UiState } from './state.js';

const MAX_LENGTH = 40;

/** The filter in effect: the text being typed while the prompt is open, else the kept one. */
export function activeFilter(s: UiState): string {
  return s.dialog?.kind === 'filter' ? s.dialog.text : s.filter;
}

interface FilterableRow {
  key: string;
  name: string;
  kind?: string;
  gid?: number;
  /** set by panels whose rows nest: the key of the parent row */
  parent?: string;
  /** set by tree panels (containers): 0 a root; a row's ancestors are the rows above it of lower depth */
  depth?: number;
}

/**
 * Rows whose name contains the text, the rows under them (a VM's vCPUs, a service's replicas, a
 * kernel's cgroups), and the rows above them, so a tree keeps its root: a container that matches
 * shows under its kernel and service, as a filtered tree in htop does.
 */
export function filterRows<R extends FilterableRow>(rows: readonly R[], text: string): readonly R[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return rows;
  const indexOf = new Map<string, number>();
  const matched = new Set<number>();
  const keep = new Set<number>();
  const path: number[] = [];
  rows.forEach((row, i) => {
    indexOf.set(row.key, i);
    const ancestors: number[] = [];
    if (row.depth !== undefined) {
      while (path.length > 0 && (rows[path[path.length - 1]].depth ?? 0) >= row.depth) path.pop();
      ancestors.push(...path);
      path.push(i);
    } else {
      let parent = parentKey(row);
      while (parent !== undefined && indexOf.has(parent) && !ancestors.includes(indexOf.get(parent)!)) {
        const at = indexOf.get(parent)!;
        ancestors.push(at);
        parent = parentKey(rows[at]);
      }
    }
    if (row.name.toLowerCase().includes(needle) || ancestors.some((a) => matched.has(a))) {
      matched.add(i);
      keep.add(i);
      for (const a of ancestors) keep.add(a);
    }
  });
  return rows.filter((_, i) => keep.has(i));
}

function parentKey(row: FilterableRow): string | undefined {
  return row.parent ?? (row.kind === 'vcpu' && row.gid !== undefined ? `vm:${row.gid}` : undefined);
}

/** What an empty panel says while a filter is in effect: no row matched it, not an empty host. */
export function noMatchText(filter: string): string | null {
  const text = filter.trim();
  return text ? `  no row matches "${text}" — / edits the filter, Esc in / clears it` : null;
}

export function openFilter(s: UiState): UiState {
  return { ...s, dialog: { kind: 'filter', text: s.filter, before: s.filter }, message: null };
}

/** Keys while the filter prompt is open: text edits it, Enter keeps it, Esc clears it. */
export function filterKey(s: UiState, id: string): UiState {
  const d = s.dialog;
  if (d?.kind !== 'filter') return s;
  if (id === 'esc') return { ...s, dialog: null, filter: '', message: s.filter || d.text ? 'filter cleared' : null };
  if (id === 'enter') {
    const text = d.text.trim();
    return { ...s, dialog: null, filter: text, message: text ? `filter "${text}" (/ changes it, Esc in / clears it)` : 'filter cleared' };
  }
  if (id === 'backspace') return { ...s, dialog: { ...d, text: d.text.slice(0, -1) } };
  if (id === 'C-u') return { ...s, dialog: { ...d, text: '' } };
  const ch = id === 'space' ? ' ' : id;
  if (ch.length === 1 && d.text.length < MAX_LENGTH) return { ...s, dialog: { ...d, text: d.text + ch } };
  return { ...s, message: `${keyLabel(id)} is not part of a name: Enter keeps the filter, Esc clears it` };
}

export function filterPromptText(s: UiState, shown: number): string {
  if (s.dialog?.kind !== 'filter') return '';
  const hint = s.message ?? 'Enter keeps, Esc clears';
  return `filter by name: ${s.dialog.text}_  ${shown} row${shown === 1 ? '' : 's'}  ${hint}`;
}

/** `V`: the rows of guests only; a system group (Domain-0, Parent-Partition, a host's own OS, ESX's console) and its worlds leave. */
export function vmRowsOnly<R extends { kind: string; gid: number }>(rows: readonly R[], systemGids: ReadonlySet<number>): readonly R[] {
  return rows.filter((r) => (r.kind !== 'vm' && r.kind !== 'vcpu') || !systemGids.has(r.gid));
}
