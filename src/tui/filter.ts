// The `/` name filter: a prompt on the status line that narrows every panel's rows to the names
// that contain the text (case-insensitive), live while typing. Enter keeps it, Esc clears it.
// Child rows (a VM's vCPUs, a service's replicas) stay when their parent row matches.

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
}

/** Rows whose name contains the text; a child row also when its parent matched. */
export function filterRows<R extends FilterableRow>(rows: readonly R[], text: string): readonly R[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return rows;
  const kept = new Set<string>();
  const out: R[] = [];
  for (const row of rows) {
    const parent = row.parent ?? (row.kind === 'vcpu' && row.gid !== undefined ? `vm:${row.gid}` : undefined);
    if (row.name.toLowerCase().includes(needle) || (parent !== undefined && kept.has(parent))) {
      kept.add(row.key);
      out.push(row);
    }
  }
  return out;
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
