// The monitor's dialogs: their state (in UiState.dialog), the keys that open them and the keys
// they take while open. An open dialog owns the keyboard; Esc closes every one of them without
// sending anything. The keys that change the simulation (A load, Z freeze/thaw) are wrapped in the
// key table's simCommand(), which refuses them while a recording plays back; the clock refuses a
// submit then too.

import { eventLogKey, type EventLogDialog } from './event-log.js';
import { commandLineKey, type CommandLineDialog } from './command-line/line.js';
import { splitLoad } from '../engine/cpu/load-amount.js';
import type { Command } from '../profile/types.js';
import { brokenMessage, loadConfig, saveConfig, type ViewSettings } from './config.js';
import { pickKey } from './dialogs-cluster.js';
import { entityOf, ENTITY_WORDS, type Entity } from './entity.js';
import { fieldsKey, openFields } from './fields-chooser.js';
import { filterKey, openFilter } from './filter.js';
import type { KeyEnv } from './keymap.js';
import { notInReplay } from './replay-refusal.js';
import { keyLabel } from './keys.js';
import type { PanelRow } from './panels/rows.js';
import { say, selectedIndex, type UiState } from './state.js';
import { nextTheme } from './theme.js';
import { wrapWords } from './wrap.js';

/** What a confirmation carries out on `y`. */
export type Confirmed =
  | { type: 'command'; command: Command; done: string; detail?: string }
  | { type: 'write-config' };

export type Dialog =
  /** `/`: the filter being typed, and the one in effect before */
  | { kind: 'filter'; text: string; before: string }
  /** `f`: the field under the cursor */
  | { kind: 'fields'; cursor: number }
  /** Enter: the details of one entity, by the row key it was opened on */
  | { kind: 'details'; row: { key: string; name: string; kind?: string; gid?: number }; top: number }
  /**
   * `L`: the total CPU (% of one vCPU, or of one CPU for a container, as %USED sums them) up to
   * `max`, and the duration (s), as typed; the field being edited
   */
  | { kind: 'load'; target: string; what: string; unit: 'vCPU' | 'CPU'; max: number; cpu: string; secs: string; field: 0 | 1; error: string | null }
  /** a y/n question before something destructive, with a line of why if there is one */
  | { kind: 'confirm'; question: string; detail?: string; yes: Confirmed }
  /** `V` and `D`: a list to pick from (hosts with why one is not eligible, templates), ↑ ↓ and Enter */
  | PickDialog
  /** `E`: the event log */
  | EventLogDialog
  /** `:`: the command line */
  | CommandLineDialog;

/** One line of a picker: what Enter sends, and why it may not be picked. */
export interface Choice {
  value: string;
  label: string;
  /** `eligible`, or why not */
  note: string;
  ok: boolean;
}

export interface PickDialog {
  kind: 'pick';
  /**
   * migrate: `target` to the host picked; relocate: `target`'s disk to that host's datastore (Tab
   * switches between the two); template: then the host for it; deploy-host: deploy `target` there
   */
  purpose: 'migrate' | 'relocate' | 'template' | 'deploy-host';
  target: string;
  title: string;
  choices: Choice[];
  cursor: number;
  error: string | null;
}

/** Picker lines shown at most; the list scrolls past them. */
export const PICK_ROWS = 8;

export const LOAD_DEFAULTS = { cpu: '100', secs: '60' } as const;
/** `cpu`: % of one vCPU in all, up to every vCPU of the VM busy (a container: ten CPUs' worth). */
export const LOAD_LIMITS = { cpu: [1, 1000], secs: [1, 3600] } as const;

/** Lines a confirmation's detail may wrap onto: a sentence of what happens, never a page. */
const DETAIL_LINES = 2;

/** A confirmation's detail wrapped into the box (`width` the dialog's, border and padding off). */
export function confirmDetail(d: Dialog & { kind: 'confirm' }, width: number): string[] {
  if (!d.detail) return [];
  return wrapWords(d.detail, Math.max(10, width - 4), DETAIL_LINES).filter((line, i) => i === 0 || line.trim() !== '');
}

/** Lines a dialog takes above the status line (bordered box), 0 for those drawn elsewhere. */
export function dialogHeight(d: Dialog | null, width: number): number {
  if (!d) return 0;
  if (d.kind === 'load') return 5;
  if (d.kind === 'confirm') return 4 + confirmDetail(d, width).length;
  if (d.kind === 'pick') return Math.min(PICK_ROWS, d.choices.length) + 4;
  return 0;
}

export { say };

