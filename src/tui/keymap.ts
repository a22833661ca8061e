// The one key table. The input handler dispatches through it, the help screen lists it and the
// footer is built from its hints, so a key cannot do one thing and be documented as another.

import { REPLAY_ENDED, type ClockControls, type MonitorView } from './clock.js';
import { cycleTheme, freezeThaw, openDetails, openFieldsKey, openFilterKey, openLoad, writeSettings } from './dialogs.js';
import { failRecover, openDeploy, openMigrate, powerOnOff, resetVm, shutdownGuest, suspendResume } from './dialogs-cluster.js';
import { formatSpeed } from './header-format.js';
import { keyLabel } from './keys.js';
import { carriedKey, type PanelRow, type SortKey } from './panels/rows.js';
import { PANELS, panelSort, panelSorts } from './panels/registry.js';
import { selectedIndex, selectIndex, type PanelId, type UiState } from './state.js';

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
  /** the sample on screen and the clock's settings (details, actions and W read them) */
  view: MonitorView;
  /** where W writes the view settings */
  configPath: string;
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

/**
 * Every key that changes the simulation (load, migrate, freeze, fail, and any later one) goes
 * through this: while a recording plays back it is refused with a message, since a replay can
 * only show what the recorded run did.
 */
export const simCommand = (key: string, action: KeyAction): KeyAction => (s, env) =>
  env.replaying
    ? say(s, `${key}: not while replaying: a replay shows the recorded run (run the profile live to change it)`)
    : action(s, env);

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

