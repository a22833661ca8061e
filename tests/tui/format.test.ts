// Pure formatting: column fitting by importance, number widths, the pCPU line, clock and uptime.

import { expect, test } from 'vitest';
import { CPU_FIELDS } from '../../src/fields/cpu.js';
import { fit, formatPct } from '../../src/tui/columns.js';
import { fitTable, type Column } from '../../src/tui/panels/table.js';
import { CPU_OFF_BY_DEFAULT, CPU_TABLE } from '../../src/tui/panels/cpu/table.js';
import { formatClock, formatUptime } from '../../src/tui/header-format.js';
import { pcpuLine } from '../../src/tui/panels/cpu/header.js';
import { keyIds } from '../../src/tui/keys.js';
import type { Key } from 'ink';

test('fields leave in order of importance, and the kept ones keep table order', () => {
  // the CPU ALLOC group is off by default, as in esxtop
  const fields = (cols: readonly Column<unknown>[]) => cols.filter((c) => CPU_FIELDS.some((f) => f.key === c.key));
  const all = fitTable(CPU_TABLE, 199, false, [], CPU_OFF_BY_DEFAULT);
  expect(fields(all.columns).map((f) => f.key)).toEqual(CPU_FIELDS.map((f) => f.key));
  const narrow = fitTable(CPU_TABLE, 59, true, [], CPU_OFF_BY_DEFAULT);
  expect(narrow.columns[0].key).toBe('NWLD');
  const kept = fields(narrow.columns).map((f) => f.key);
  const dropped = CPU_FIELDS.filter((f) => !kept.includes(f.key));
  const lowestKept = Math.min(...CPU_FIELDS.filter((f) => kept.includes(f.key)).map((f) => f.importance));
  expect(dropped.every((f) => f.importance <= lowestKept)).toBe(true);
  expect(kept).toEqual(CPU_FIELDS.filter((f) => kept.includes(f.key)).map((f) => f.key));
  expect(kept).toContain('%RDY');
});

test('numbers give up decimals before they overflow their column', () => {
  expect(formatPct(12.345, 7)).toBe('  12.35');
  expect(formatPct(1600, 7)).toBe('1600.00');
  expect(formatPct(12800, 6)).toBe(' 12800');
  expect(fit('abcdefgh', 5)).toBe('abcd…');
});

test('pCPU lists are cut with … and AVG always stays', () => {
  const line = pcpuLine('USED', Array.from({ length: 64 }, () => 55.5), 55.5, 59);
  expect(line.length).toBeLessThanOrEqual(59);
  expect(line).toMatch(/^PCPU USED\(%\): 55\.5 .* … {2}AVG: 55\.5/);
});

test('simulated clock and uptime', () => {
  expect(formatClock(0)).toBe('00:00:00');
  expect(formatClock(86_400 + 3661)).toBe('01:01:01');
  expect(formatUptime(2 * 86_400 + 7 * 3600 + 49 * 60)).toBe('2d 7:49');
});

test('a coalesced chunk becomes one key per character; special keys stay whole', () => {
  const none = {} as Key;
  expect(keyIds('cR e', none)).toEqual(['c', 'R', 'space', 'e']);
  expect(keyIds('', { ...none, upArrow: true })).toEqual(['up']);
  expect(keyIds('c', { ...none, ctrl: true })).toEqual(['C-c']);
  expect(keyIds('\u0003', none)).toEqual(['C-c']);
});

test('counts of one read in the singular: 1 pCPU, 1 VM, 1 vCPU, 1 world', async () => {
  const { clockLine, titleText } = await import('../../src/tui/header-format.js');
  const { host, snapshot, vm } = await import('./fixtures.js');
  const one = host({ name: 'vs-1', pcpus: 1, vmCount: 1, vcpuCount: 1 });
  expect(titleText({ profile: 'p', host: one, hostIndex: 0, hostCount: 1, speed: 1, delayS: 2 }).rest)
    .toMatch(/^host vs-1 \(\w+, 1 pCPU, up\) 1\/1/);
  const snap = snapshot({ hosts: [one], vms: [vm({ gid: 1001, name: 'solo', host: 'vs-1', NWLD: 1 })] });
  expect(clockLine(snap, one, 200)).toMatch(/, 1 world, 1 VM, 1 vCPU; CPU load average: /);
  const two = host({ name: 'esx-a', pcpus: 8, vmCount: 2, vcpuCount: 4 });
  expect(titleText({ profile: 'p', host: two, hostIndex: 0, hostCount: 1, speed: 1, delayS: 2 }).rest).toContain('8 pCPUs');
  expect(clockLine(snapshot({ hosts: [two], vms: [] }), two, 200)).toMatch(/, 0 worlds, 2 VMs, 4 vCPUs; /);
});
