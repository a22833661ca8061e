// The one key table. The input handler dispatches through it, the help screen lists it and the
// footer is built from its hints, so a key cannot do one thing and be documented as another.

import { notInReplay } from './replay-refusal.js';
import { REPLAY_ENDED, type ClockControls, type MonitorView } from './clock.js';
import { cycleTheme, freezeThaw, openDetails, openFieldsKey, openFilterKey, openLoad, writeSettings } from './dialogs.js';
import { failRecover, openDeploy, openMigrate, powerOnOff, resetVm, shutdownGuest, suspendResume } from './dialogs-cluster.js';
import { openEventLog } from './event-log.js';
import { openCommandLine } from './command-line/line.js';
import { formatSpeed } from './header-format.js';
import { keyLabel } from './keys.js';
import { carriedKey, type PanelRow, type SortKey } from './panels/rows.js';
import type { SortLetter } from './panels/panel.js';
import { PANEL_IDS, PANELS, panelSort, panelSorts } from './panels/registry.js';
import { openPrompt } from './prompt.js';
import type { PointTarget } from './mouse.js';
import { say, selectedIndex, selectIndex, type PanelId, type UiState } from './state.js';

/** What an action may look at and touch besides the UI state it returns. */
export interface KeyEnv {
  /** the panel rows as they would be for state `s` (panel, sort and expansion change them) */
  rows(s: UiState): readonly PanelRow[];
  /** how many rows fit on screen in the panel of state `s` (headers differ per panel) */
  page(s: UiState): number;
  hosts: readonly string[];
  clock: ClockControls;
  quit(): void;
  /** a recording plays back: keys that would change the simulation are refused (see simCommand) */
  replaying?: boolean;
  /** the real capture on screen (a replay of a real host, not of a vmtop run) */
  capture?: string | null;
  /** the sample on screen and the clock's settings (details, actions and W read them) */
  view: MonitorView;
  /** where W writes the view settings */
  configPath: string;
  /** Ctrl-L: the terminal repaints the whole frame */
  redraw?(): void;
  /** what the screen shows at a 0-based column and line (mouse clicks) */
  pointAt?(s: UiState, column: number, line: number): PointTarget;
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
  /** the key is refused while a recording plays back: the footer leaves it out there */
  live?: true;
  action: KeyAction;
}


const later = (message: string): KeyAction => (s) => say(s, message);

/**
 * Every key that changes the simulation (load, migrate, freeze, fail, and any later one) goes
 * through this: while a recording plays back it is refused with a message, since a replay can
 * only show what the recorded run did.
 */
export const simCommand = (key: string, action: KeyAction): KeyAction => (s, env) =>
  env.replaying ? say(s, `${key}: ${notInReplay(env)}`) : action(s, env);

/** d and u are esxtop's adapter and device views; vmtop's per-VM disk panel is esxtop's v. */
const DISK_MOVED = (key: string, view: string) => `${key}: esxtop's ${view} view is not drawn yet; the per-VM disks are on v (esxtop's v)`;

const toggleVmsOnly: KeyAction = (s) => say({ ...s, vmsOnly: !s.vmsOnly, top: 0 },
  s.vmsOnly ? 'all groups shown (V: VMs only)' : 'VMs only: the system groups hidden (V shows them)');

const quit: KeyAction = (s, env) => {
  env.quit();
  return s;
};

const openHelp: KeyAction = (s) => ({ ...s, help: true, helpTop: 0, helpSearch: null });

const redraw: KeyAction = (s, env) => {
  env.redraw?.();
  return s;
};

const move = (step: (index: number, page: number, total: number) => number): KeyAction => (s, env) => {
  const rows = env.rows(s);
  if (rows.length === 0) return say(s, 'no rows to select on this host');
  const page = env.page(s);
  return selectIndex(s, rows, step(selectedIndex(rows, s), page, rows.length), page);
};

const sortBy = (sort: SortKey, what: string): KeyAction => (s) => say({ ...s, sort }, `sorted by ${what}`);

