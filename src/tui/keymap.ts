// The one key table. The input handler dispatches through it, the help screen lists it and the
// footer is built from its hints, so a key cannot do one thing and be documented as another.

import type { ClockControls } from './clock.js';
import { formatSpeed } from './header-format.js';
import { keyLabel } from './keys.js';
import type { PanelRow, SortKey } from './rows.js';
import { PANEL_NAMES, selectedIndex, selectIndex, type PanelId, type UiState } from './state.js';

/** What an action may look at and touch besides the UI state it returns. */
export interface KeyEnv {
  /** the panel rows as they would be for state `s` (panel, sort and expansion change them) */
  rows(s: UiState): readonly PanelRow[];
  /** how many rows fit on screen in the panel of state `s` (headers differ per panel) */
  page(s: UiState): number;
  hosts: readonly string[];
  clock: ClockControls;
  quit(): void;
}

export type KeyAction = (s: UiState, env: KeyEnv) => UiState;

export interface KeyBinding {
  /** key id as produced by keyIds() */
  key: string;
  /** how the key is written on screen */
  label: string;
  help: string;
  /** panels where the key applies; absent = everywhere */
  panels?: readonly PanelId[];
  /** short footer text; keys sharing a hint are shown together ("U/R/N sort") */
  hint?: string;
  action: KeyAction;
}

const say = (s: UiState, message: string): UiState => ({ ...s, message });

const later = (message: string): KeyAction => (s) => say(s, message);

const quit: KeyAction = (s, env) => {
  env.quit();
  return s;
};

const openHelp: KeyAction = (s) => ({ ...s, help: true, helpTop: 0 });

const move = (step: (index: number, page: number, total: number) => number): KeyAction => (s, env) => {
  const rows = env.rows(s);
  if (rows.length === 0) return say(s, 'no rows to select on this host');
  const page = env.page(s);
  return selectIndex(s, rows, step(selectedIndex(rows, s), page, rows.length), page);
};

const sortBy = (sort: SortKey, what: string): KeyAction => (s) => say({ ...s, sort }, `sorted by ${what}`);

/** Switches panel keeping host, sort and the selected VM (a selected vCPU hands over its VM). */
const showPanel = (panel: PanelId): KeyAction => (s, env) => {
  const from = env.rows(s);
  const at = selectedIndex(from, s);
  const next: UiState = { ...s, panel, selected: at >= 0 ? `vm:${from[at].gid}` : s.selected };
  const rows = env.rows(next);
  const index = rows.findIndex((r) => r.key === next.selected);
  const shown = index >= 0 ? selectIndex(next, rows, index, env.page(next)) : { ...next, top: 0 };
  return say(shown, `${PANEL_NAMES[panel]} panel`);
};

const cycleHost = (delta: number): KeyAction => (s, env) => {
  const n = env.hosts.length;
  if (n < 2) return say(s, n ? 'this profile has one host' : 'this profile has no hosts');
  const at = Math.max(0, env.hosts.indexOf(s.host ?? env.hosts[0]));
  const host = env.hosts[(at + delta + n) % n];
  return { ...s, host, selected: null, selIndex: 0, top: 0, expanded: [], message: `host ${host}` };
};

const expand: KeyAction = (s, env) => {
  const rows = env.rows(s);
  const index = selectedIndex(rows, s);
  if (index < 0) return say(s, 'no VM selected to expand');
  const gid = rows[index].gid;
  const vm = rows.find((r) => r.key === `vm:${gid}`);
  const open = s.expanded.includes(gid);
  const expanded = open ? s.expanded.filter((g) => g !== gid) : [...s.expanded, gid];
  const next = { ...s, expanded, selected: `vm:${gid}` };
  const after = env.rows(next);
  const at = after.findIndex((r) => r.key === next.selected);
  const message = open ? `collapsed ${vm?.name}` : `expanded ${vm?.name} into ${vm?.vcpus} vCPU rows`;
  return say(selectIndex(next, after, at, env.page(next)), message);
};

const togglePause: KeyAction = (s, env) =>
  say(s, env.clock.togglePause() ? 'paused: the simulation is stopped (space resumes)' : 'resumed');

const speed = (factor: number): KeyAction => (s, env) => {
  const before = env.clock.speed;
  const after = env.clock.scaleSpeed(factor);
  const limit = after === before ? (factor > 1 ? ' (maximum)' : ' (minimum)') : '';
  return say(s, `speed ${formatSpeed(after)}${limit}`);
};

const askDelay: KeyAction = (s) => ({ ...s, prompt: { text: '', error: null } });

type Row = Omit<KeyBinding, 'label'> & { label?: string };

const BOTH: readonly PanelId[] = ['cpu', 'mem'];