/** How each panel names its orders; IO is the panel's own default order. */
function sortName(panel: PanelId, sort: SortKey): string {
  if (sort === 'NAME') return 'name';
  if (sort === 'IO') return panel === 'hosts' ? 'profile order' : 'busiest first';
  if (panel === 'cgroup') return sort === '%USED' ? 'cpu.usage%' : 'memory.current';
  return sort;
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

/** Containers panel: opens or closes the selected service (or a selected replica's service). */
const expandService: KeyAction = (s, env) => {
  const rows = env.rows(s);
  const index = selectedIndex(rows, s);
  if (index < 0) return say(s, 'no service selected to expand');
  const row = rows[index];
  const key = row.kind === 'service' ? row.key : row.parent;
  if (!key) {
    const what = row.kind === 'container' ? 'a lone container' : 'a kernel';
    return say(s, `${row.name} is ${what}: e expands a service (▸, ×N replicas) into its containers`);
  }
  const name = key.slice(key.indexOf(':') + 1);
  const open = s.openServices.includes(name);
  const openServices = open ? s.openServices.filter((n) => n !== name) : [...s.openServices, name];
  const next = { ...s, openServices, selected: key };
  const after = env.rows(next);
  const replicas = after.filter((r) => r.parent === key).length;
  const message = open ? `collapsed ${name}` : `expanded ${name} into ${replicas} container rows`;
  return say(selectIndex(next, after, after.findIndex((r) => r.key === key), env.page(next)), message);
};

/** Hosts overview: opens or closes the selected host (or a VM row's host) into its VMs. */
const expandHost: KeyAction = (s, env) => {
  const rows = env.rows(s);
  const index = selectedIndex(rows, s);
  if (index < 0) return say(s, 'no host selected to expand');
  const row = rows[index];
  const key = row.kind === 'host' ? row.key : row.parent;
  if (!key) return say(s, `${row.name} has no VMs to show`);
  const name = key.slice(key.indexOf(':') + 1);
  const open = s.openHosts.includes(name);
  const openHosts = open ? s.openHosts.filter((n) => n !== name) : [...s.openHosts, name];
  const next = { ...s, openHosts, selected: key };
  const after = env.rows(next);
  const vms = after.filter((r) => r.parent === key).length;
  const message = open ? `collapsed ${name}` : `expanded ${name} into ${vms} VM row${vms === 1 ? '' : 's'} (V migrates the selected VM)`;
  return say(selectIndex(next, after, after.findIndex((r) => r.key === key), env.page(next)), message);
};

/** What sorts a panel, for the answer to a sort key that has no meaning there. */
const SORTS_HERE: Record<PanelId, string> = {
  cpu: 'here U sorts by %USED, R by %RDY, N by name',
  mem: 'here M sorts by MEMSZ, N by name',
  net: 'here the busiest port is first, N sorts by name',
  disk: 'here the busiest disk is first, N sorts by name',
  cgroup: 'here U: cpu.usage%, M: memory.current, N: name',
  vserver: 'here U sorts by %USED, N by name',
  hosts: 'here hosts keep the profile\'s order, N sorts by name',
};

const notSortedHere = (what: string): KeyAction => (s) => say(s, `${what}; ${SORTS_HERE[s.panel]}`);

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
  : { ...s, prompt: { text: '', error: null } };

const stepOnce: KeyAction = (s, env) => {
  if (env.clock.step()) return say(s, env.replaying ? 'stepped to the next recorded sample' : 'stepped one refresh interval');
  return say(s, env.replaying && env.clock.replaying ? 'the end of the recording (q quits)' : 'step works while paused: space pauses');
};

type Row = Omit<KeyBinding, 'label'> & { label?: string };

const TABLE: readonly Row[] = [
  { key: 'q', help: 'quit, terminal restored', hint: 'quit', action: quit },
  { key: 'C-c', help: 'quit, terminal restored', action: quit },
  { key: 'h', help: 'help: every key and every column (Esc, h or q closes)', hint: 'help', action: openHelp },
  { key: '?', help: 'help, same as h', action: openHelp },
  { key: 'e', help: 'expand / collapse the selected VM into its vCPU worlds', panels: ['cpu'], hint: 'expand', action: expand },
  { key: 'e', help: 'no expansion here: memory belongs to the VM, not to its vCPUs (says so)', panels: ['mem'],
    action: later('e expands a VM into vCPUs in the CPU panel only: memory is per VM (c for CPU)') },
  { key: 'e', help: 'no expansion here: a VM has one port and one virtual disk (says so)', panels: ['net', 'disk'],
    action: later('e expands a VM into vCPUs in the CPU panel (c) and a service into its containers (g); here a VM is one row') },
  { key: 'e', help: 'expand / collapse the selected service into its replica containers', panels: ['cgroup'], hint: 'expand',
    action: expandService },
  { key: 'e', help: 'no expansion here: a guest is one context (says so)', panels: ['vserver'],
    action: later('a VServer guest has no child rows: e expands VMs in the CPU panel (c) and services in the containers panel (g)') },
  { key: 'e', help: 'expand / collapse the selected host into its VMs (their state: running, mig n%, suspended, off, DOWN and why)',
    panels: ['hosts'], hint: 'expand', action: expandHost },
  { key: 'U', help: 'sort by %USED, highest first', panels: ['cpu'], hint: 'sort', action: sortBy('%USED', '%USED') },
  { key: 'U', help: 'not a memory sort: answers that M sorts by MEMSZ and N by name', panels: ['mem'],
    action: later('U sorts the CPU panel by %USED; here M sorts by MEMSZ, N by name') },
  { key: 'U', help: 'sort by cpu.usage% (a service by its replicas\' total), highest first', panels: ['cgroup'], hint: 'sort',
    action: sortBy('%USED', 'cpu.usage%') },
  { key: 'U', help: 'sort by %USED, highest first', panels: ['vserver'], hint: 'sort', action: sortBy('%USED', '%USED') },
  { key: 'U', help: 'not a sort here: answers which keys sort the panel', panels: ['net', 'disk', 'hosts'],
    action: notSortedHere('U sorts c, g and t by %USED') },
  { key: 'R', help: 'sort by %RDY, highest first', panels: ['cpu'], hint: 'sort', action: sortBy('%RDY', '%RDY') },
  { key: 'R', help: 'not a memory sort: answers that M sorts by MEMSZ and N by name', panels: ['mem'],
    action: later('R sorts the CPU panel by %RDY; here M sorts by MEMSZ, N by name') },
  { key: 'R', help: 'not a sort here: answers which keys sort the panel', panels: ['net', 'disk', 'cgroup', 'vserver', 'hosts'],
    action: notSortedHere('R sorts the CPU panel by %RDY') },
  { key: 'M', help: 'sort by MEMSZ (configured memory), largest first; ties by name', panels: ['mem'], hint: 'sort',
    action: sortBy('MEMSZ', 'MEMSZ') },
  { key: 'M', help: 'not a CPU sort: answers that m shows the memory panel, where M sorts', panels: ['cpu'],
    action: later('M sorts the memory panel by MEMSZ: press m for it') },
  { key: 'M', help: 'sort by memory.current, largest first; ties by name', panels: ['cgroup'], hint: 'sort',
    action: sortBy('MEMSZ', 'memory.current') },
  { key: 'M', help: 'not a sort here: answers which keys sort the panel', panels: ['net', 'disk', 'vserver', 'hosts'],
    action: notSortedHere('M sorts the m and g panels') },
  { key: 'N', help: 'sort by name (kept when switching panels)', hint: 'sort', action: sortBy('NAME', 'name') },
  { key: '<', help: 'the previous of this panel\'s sort orders (as htop; the status line lists them)', action: stepSort(-1) },
  { key: '>', help: 'the next of this panel\'s sort orders', action: stepSort(1) },
  { key: 'space', help: 'pause / resume the simulation (PAUSED shows in the title line)', hint: 'pause', action: togglePause },
  { key: '+', help: 'double the speed (simulated seconds per wall second, x0.25 to x64)', hint: 'speed', action: speed(2) },
  { key: '-', help: 'halve the speed', hint: 'speed', action: speed(0.5) },
  { key: '.', help: 'while paused: one refresh forward (a replay: the next recorded sample)', hint: 'step', action: stepOnce },
  { key: 's', help: 'set the refresh interval in simulated seconds (digits, Enter applies, Esc cancels)', hint: 'delay', action: askDelay },
  { key: 'tab', help: 'show the next host', hint: 'host', action: cycleHost(1) },
  { key: ']', help: 'show the next host', action: cycleHost(1) },
  { key: '[', help: 'show the previous host', action: cycleHost(-1) },
  { key: 'up', help: 'select the row above', action: move((i) => i - 1) },
  { key: 'down', help: 'select the row below', action: move((i) => i + 1) },
  { key: 'pgup', help: 'select one page up', action: move((i, page) => i - page) },
  { key: 'pgdn', help: 'select one page down', action: move((i, page) => i + page) },
  { key: 'home', help: 'select the first row', action: move(() => 0) },
  { key: 'end', help: 'select the last row', action: move((_i, _p, total) => total - 1) },
  { key: 'c', help: 'CPU panel (esxtop c); host, name sort and selected VM carry over', hint: 'panel', action: showPanel('cpu') },
  { key: 'm', help: 'memory panel (esxtop m); host, name sort and selected VM carry over', hint: 'panel', action: showPanel('mem') },
  { key: 'n', help: 'network panel (esxtop n): each VM\'s port, Domain-0 / Parent-Partition first; the uplink in the header', hint: 'panel', action: showPanel('net') },
  { key: 'd', help: 'disk panel (esxtop d): each VM\'s virtual disk, its IOPS and DAVG/KAVG/GAVG; the datastore in the header', hint: 'panel', action: showPanel('disk') },
  { key: 'g', help: 'containers panel: the cgroup tree per kernel (host, or a VM), services with their replicas (e)', hint: 'panel', action: showPanel('cgroup') },
  { key: 't', help: 'VServer panel: each guest\'s token bucket (R, T, S, M, tokens, holds)', hint: 'panel', action: showPanel('vserver') },
  { key: 'o', help: 'hosts (cluster) overview: every host\'s state, CPU and memory, VMs and migrations; the cluster\'s imbalance, ' +
    'DRS recommendations and HA capacity in the header (e shows a host\'s VMs)', hint: 'hosts', action: showPanel('hosts') },
  { key: '/', help: 'filter rows by name, every panel (live while typing; Enter keeps, Esc clears)', hint: 'filter', action: openFilterKey },
  { key: 'enter', help: 'details of the selected VM, container or guest: every metric, sparklines of its history (Esc closes)', hint: 'details', action: openDetails },
  { key: 'f', help: 'choose the panel\'s fields (space toggles, a shows all, Esc closes); NAME always shows', hint: 'fields', action: openFieldsKey },
  { key: 'W', help: 'write the view settings (panel, fields, sort, delay, theme) to the config file', action: writeSettings },
  { key: 'T', help: 'next colour theme: default, light (light backgrounds), none (no colour)', action: cycleTheme },
  { key: 'L', help: 'inject load into the selected VM or container: the total in % of one vCPU (200 = two vCPUs busy) and seconds (Enter sends, Esc cancels)', hint: 'load', action: simCommand('L', openLoad) },
  { key: 'V', help: 'migrate the selected VM (c m n d, or a VM row under o): pick the host from a list that says why a host is not eligible ' +
    '(↑ ↓, Enter sends, Esc cancels); Tab there moves its disk to another host\'s datastore instead (Storage vMotion)', hint: 'migrate', action: simCommand('V', openMigrate) },
  { key: 'Z', help: 'freeze (after y to confirm) / thaw the selected container', action: simCommand('Z', freezeThaw) },
  { key: 'X', help: 'fail (after y to confirm) / recover the selected host: o\'s selected host row, elsewhere the host on screen', hint: 'fail/recover',
    action: simCommand('X', failRecover) },
  { key: 'P', help: 'power the selected VM on, or off (after y to confirm: like pulling the plug)', action: simCommand('P', powerOnOff) },
  { key: 'S', help: 'suspend the selected VM (its memory written out, no CPU) / resume it; s (lower case) is the refresh interval',
    action: simCommand('S', suspendResume) },
  { key: 'B', help: 'reset the selected VM (after y to confirm: like its reset button, the guest reboots on its host)', action: simCommand('B', resetVm) },
  { key: 'G', help: 'shut down the selected VM\'s guest OS (after y to confirm): the guest powers itself off, HA leaves it off',
    action: simCommand('G', shutdownGuest) },
  { key: 'D', help: 'deploy a new VM from a template: pick the template, then a host or any (DRS places it); Enter sends, Esc cancels',
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
 * Footer text: keys with a hint, grouped by hint in table order ("U/R/N sort"). With a width, a
 * group that does not fit is left out whole rather than cut, so later short groups may still show.
 */
export function footerHints(panel: PanelId, width = Infinity): string {
  const groups = new Map<string, string[]>();
  for (const b of KEYMAP) {
    if (!b.hint || !appliesIn(b, panel)) continue;
    groups.set(b.hint, [...(groups.get(b.hint) ?? []), b.label]);
  }
  const text = (hints: readonly string[]) => hints.map((h) => `${groups.get(h)!.join('/')} ${h}`).join('  ');
  // Chosen by how much a newcomer needs them (quitting, help and the panels first), shown in
  // table order, so a narrow footer keeps the way out and the way around.
  const rank = (h: string) => {
    const at = FOOTER_PRIORITY.indexOf(h);
    return at < 0 ? FOOTER_PRIORITY.length : at;
  };
  const chosen = new Set<string>();
  for (const hint of [...groups.keys()].sort((a, b) => rank(a) - rank(b))) {
    const trial = [...groups.keys()].filter((h) => chosen.has(h) || h === hint);
    if (text(trial).length <= width) chosen.add(hint);
  }
  return text([...groups.keys()].filter((h) => chosen.has(h)));
}

const FOOTER_PRIORITY = ['quit', 'help', 'panel', 'host', 'sort', 'pause', 'expand', 'filter', 'details', 'load'];