export function selectedEntity(s: UiState, env: KeyEnv): { entity?: Entity; row?: PanelRow } {
  const rows = env.rows(s);
  const i = selectedIndex(rows, s);
  if (i < 0) return {};
  const row = rows[i];
  return { entity: entityOf(row, env.view.snapshot), row };
}

/** Sends a command; its result (or the engine's refusal) becomes the status line's answer. */
export function send(s: UiState, env: KeyEnv, command: Command, done: string, detail?: string): UiState {
  if (!env.clock.submit(command)) {
    const why = env.clock.replaying ? notInReplay(env.clock) : 'this monitor has no simulation to command';
    return say({ ...s, dialog: null }, `${command.action} refused: ${why}`);
  }
  return { ...s, dialog: null, message: `${done}; the result shows at the next refresh`,
    awaiting: { target: command.target, t: env.view.snapshot.t, ...(detail ? { detail } : {}) } };
}

// ---- keys that open dialogs (bound in the key table) -------------------------------------------

export const openFilterKey = (s: UiState): UiState => openFilter(s);
export const openFieldsKey = (s: UiState): UiState => openFields(s);

export function openDetails(s: UiState, env: KeyEnv): UiState {
  const { entity, row } = selectedEntity(s, env);
  if (!row) return say(s, 'no row selected to show');
  if (!entity) return say(s, `${row.name}: nothing more to show about it`);
  return { ...s, dialog: { kind: 'details', row: { key: row.key, name: row.name, kind: row.kind, gid: row.gid }, top: 0 }, message: null };
}

export function openLoad(s: UiState, env: KeyEnv): UiState {
  const { entity, row } = selectedEntity(s, env);
  if (!row) return say(s, 'no row selected: A injects load into the selected VM or container');
  if (!entity || (entity.kind !== 'vm' && entity.kind !== 'container' && entity.kind !== 'service')) {
    return say(s, `A injects load into a VM or a container; ${row.name} is ${entity ? `a ${ENTITY_WORDS[entity.kind]}` : 'neither'}`);
  }
  if (entity.kind === 'vm' && entity.vm.kind === 'system') return say(s, `A: ${entity.name} is the host's own partition, not a VM to load`);
  // a VM's vCPUs bound what a load can add: L 300 on two vCPUs would promise what never runs
  const vm = entity.kind === 'vm';
  return { ...s, message: null, dialog: { kind: 'load', target: entity.name, what: ENTITY_WORDS[entity.kind],
    unit: vm ? 'vCPU' : 'CPU', max: vm ? entity.vm.vcpus * 100 : LOAD_LIMITS.cpu[1],
    cpu: LOAD_DEFAULTS.cpu, secs: LOAD_DEFAULTS.secs, field: 0, error: null } };
}

export function freezeThaw(s: UiState, env: KeyEnv): UiState {
  const { entity, row } = selectedEntity(s, env);
  if (!row) return say(s, 'no row selected: Z freezes or thaws the selected container (g lists them)');
  if (!entity || entity.kind !== 'container') {
    return say(s, `Z freezes or thaws a container; ${row.name} is ${entity ? `a ${ENTITY_WORDS[entity.kind]}` : 'not one'} (g lists the containers)`);
  }
  if (entity.ct.frozen || entity.ct.state === 'frozen') {
    return send(s, env, { action: 'thaw', target: entity.name }, `thaw sent to ${entity.name}`);
  }
  return { ...s, message: null, dialog: { kind: 'confirm',
    question: `Freeze container ${entity.name}? Its ${entity.ct['pids.current']} tasks stop until thawed.`,
    yes: { type: 'command', command: { action: 'freeze', target: entity.name }, done: `freeze sent to ${entity.name}` } } };
}

export function cycleTheme(s: UiState): UiState {
  const theme = nextTheme(s.theme);
  return say({ ...s, theme }, `theme ${theme}${theme === 'none' ? ' (no colour; the selection shows inverse)' : ''} (W saves)`);
}

export function viewSettings(s: UiState, env: KeyEnv): ViewSettings {
  const hiddenFields = Object.fromEntries(Object.entries(s.hidden).filter(([, keys]) => keys && keys.length).map(([p, keys]) => [p, [...keys!]]));
  return { panel: s.panel, sort: s.sort, delay: env.view.delayS, theme: s.theme, hiddenFields };
}

function writeConfig(s: UiState, env: KeyEnv): UiState {
  const path = env.configPath;
  const error = saveConfig(path, viewSettings(s, env));
  return say({ ...s, dialog: null }, error ? `could not write ${path}: ${error}` : `view settings written to ${path}`);
}

