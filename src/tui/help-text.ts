// The help screen's lines, from the key table and the CPU field table, so the help cannot drift
// from what the keys and columns do.

import { CPU_FIELDS } from '../fields/cpu.js';
import { fit } from './columns.js';
import { KEYMAP } from './keymap.js';

const KEY_COLUMN = 10;
const FIXED_COLUMNS: readonly [string, string][] = [
  ['ID', 'group id (GID) of a VM; on a vCPU row, the world id'],
  ['NAME', 'VM name; vCPU worlds of an expanded VM are vcpu-0, vcpu-1, …'],
  ['NWLD', 'number of worlds: one per vCPU plus the VMX and MKS helpers'],
];

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

export function helpLines(width: number): string[] {
  const indent = KEY_COLUMN + 3;
  // Long meanings wrap under their text column instead of being cut off.
  const line = (left: string, right: string) => wrap(right, Math.max(10, width - indent))
    .map((part, i) => fit(`  ${(i === 0 ? left : '').padEnd(KEY_COLUMN)} ${part}`, width));
  const lines = [fit('Keys', width)];
  for (const b of KEYMAP) lines.push(...line(b.label, b.help));
  lines.push(fit('', width), fit('CPU panel columns (% of the interval; a VM sums its vCPUs)', width));
  for (const [name, meaning] of FIXED_COLUMNS) lines.push(...line(name, meaning));
  for (const f of CPU_FIELDS) {
    const limits = [f.warn !== undefined ? `yellow > ${f.warn}` : '', f.alarm !== undefined ? `red > ${f.alarm}` : '']
      .filter(Boolean).join(', ');
    lines.push(...line(f.key, f.meaning + (limits ? ` [per vCPU: ${limits}]` : '')));
  }
  return lines;
}
