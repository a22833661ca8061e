// The help screen's lines, from the key table and the CPU and memory field tables, so the help
// cannot drift from what the keys and columns do.

import { CPU_FIELDS, type FieldDef } from '../fields/cpu.js';
import { MEM_FIELDS } from '../fields/memory.js';
import { fit } from './columns.js';
import { DIALOG_HELP } from './help-dialogs.js';
import { PANEL_HELP } from './help-panels.js';
import { KEYMAP, type KeyBinding } from './keymap.js';
import { PANEL_NAMES } from './state.js';

const KEY_COLUMN = 10;
const ALL_PANELS = Object.keys(PANEL_NAMES).length;
const FIXED_COLUMNS: readonly [string, string][] = [
  ['ID', 'group id (GID) of a VM; on a vCPU row, the world id'],
  ['NAME', 'VM name; vCPU worlds of an expanded VM are vcpu-0, vcpu-1, …'],
  ['NWLD', 'number of worlds: one per vCPU plus the VMX and MKS helpers'],
];

const MEM_HEADER: readonly [string, string][] = [
  ['PMEM', 'physical memory: total = vmk (hypervisor, Dom0 or host OS) + other (VMs) + free'],
  ['VMKMEM', 'minfree (free memory the host keeps back), the memory state, and MEM overcommit as esxtop gives it, the excess of VMs\' configured memory over the memory for VMs (0.25 = 25% more than there is; 0 = not overcommitted), then the plain ratio'],
  ['state', 'free memory against minfree (vSphere 6+): high from 400 %, clear from 100 % (no reclamation beyond page sharing), ' +
    'soft from 64 % (yellow: ballooning), hard from 32 % and low below (red: compression and host swapping; low also holds allocations); ' +
    'a host climbs back only 5 % of minfree past a boundary'],
  ['PSHARE', 'page sharing: guest memory shared, machine memory holding it, and the saving. Across VMs when the host\'s tps is ' +
    'shared (the textbook\'s, and the profile default); only within each VM under tps: per-vm (ESXi 6.0\'s default salting). ' +
    'Each VM is scanned at most once per share_scan_time (ESXi\'s Mem.ShareScanTime: 60 min)'],
  ['SWAP', 'host swap in use and the target to reclaim, swap-in and swap-out rates; ZIP compressed; MEMCTL balloon held and targeted'],
];

/** A key's help text, prefixed with its panel when it does not apply everywhere. */
export function bindingHelp(b: KeyBinding): string {
  if (!b.panels || b.panels.length === ALL_PANELS) return b.help;
  return `${b.panels.map((p) => PANEL_NAMES[p]).join(', ')}: ${b.help}`;
}

/** Greedy word wrap; a word longer than the width is cut by fit() later. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...lines, current];
}

function limits(f: FieldDef): string {
  return [f.warn !== undefined ? `yellow > ${f.warn}` : '', f.alarm !== undefined ? `red > ${f.alarm}` : '']
    .filter(Boolean).join(', ');
}

export function helpLines(width: number): string[] {
  const indent = KEY_COLUMN + 3;
  // Long meanings wrap under their text column instead of being cut off.
  // A label wider than the key column gets a line of its own, the meaning under it.
  const line = (left: string, right: string) => {
    const long = left.length > KEY_COLUMN;
    const parts = wrap(right, Math.max(10, width - indent))
      .map((part, i) => fit(`  ${(i === 0 && !long ? left : '').padEnd(KEY_COLUMN)} ${part}`, width));
    return long ? [fit(`  ${left}`, width), ...parts] : parts;
  };
  // section titles wrap too: a long one is never cut off at 80 columns
  const title = (text: string) => wrap(text, width).map((part) => fit(part, width));
  const lines = [fit('Keys', width)];
  for (const b of KEYMAP) lines.push(...line(b.label, bindingHelp(b)));
  lines.push(fit('', width), ...title(DIALOG_HELP.title));
  for (const [name, meaning] of DIALOG_HELP.rows) lines.push(...line(name, meaning));
  lines.push(fit('', width), ...title('CPU panel columns (% of the interval; a VM sums its vCPUs)'));
  for (const [name, meaning] of FIXED_COLUMNS) lines.push(...line(name, meaning));
  for (const f of CPU_FIELDS) {
    const l = limits(f);
    lines.push(...line(f.key, f.meaning + (l ? ` [per vCPU: ${l}]` : '')));
  }
  lines.push(fit('', width), ...title('Memory panel header (the selected host, MiB)'));
  for (const [name, meaning] of MEM_HEADER) lines.push(...line(name, meaning));
  lines.push(fit('', width), ...title('Memory panel columns (per VM: MiB, /s columns MiB per second)'));
  for (const f of MEM_FIELDS) {
    const l = limits(f);
    lines.push(...line(f.key, f.meaning + (l ? ` [${l}]` : '')));
  }
  for (const section of PANEL_HELP) {
    lines.push(fit('', width), ...title(section.title));
    for (const [name, meaning] of section.rows) lines.push(...line(name, meaning));
  }
  return lines;
}