/** `W`: writes the settings, but asks first when the file there is broken (it may be hand-edited). */
export function writeSettings(s: UiState, env: KeyEnv): UiState {
  const existing = loadConfig(env.configPath);
  if (existing.error) {
    return { ...s, message: null, dialog: { kind: 'confirm',
      question: 'Overwrite the broken config file?', detail: brokenMessage(existing), yes: { type: 'write-config' } } };
  }
  return writeConfig(s, env);
}

// ---- keys while a dialog is open ---------------------------------------------------------------

/** `CPU: 1..200 % of one vCPU (web has 2 vCPUs)` */
function loadRange(d: Dialog & { kind: 'load' }): string {
  const why = d.unit === 'vCPU' ? ` (${d.target} has ${d.max / 100} vCPU${d.max === 100 ? '' : 's'})` : '';
  return `CPU: ${LOAD_LIMITS.cpu[0]}..${d.max} % of one ${d.unit}${why}`;
}

function loadKey(s: UiState, d: Dialog & { kind: 'load' }, id: string, env: KeyEnv): UiState {
  const name = d.field === 0 ? 'cpu' : 'secs';
  const set = (patch: Partial<typeof d>): UiState => ({ ...s, dialog: { ...d, error: null, ...patch } });
  if (id === 'esc') return say({ ...s, dialog: null }, `load on ${d.target} cancelled: nothing sent`);
  if (id === 'tab' || id === 'S-tab' || id === 'up' || id === 'down' || id === 'left' || id === 'right') {
    return set({ field: d.field === 0 ? 1 : 0 });
  }
  if (id === 'backspace') return set({ [name]: d[name].slice(0, -1) });
  if (/^[0-9]$/.test(id)) return set({ [name]: (d[name] + id).slice(0, Math.max(4, String(d.max).length)) });
  if (id === 'enter') {
    const cpu = Number(d.cpu);
    const secs = Number(d.secs);
    const bad = (typed: string, v: number, lo: number, hi: number) => typed === '' || !Number.isInteger(v) || v < lo || v > hi;
    if (bad(d.cpu, cpu, LOAD_LIMITS.cpu[0], d.max)) return set({ field: 0, error: loadRange(d) });
    if (bad(d.secs, secs, ...LOAD_LIMITS.secs)) return set({ field: 1, error: `duration: ${LOAD_LIMITS.secs[0]}..${LOAD_LIMITS.secs[1]} s` });
    // recorded as the engine reads it: each busy thread's fraction of one vCPU (see load-amount)
    return send(s, env, { action: 'load', target: d.target, ...splitLoad(cpu), forMs: secs * 1000 },
      `load +${cpu}% for ${secs}s sent to ${d.target}`);
  }
  return { ...s, dialog: { ...d, error: `${keyLabel(id)}: digits edit, Tab switches field, Enter applies, Esc cancels` } };
}

function confirmKey(s: UiState, d: Dialog & { kind: 'confirm' }, id: string, env: KeyEnv): UiState {
  if (id === 'y' || id === 'Y') {
    if (d.yes.type === 'write-config') return writeConfig(s, env);
    return send(s, env, d.yes.command, d.yes.done, d.yes.detail);
  }
  if (id === 'n' || id === 'N' || id === 'esc' || id === 'q') return say({ ...s, dialog: null }, 'cancelled: nothing done');
  return s;
}

function detailsKey(s: UiState, d: Dialog & { kind: 'details' }, id: string, page: number): UiState {
  const scroll = (top: number): UiState => ({ ...s, dialog: { ...d, top: Math.max(0, top) } });
  switch (id) {
    case 'esc': case 'enter': case 'q': return { ...s, dialog: null, message: null };
    case 'up': return scroll(d.top - 1);
    case 'down': return scroll(d.top + 1);
    case 'pgup': return scroll(d.top - page);
    case 'pgdn': return scroll(d.top + page);
    case 'home': return scroll(0);
    default: return { ...s, message: `${keyLabel(id)}: Esc, Enter or q closes the details; ↑ ↓ scroll` };
  }
}

/** Keys while a dialog is open: the dialog takes every one of them. */
export function dialogKey(s: UiState, id: string, env: KeyEnv): UiState {
  const d = s.dialog;
  if (!d) return s;
  switch (d.kind) {
    case 'filter': return filterKey(s, id);
    case 'fields': return fieldsKey(s, id, Math.max(1, env.page(s)));
    case 'details': return detailsKey(s, d, id, Math.max(1, env.page(s)));
    case 'load': return loadKey(s, d, id, env);
    case 'confirm': return confirmKey(s, d, id, env);
    case 'pick': return pickKey(s, d, id, env);
    case 'events': return eventLogKey(s, d, id, env.view.events, Math.max(1, env.page(s)));
    case 'command': return commandLineKey(s, d, id, env);
  }
}
