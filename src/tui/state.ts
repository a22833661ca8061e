// The monitor's UI state (what the keys change) and the selection rules: the selection is an
// entity key, so it stays on the same VM when rows refresh or re-sort.

import type { PanelRow, SortKey } from './panels/rows.js';
import type { Dialog } from './dialogs.js';
import type { ThemeName } from './theme.js';

/** A panel by its id in the registry (src/tui/panels/registry.ts). */
export type { PanelId } from './panels/registry.js';
import type { PanelId } from './panels/registry.js';

/** `s` the refresh interval, `#` the number of rows shown */
export type PromptKind = 'delay' | 'rows';

export interface PromptState {
  kind: PromptKind;
  text: string;
  error: string | null;
}

export interface UiState {
  panel: PanelId;
  help: boolean;
  /** first help line shown */
  helpTop: number;
  /** `/` in help: the text searched for, and whether it is still being typed */
  helpSearch: { text: string; typing: boolean } | null;
  /** host by name, so a host list that changes does not move the view; null = first host */
  host: string | null;
  /** shared by the panels; each shows it only if it can (see panelSort) */
  sort: SortKey;
  selected: string | null;
  /** where the selection was, used when its entity disappears */
  selIndex: number;
  /** first panel row shown */
  top: number;
  /** esxtop's `#`: at most this many rows in every panel; 0 = as many as fit */
  rowLimit: number;
  /** GIDs of expanded VMs (CPU panel; kept while another panel shows) */
  expanded: readonly number[];
  /** names of services shown with their replicas (containers panel) */
  openServices: readonly string[];
  /** names of hosts shown with their VMs (hosts panel) */
  openHosts: readonly string[];
  prompt: PromptState | null;
  /** one-line status: answers to keys, until the next key */
  message: string | null;
  /** `/`: rows whose name contains this (case-insensitive); '' = every row */
  filter: string;
  /** `V` (esxtop's): VM rows only, the system groups (Domain-0, a host's own OS) left out */
  vmsOnly: boolean;
  /** `f`: field keys hidden per panel */
  hidden: Partial<Record<PanelId, readonly string[]>>;
  theme: ThemeName;
  /** an open dialog (filter prompt, field chooser, details, load, confirmation) owns the keyboard */
  dialog: Dialog | null;
  /** the `:` lines run this session, oldest first (↑ on the line recalls them) */
  commandHistory: readonly string[];
  /** a command sent from a key: its result event (for this target, at or after t) answers on the status line */
  awaiting: { target: string; t: number; detail?: string } | null;
}

export const initialUi: UiState = {
  panel: 'cpu', help: false, helpTop: 0, helpSearch: null, host: null, sort: '%USED', selected: null,
  selIndex: 0, top: 0, rowLimit: 0, expanded: [], openServices: [], openHosts: [], prompt: null, message: null,
  filter: '', vmsOnly: false, hidden: {}, theme: 'default', dialog: null, awaiting: null, commandHistory: [],
};

/** The state with a status-line message: what a key answers. */
export const say = (s: UiState, message: string): UiState => ({ ...s, message });

export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** Index of the selected row, falling back to where it was when the entity left. */
export function selectedIndex(rows: readonly PanelRow[], s: UiState): number {
  if (rows.length === 0) return -1;
  const found = s.selected === null ? -1 : rows.findIndex((r) => r.key === s.selected);
  return found >= 0 ? found : clamp(s.selIndex, 0, rows.length - 1);
}

/** First visible row so that `index` is on screen, moving the window as little as possible. */
export function scrollTop(top: number, index: number, page: number, total: number): number {
  const maxTop = Math.max(0, total - page);
  let next = clamp(top, 0, maxTop);
  if (index < next) next = index;
  else if (index >= next + page) next = index - page + 1;
  return clamp(next, 0, maxTop);
}

export function selectIndex(s: UiState, rows: readonly PanelRow[], index: number, page: number): UiState {
  if (rows.length === 0) return s;
  const i = clamp(index, 0, rows.length - 1);
  return { ...s, selected: rows[i].key, selIndex: i, top: scrollTop(s.top, i, page, rows.length) };
}