/** How each panel names its orders; IO is the panel's own default order. */
function sortName(panel: PanelId, sort: SortKey): string {
  if (sort === 'NAME') return 'name';
  const p = PANELS[panel];
  if (sort === 'IO') return p.ownOrder ?? sort;
  const key = Object.values(p.sortKeys).find((a) => 'sort' in a && a.sort === sort);
  return key && 'what' in key ? key.what : sort;
}

/** `<` and `>` (as in htop): the previous or next of the orders this panel offers, wrapping. */
const stepSort = (delta: number): KeyAction => (s) => {
  const sorts = panelSorts(s.panel);
  const at = Math.max(0, sorts.indexOf(panelSort(s.panel, s.sort)));
  const sort = sorts[(at + delta + sorts.length) % sorts.length];
  return say({ ...s, sort }, `sorted by ${sortName(s.panel, sort)} (${sorts.map((k) => sortName(s.panel, k)).join(' < ')})`);
};

/** Switches panel keeping host, sort and the selected VM (a selected vCPU hands over its VM). */
const showPanel = (panel: PanelId): KeyAction => (s, env) => {
  const from = env.rows(s);
  const at = selectedIndex(from, s);
  const next: UiState = { ...s, panel, selected: at >= 0 ? carriedKey(from[at]) : s.selected };
  const rows = env.rows(next);
  let index = rows.findIndex((r) => r.key === next.selected);
  if (index < 0 && panel === 'hosts' && next.selected?.startsWith('vm:')) {
    // the hosts overview shows a VM under its host once opened: select the host meanwhile
    const vm = env.view.snapshot.vms.find((v) => `vm:${v.gid}` === next.selected);
    index = rows.findIndex((r) => r.key === `host:${vm?.host}`);
  }
  const shown = index >= 0 ? selectIndex(next, rows, index, env.page(next)) : { ...next, top: 0 };
  return say(shown, `${PANELS[panel].name} panel`);
};

const cycleHost = (delta: number): KeyAction => (s, env) => {
  const n = env.hosts.length;
  if (n < 2) return say(s, n ? 'this profile has one host' : 'this profile has no hosts');
  const at = Math.max(0, env.hosts.indexOf(s.host ?? env.hosts[0]));
  const host = env.hosts[(at + delta + n) % n];
  return { ...s, host, selected: null, selIndex: 0, top: 0, expanded: [], message: `host ${host}` };
};




const notSortedHere = (what: string): KeyAction => (s) => say(s, `${what}; ${PANELS[s.panel].sortsHere}`);

const togglePause: KeyAction = (s, env) => env.view.ended
  ? say(s, REPLAY_ENDED)
  : say(s, env.clock.togglePause() ? 'paused: the simulation is stopped (space resumes)' : 'resumed');

const speed = (factor: number): KeyAction => (s, env) => {
  const before = env.clock.speed;
  const after = env.clock.scaleSpeed(factor);
  const limit = after === before ? (factor > 1 ? ' (maximum)' : ' (minimum)') : '';
  return say(s, `speed ${formatSpeed(after)}${limit}`);
};

const askDelay: KeyAction = (s, env) => env.replaying
  ? say(s, 'a replay refreshes at the recorded instants (+ and - change its speed)')
  : openPrompt(s, 'delay');

/** esxtop's `#`: prompts for how many rows to show; the number in effect is said on the line. */
const askRows: KeyAction = (s) => openPrompt(s, 'rows');

const stepOnce: KeyAction = (s, env) => {
  if (env.clock.step()) return say(s, env.replaying ? 'stepped to the next recorded sample' : 'stepped one refresh interval');
  if (!env.view.paused) return say(s, 'step works while paused: space pauses');
  if (env.replaying && !env.view.ended) return say(s, 'the next sample is still being read from the file');
  return say(s, env.replaying ? 'the end of the recording (q quits)' : 'step works while paused: space pauses');
};