const TABLE: readonly Row[] = [
  { key: 'q', help: 'quit, terminal restored', hint: 'quit', action: quit },
  { key: 'C-c', help: 'quit, terminal restored', action: quit },
  { key: 'h', help: 'help: every key and every column (Esc, h or q closes)', hint: 'help', action: openHelp },
  { key: '?', help: 'help, same as h', action: openHelp },
  { key: 'e', help: 'expand / collapse the selected VM into its vCPU worlds', panels: ['cpu'], hint: 'expand', action: expand },
  { key: 'e', help: 'no expansion here: memory belongs to the VM, not to its vCPUs (says so)', panels: ['mem'],
    action: later('e expands a VM into vCPUs in the CPU panel only: memory is per VM (c for CPU)') },
  { key: 'U', help: 'sort by %USED, highest first', panels: ['cpu'], hint: 'sort', action: sortBy('%USED', '%USED') },
  { key: 'U', help: 'not a memory sort: answers that M sorts by MEMSZ and N by name', panels: ['mem'],
    action: later('U sorts the CPU panel by %USED; here M sorts by MEMSZ, N by name') },
  { key: 'R', help: 'sort by %RDY, highest first', panels: ['cpu'], hint: 'sort', action: sortBy('%RDY', '%RDY') },
  { key: 'R', help: 'not a memory sort: answers that M sorts by MEMSZ and N by name', panels: ['mem'],
    action: later('R sorts the CPU panel by %RDY; here M sorts by MEMSZ, N by name') },
  { key: 'M', help: 'sort by MEMSZ (configured memory), largest first; ties by name', panels: ['mem'], hint: 'sort',
    action: sortBy('MEMSZ', 'MEMSZ') },
  { key: 'M', help: 'not a CPU sort: answers that m shows the memory panel, where M sorts', panels: ['cpu'],
    action: later('M sorts the memory panel by MEMSZ: press m for it') },
  { key: 'N', help: 'sort by name (kept when switching panels)', panels: BOTH, hint: 'sort', action: sortBy('NAME', 'name') },
  { key: 'space', help: 'pause / resume the simulation (PAUSED shows in the title line)', hint: 'pause', action: togglePause },
  { key: '+', help: 'double the speed (simulated seconds per wall second, x0.25 to x64)', hint: 'speed', action: speed(2) },
  { key: '-', help: 'halve the speed', hint: 'speed', action: speed(0.5) },
  { key: 's', help: 'set the refresh interval in simulated seconds (digits, Enter applies, Esc cancels)', hint: 'delay', action: askDelay },
  { key: 'tab', help: 'show the next host', hint: 'host', action: cycleHost(1) },
  { key: ']', help: 'show the next host', action: cycleHost(1) },
  { key: '[', help: 'show the previous host', action: cycleHost(-1) },
  { key: 'up', help: 'select the row above', panels: BOTH, action: move((i) => i - 1) },
  { key: 'down', help: 'select the row below', panels: BOTH, action: move((i) => i + 1) },
  { key: 'pgup', help: 'select one page up', panels: BOTH, action: move((i, page) => i - page) },
  { key: 'pgdn', help: 'select one page down', panels: BOTH, action: move((i, page) => i + page) },
  { key: 'home', help: 'select the first row', panels: BOTH, action: move(() => 0) },
  { key: 'end', help: 'select the last row', panels: BOTH, action: move((_i, _p, total) => total - 1) },
  { key: 'c', help: 'CPU panel (esxtop c); host, name sort and selected VM carry over', hint: 'panel', action: showPanel('cpu') },
  { key: 'm', help: 'memory panel (esxtop m); host, name sort and selected VM carry over', hint: 'panel', action: showPanel('mem') },
  { key: 'n', help: 'network panel (arrives with the network work)', action: later('network panel arrives with the network work') },
  { key: 'd', help: 'disk panel (arrives with the disk work)', action: later('disk panel arrives with the disk work') },
  { key: 'g', help: 'containers / cgroups panel (arrives with the container work)', action: later('containers panel arrives with the container work') },
  { key: 't', help: 'VServer token-bucket panel (arrives with the VServer work)', action: later('VServer panel arrives with the VServer work') },
  { key: 'o', help: 'hosts (cluster) overview (arrives with the cluster work)', action: later('hosts overview arrives with the cluster work') },
  { key: '/', help: 'filter rows by name (arrives with the filter work)', action: later('filtering by name arrives with the filter work') },
  { key: 'f', help: 'choose fields (arrives with the field chooser)', action: later('choosing fields arrives with the field chooser') },
  { key: 'W', help: 'write the view settings to the config file (arrives with the config work)', action: later('saving view settings arrives with the config work') },
  { key: 'L', help: 'inject load into the selected VM or container (arrives with the commands work)', action: later('injecting load arrives with the commands work') },
  { key: 'V', help: 'migrate the selected VM to a host you pick (arrives with the commands work)', action: later('migrating a VM arrives with the commands work') },
  { key: 'Z', help: 'freeze / thaw the selected container (arrives with the container work)', action: later('freezing containers arrives with the container work') },
  { key: 'X', help: 'fail / recover the selected host (arrives with the commands work)', action: later('failing a host arrives with the commands work') },
];

export const KEYMAP: readonly KeyBinding[] = TABLE.map((row) => ({ ...row, label: row.label ?? keyLabel(row.key) }));

export function bindingFor(key: string, panel: PanelId): KeyBinding | undefined {
  return KEYMAP.find((b) => b.key === key && appliesIn(b, panel));
}

/** Whether a binding is active in a panel. */
export function appliesIn(b: KeyBinding, panel: PanelId): boolean {
  return !b.panels || b.panels.includes(panel);
}

/**
 * Footer text: keys with a hint, grouped by hint in table order ("U/R/N sort"). With a width, a
 * group that does not fit is left out whole rather than cut, so later short groups may still show.
 */
export function footerHints(panel: PanelId, width = Infinity): string {
  const groups = new Map<string, string[]>();
  for (const b of KEYMAP) {
    if (!b.hint || !appliesIn(b, panel)) continue;
    groups.set(b.hint, [...(groups.get(b.hint) ?? []), b.label]);
  }
  let text = '';
  for (const [hint, labels] of groups) {
    const group = `${labels.join('/')} ${hint}`;
    const next = text ? `${text}  ${group}` : group;
    if (next.length <= width) text = next;
  }
  return text;
}
