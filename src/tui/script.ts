// Cues from a script (a demo): UI changes at set simulated times, made as if typed — keys go
// through the same key table the keyboard uses — plus a host to show and a row to select.

import { handleKey, type HelpGeometry } from './dispatch.js';
import type { KeyEnv } from './keymap.js';
import type { PanelRow } from './panels/rows.js';
import { selectedIndex, selectIndex, type UiState } from './state.js';

export interface ScriptCue {
  /** increases with every cue, so the same cue twice is applied twice */
  seq: number;
  /** key ids, as keyIds() makes them ('m', 'R', 'e', …) */
  keys: readonly string[];
  /** host whose panel to show */
  host?: string;
  /** name of the VM (or other row) to select */
  select?: string;
}

/** keys that act on the selected row */
const ROW_KEYS = new Set(['e', 'A', 'H', 'Z', 'X', 'enter']);

export const NO_CUE: ScriptCue = { seq: 0, keys: [] };

export function applyCue(s: UiState, cue: ScriptCue, env: KeyEnv, help: HelpGeometry): UiState {
  let next: UiState = { ...s, help: false, prompt: null };
  if (cue.host && env.hosts.includes(cue.host) && cue.host !== next.host) {
    next = { ...next, host: cue.host, selected: null, selIndex: 0, top: 0, expanded: [] };
  }
  // panel and sort keys first, so the row is looked up where it will show; then the row; then
  // the keys that act on the selected row (e expands it)
  const [early, late] = [cue.keys.filter((k) => !ROW_KEYS.has(k)), cue.keys.filter((k) => ROW_KEYS.has(k))];
  for (const id of early) next = handleKey(next, id, env, help);
  if (cue.select) {
    const rows = env.rows(next);
    const at = rows.findIndex((r) => r.name === cue.select);
    if (at >= 0) next = selectIndex(next, rows, at, env.page(next));
  }
  for (const id of late) {
    // a script expands; it never collapses what is already open
    if (id === 'e' && isOpen(next, env)) continue;
    next = handleKey(next, id, env, help);
  }
  // the keys' answers ("sorted by name") would hide the event line, which captions point at
  return { ...next, message: null };
}

/** Whether the selected row is already expanded: a VM in the CPU panel, a service (▾) elsewhere. */
function isOpen(s: UiState, env: KeyEnv): boolean {
  const rows = env.rows(s);
  const row = rows[selectedIndex(rows, s)] as (PanelRow & { open?: boolean }) | undefined;
  if (!row) return false;
  return row.open === true || (row.kind === 'vm' && s.expanded.includes(row.gid));
}