type Row = Omit<KeyBinding, 'label'> & { label?: string };

/** `e` per panel, in registry order; panels with the same answer share one row (n and d). */
function expandRows(): Row[] {
  const rows: Row[] = [];
  for (const id of PANEL_IDS) {
    const e = PANELS[id].expand;
    const last = rows.at(-1);
    if (last && last.help === e.help && PANELS[last.panels![0]].expand === e) {
      last.panels = [...last.panels!, id];
      continue;
    }
    rows.push('action' in e
      ? { key: 'e', help: e.help, panels: [id], hint: 'expand', action: e.action }
      : { key: 'e', help: e.help, panels: [id], action: later(e.answer) });
  }
  return rows;
}

/** `a, b and c` */
const listed = (words: readonly string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

/**
 * U, R or M per panel: first the panel whose key it is (the first that sorts by it), then the
 * other panels with an answer of their own, in registry order, then one row for the panels
 * where it does not sort, which answers where it does.
 */
function sortRows(letter: SortLetter): Row[] {
  const sorters = PANEL_IDS.filter((id) => 'sort' in (PANELS[id].sortKeys[letter] ?? {}));
  const own = PANEL_IDS.filter((id) => PANELS[id].sortKeys[letter] && id !== sorters[0]);
  const rest = PANEL_IDS.filter((id) => !PANELS[id].sortKeys[letter]);
  const row = (id: PanelId): Row => {
    const a = PANELS[id].sortKeys[letter]!;
    return 'sort' in a
      ? { key: letter, help: a.help, panels: [id], hint: 'sort', action: sortBy(a.sort, a.what) }
      : { key: letter, help: a.help, panels: [id], action: later(a.answer) };
  };
  const home = PANELS[sorters[0]].sortKeys[letter] as { what: string };
  const where = sorters.length === 1 ? `the ${PANELS[sorters[0]].name} panel` : listed(sorters.map((id) => PANELS[id].key));
  const generic: Row[] = rest.length === 0 ? [] : [{
    key: letter, help: 'not a sort here: answers which keys sort the panel', panels: rest,
    action: notSortedHere(`${letter} sorts ${where} by ${home.what}`),
  }];
  return [row(sorters[0]), ...own.map(row), ...generic];
}

const TABLE: readonly Row[] = [
  { key: 'q', help: 'quit, terminal restored', hint: 'quit', action: quit },
  { key: 'C-c', help: 'quit, terminal restored', action: quit },
  { key: 'f10', help: 'quit, as in htop', action: quit },
  { key: 'h', help: 'help: every key and every column (/ finds a key or a column, n the next; Esc, h or q closes)', hint: 'help', action: openHelp },
  { key: '?', help: 'help, same as h', action: openHelp },
  { key: 'f1', help: 'help, as in htop', action: openHelp },
  { key: 'C-l', help: 'redraw the whole screen (after something else wrote over it)', action: redraw },
  ...expandRows(),
  ...sortRows('U'),
  ...sortRows('R'),
  ...sortRows('M'),
  { key: 'N', help: 'sort by name (kept when switching panels)', hint: 'sort', action: sortBy('NAME', 'name') },
  { key: '<', help: 'the previous of this panel\'s sort orders (as htop; the status line lists them)', action: stepSort(-1) },
  { key: '>', help: 'the next of this panel\'s sort orders', action: stepSort(1) },
  { key: 'space', help: 'pause / resume the simulation (PAUSED shows in the title line)', hint: 'pause', action: togglePause },
  { key: '+', help: 'double the speed (simulated seconds per wall second, x0.25 to x64)', hint: 'speed', action: speed(2) },
  { key: '-', help: 'halve the speed', hint: 'speed', action: speed(0.5) },
  { key: '.', help: 'while paused: one refresh forward (a replay: the next recorded sample)', hint: 'step', action: stepOnce },
  { key: 's', live: true, help: 'set the refresh interval in simulated seconds (digits, Enter applies, Esc cancels)', hint: 'delay', action: askDelay },
  { key: '#', help: 'how many rows every panel shows (as esxtop\'s #): a number overrides the count that fits the window, 0 or nothing gives it back',
    hint: 'rows', action: askRows },
  { key: 'tab', help: 'show the next host', hint: 'host', action: cycleHost(1) },
  { key: ']', help: 'show the next host', action: cycleHost(1) },
  { key: '[', help: 'show the previous host', action: cycleHost(-1) },
  { key: 'up', help: 'select the row above', action: move((i) => i - 1) },
  { key: 'down', help: 'select the row below', action: move((i) => i + 1) },
  { key: 'k', help: 'select the row above (as in vi and htop)', action: move((i) => i - 1) },
  { key: 'j', help: 'select the row below (as in vi and htop)', action: move((i) => i + 1) },
  { key: 'pgup', help: 'select one page up', action: move((i, page) => i - page) },
  { key: 'pgdn', help: 'select one page down', action: move((i, page) => i + page) },
  { key: 'home', help: 'select the first row', action: move(() => 0) },
  { key: 'end', help: 'select the last row', action: move((_i, _p, total) => total - 1) },
  ...PANEL_IDS.map((id): Row => ({ key: PANELS[id].key, help: PANELS[id].keyHelp, hint: 'panel', action: showPanel(id) })),
  { key: 'd', help: 'esxtop\'s disk adapter view, not drawn yet: answers that the per-VM disks are on v (as in esxtop)', action: later(DISK_MOVED('d', 'disk adapter')) },
  { key: 'u', help: 'esxtop\'s disk device view, not drawn yet: answers that the per-VM disks are on v', action: later(DISK_MOVED('u', 'disk device')) },
  { key: 'V', help: 'VMs only (as esxtop\'s V): hide the system groups (Domain-0, Parent-Partition, a host\'s own OS, ESX\'s service console); V again shows them', action: toggleVmsOnly },
  { key: 'L', help: 'esxtop\'s name width: NAME here takes the width its longest name needs; answers where load went (A)', action: later('L: NAME is as wide as its longest name here (esxtop\'s L); A injects load') },
  { key: '/', help: 'filter rows by name, every panel (live while typing; Enter keeps, Esc clears)', hint: 'filter', action: openFilterKey },
  { key: 'enter', help: 'details of the selected VM, container or guest: every metric, sparklines of its history (Esc closes); a VM running a JVM (workload type jvm) also shows that process VM inside it: its heap in use (the sparkline\'s saw-tooth: it fills, a collection empties it), collections and their stop-the-world pause, the JIT\'s extra CPU while it warms up', hint: 'details', action: openDetails },
  { key: 'E', help: 'the event log: every event with its simulated time, the last 1000 (↑ ↓ choose, Enter shows one whole, / filters, Esc closes); a click on the event line opens it too',
    hint: 'events', action: openEventLog },
  { key: 'f', help: 'choose the panel\'s fields (space toggles, a shows all, Esc closes); NAME always shows', hint: 'fields', action: openFieldsKey },
  { key: 'W', help: 'write the view settings (panel, fields, sort, delay, theme) to the config file', action: writeSettings },
  { key: 'T', help: 'next colour theme: default, light (light backgrounds), none (no colour)', action: cycleTheme },
  { key: 'A', live: true, help: 'add load to the selected VM or container: the total in % of one vCPU (200 = two vCPUs busy) and seconds (Enter sends, Esc cancels)', hint: 'load', action: simCommand('A', openLoad) },
  { key: 'H', live: true, help: 'migrate the selected VM to another host (c m n v, or a VM row under o): pick the host from a list that says why a host is not eligible ' +
    '(↑ ↓, Enter sends, Esc cancels), DRS\'s recommended host first; Tab there moves its disk to another host\'s datastore instead (Storage vMotion), ' +
    'and a disk Storage DRS recommends moving opens there, its datastore first', hint: 'migrate', action: simCommand('H', openMigrate) },
  { key: 'Z', live: true, help: 'freeze (after y to confirm) / thaw the selected container', action: simCommand('Z', freezeThaw) },
  { key: 'X', live: true, help: 'fail (after y to confirm) / recover the selected host: o\'s selected host row, elsewhere the host on screen; on a Domain-0 / Parent-Partition row, that partition: its guests\' I/O stops until it is back', hint: 'fail/recover',
    action: simCommand('X', failRecover) },
  { key: 'P', live: true, help: 'power the selected VM on, or off (after y to confirm: like pulling the plug)', action: simCommand('P', powerOnOff) },
  { key: 'S', live: true, help: 'suspend the selected VM (its memory written out, no CPU) / resume it; s (lower case) is the refresh interval',
    action: simCommand('S', suspendResume) },
  { key: 'B', live: true, help: 'reset the selected VM (after y to confirm: like its reset button, the guest reboots on its host)', action: simCommand('B', resetVm) },
  { key: 'G', live: true, help: 'shut down the selected VM\'s guest OS (after y to confirm): the guest powers itself off, HA leaves it off',
    action: simCommand('G', shutdownGuest) },
  { key: ':', live: true, help: 'the command line: the profile timeline\'s commands typed with its field names and units, ' +
    'e.g. :migrate web-1 to=esx-b, :load db cpu=80% for=60s, :freeze api, :fail xen-1 partition=Domain-0 (Tab completes, ↑ ↓ recall, Enter runs, Esc cancels)',
    hint: 'command', action: simCommand(': commands', openCommandLine) },
  { key: 'D', live: true, help: 'deploy a new VM from a template: pick the template, then a host or any (DRS places it); Enter sends, Esc cancels. A template marked appliance is a virtual appliance, deployed with its own settings; a security virtual appliance (appliance: sva) then watches the VMs of its host through the hypervisor, costs CPU and memory for each (its row, its details) and reports a VM whose network bursts (sva-alert in E)',
    action: simCommand('D', openDeploy) },
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
 * Footer text: keys with a hint that work here (this panel; in a replay, not the keys it refuses),
 * grouped by hint in table order ("U/R/N sort"). With a width, a group that does not fit is left
 * out whole rather than cut, so later short groups may still show.
 */
export function footerHints(panel: PanelId, width = Infinity, replaying = false): string {
  const groups = new Map<string, string[]>();
  for (const b of KEYMAP) {
    if (!b.hint || !appliesIn(b, panel) || (replaying && b.live)) continue;
    groups.set(b.hint, [...(groups.get(b.hint) ?? []), b.label]);
  }
  const text = (hints: readonly string[]) => hints.map((h) => `${groups.get(h)!.join('/')} ${h}`).join('  ');
  // Chosen by how much a newcomer needs them (quitting and help, then what this panel is about,
  // then the panels), shown in table order, so a narrow footer keeps the way out and the way around.
  const priority = [...FOOTER_FIRST, ...(PANELS[panel].footer ?? []), ...FOOTER_PRIORITY];
  const rank = (h: string) => {
    const at = priority.indexOf(h);
    return at < 0 ? priority.length : at;
  };
  const chosen = new Set<string>();
  for (const hint of [...groups.keys()].sort((a, b) => rank(a) - rank(b))) {
    const trial = [...groups.keys()].filter((h) => chosen.has(h) || h === hint);
    if (text(trial).length <= width) chosen.add(hint);
  }
  return text([...groups.keys()].filter((h) => chosen.has(h)));
}

const FOOTER_FIRST = ['quit', 'help'];
/**
 * After a panel's own: space before Tab, since an esxtop user presses space for a refresh and
 * must read that it pauses here, while the title line's `1/7` and o already say there are more
 * hosts. At 80 columns the CPU panel has room for one of them beside e.
 */
const FOOTER_PRIORITY = ['panel', 'sort', 'pause', 'host', 'expand', 'speed', 'filter', 'details', 'load'];
