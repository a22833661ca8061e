// The memory panel (`m`): esxtop's memory header for the selected host, one row per VM with the
// MEM_FIELDS columns, its own sort key, and host, name sort and selection carried across panels.

import { afterEach, expect, test } from 'vitest';
import { MEM_FIELDS } from '../../src/fields/memory.js';
import { fitTable, formatField, tableRow } from '../../src/tui/panels/table.js';
import { MEM_TABLE } from '../../src/tui/panels/mem/table.js';
import { memHeaderLines, memStateLevel } from '../../src/tui/panels/mem/header.js';
import { footerHints } from '../../src/tui/keymap.js';
import type { MemRow } from '../../src/tui/panels/mem/rows.js';
import { host, HOST_MEMORY, lab, memory, NO_MEMORY, snapshot, vm } from './fixtures.js';
import { KEY, renderTui, rowNames, selectedName, statusLine, type Tui } from './render-tui.js';
import { expectFits } from './fits.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

/** 60 VMs with long names and memory under pressure, on a host in the hard state. */
const squeezed = () => snapshot({
  t: 600,
  hosts: [host({
    name: 'esx-a', vmCount: 60, vcpuCount: 120, MEM_STATE: 'hard', MEM_FREE: 300, overcommit: 2.5,
    SWAP: 123456, SWAP_TGT: 234567, 'SWR/s': 12.5, 'SWW/s': 34.75, ZIP: 98765, MEMCTL: 456789, MEMCTL_TGT: 567890,
  })],
  vms: Array.from({ length: 60 }, (_, i) => vm({
    gid: 3000 + i, name: `a-rather-long-virtual-machine-name-${i}`, ...memory(65536, 60000),
    MCTLSZ: 4000, SWCUR: 2000, 'SWR/s': 3.5, ZIP: 500, GSWAP: 100,
  })),
});

const columnsOf = (t: Tui) => t.lines()[6].trim().split(/ +/);

test('m shows the memory header with the snapshot\'s numbers and the VMs by MEMSZ; c returns', async () => {
  tui = await renderTui({ size: { columns: 200, rows: 60 } });
  await tui.press('m');
  const lines = tui.lines();
  expect(lines[0]).toBe('vmtop lab  host esx-a (esxi, 4 pCPUs, up) 1/2  speed x1  delay 2s');
  expect(lines.slice(2, 6)).toEqual([
    'PMEM  /MiB: 65536 total: 1024 vmk, 23552 other, 40960 free',
    'VMKMEM/MiB: 1270 minfree, high state   MEM overcommit: 0.00 (VMs 0.75x host)',
    'PSHARE/MiB: 700 shared, 200 common: 500 saving',
    'SWAP  /MiB: 12 curr, 34 rclmtgt  0.50 r/s, 1.25 w/s    ZIP/MiB: 56 zipped    MEMCTL/MiB: 78 curr, 90 target',
  ]);
  expect(columnsOf(tui)).toEqual(['ID', 'NAME', ...MEM_FIELDS.map((f) => f.key)]);
  expect(rowNames(tui)).toEqual(['bravo', 'alpha', 'charlie']);
  // bravo: MEMSZ 8192, GRANT 2048, CNSM 1948, SZTGT 2098, TCHD 2048, ACTV 1024, MCTLMAX 5325
  const bravo = lines.find((l) => l.includes(' bravo '))!.trim().split(/ +/);
  expect(bravo.slice(0, 7)).toEqual(['1002', 'bravo', '8192', '2048', '2098', '2048', '1024']);
  expect(statusLine(tui)).toBe('memory panel');
  expect(tui.lines().at(-1)).toBe(footerHints('mem', 199));
  expect(tui.lines().at(-1)).toMatch(/^q quit {2}h help {2}M\/N sort {2}space pause .* c\/m\/n\/v\/g\/t\/o panel/);

  await tui.press('c');
  expect(tui.lines()[2]).toMatch(/^PCPU USED\(%\): /);
  expect(tui.lines()[4]).toContain('%USED');
  expect(rowNames(tui)).toEqual(['alpha', 'charlie', 'bravo']);
});

test('M sorts by MEMSZ, largest first with ties by name; N by name; the sort is shared where it fits', async () => {
  const snap = lab();
  snap.vms = [...snap.vms, vm({ gid: 999, name: 'zulu', ...memory(8192, 100) }), vm({ gid: 1000, name: 'aardvark', ...memory(1024, 100) })];
  tui = await renderTui({ snapshots: [snap] });
  await tui.press('R', 'm');
  // a CPU sort has no meaning here: the memory panel shows its own default, MEMSZ
  expect(rowNames(tui)).toEqual(['bravo', 'zulu', 'alpha', 'charlie', 'aardvark']);
  await tui.press('N');
  expect(rowNames(tui)).toEqual(['aardvark', 'alpha', 'bravo', 'charlie', 'zulu']);
  await tui.press('c');
  expect(rowNames(tui)).toEqual(['aardvark', 'alpha', 'bravo', 'charlie', 'zulu']);
  await tui.press('R', 'm', 'c');
  expect(rowNames(tui)).toEqual(['bravo', 'charlie', 'alpha', 'zulu', 'aardvark']);
  await tui.press('m', 'N', 'M');
  expect(statusLine(tui)).toBe('sorted by MEMSZ');
  expect(rowNames(tui)).toEqual(['bravo', 'zulu', 'alpha', 'charlie', 'aardvark']);
  await tui.press('c');
  expect(rowNames(tui)[0]).toBe('alpha');
});

test('host and selected VM carry across panels; a selected vCPU hands over its VM', async () => {
  tui = await renderTui();
  await tui.press(KEY.down);
  expect(selectedName(tui)).toBe('charlie');
  await tui.press('m');
  expect(selectedName(tui)).toBe('charlie');
  await tui.press(KEY.home);
  expect(selectedName(tui)).toBe('bravo');
  await tui.press('c');
  expect(selectedName(tui)).toBe('bravo');
  await tui.press(KEY.home, 'e', KEY.down);
  expect(selectedName(tui)).toBe('vcpu-0');
  await tui.press('m');
  expect(selectedName(tui)).toBe('alpha');
  await tui.press('c');
  // the expansion is kept for the CPU panel
  expect(rowNames(tui)).toEqual(['alpha', 'vcpu-0', 'vcpu-1', 'charlie', 'bravo']);
  await tui.press(KEY.tab, 'm');
  expect(tui.lines()[0]).toContain('host esx-b');
  expect(rowNames(tui)).toEqual(['delta']);
});

test('the memory panel scrolls to keep the selection visible under its taller header', async () => {
  tui = await renderTui({ snapshots: [squeezed()], size: { columns: 80, rows: 24 } });
  await tui.press('m');
  // 23 lines: 6 header, column header, 14 rows, status, footer
  expect(rowNames(tui)).toHaveLength(14);
  await tui.press(KEY.end);
  // all 64 GiB: ties go by name, and "…-name-9" sorts last
  expect(tui.lines().at(-3)).toMatch(/^> +3009 a-rather-long-…/);
  await tui.press(KEY.pgup, KEY.home);
  expect(rowNames(tui)).toHaveLength(14);
  expectFits(tui, 80, 24);
});

test('system rows (a type-2 host\'s own OS) have no memory group and are left out', async () => {
  tui = await renderTui({ snapshots: [snapshot({
    hosts: [host({ name: 'laptop', hypervisor: 'vbox' })],
    vms: [
      vm({ gid: 1, name: 'Host-OS', host: 'laptop', kind: 'system', '%USED': 90 }),
      vm({ gid: 2, name: 'devbox', host: 'laptop', '%USED': 10, ...memory(2048, 1000) }),
    ],
  })] });
  expect(rowNames(tui)).toEqual(['Host-OS', 'devbox']);
  await tui.press('m');
  expect(rowNames(tui)).toEqual(['devbox']);
  expect(selectedName(tui)).toBe('devbox');
});

test('e and the CPU sorts answer in the memory panel; M answers in the CPU panel', async () => {
  tui = await renderTui();
  await tui.press('M');
  expect(statusLine(tui)).toBe('M sorts the memory panel by MEMSZ: press m for it');
  await tui.press('m', 'e');
  expect(statusLine(tui)).toBe('e expands a VM into vCPUs in the CPU panel only: memory is per VM (c for CPU)');
  await tui.press('U');
  expect(statusLine(tui)).toMatch(/^U sorts the CPU panel/);
  expect(rowNames(tui)).toEqual(['bravo', 'alpha', 'charlie']);
});

test.each([[80, 24], [200, 60], [60, 15]])('memory frames fit %ix%i, help included', async (columns, rows) => {
  tui = await renderTui({ snapshots: [squeezed()], size: { columns, rows } });
  await tui.press('m');
  expectFits(tui, columns, rows);
  expect(tui.lines()[3]).toContain('hard');
  await tui.press(KEY.end, 'e', 'M');
  expectFits(tui, columns, rows);
  await tui.press('h');
  expectFits(tui, columns, rows);
  await tui.press(KEY.end);
  expectFits(tui, columns, rows);
  await tui.press('q', 'c');
  expectFits(tui, columns, rows);
});

test('at 80x24 the least important memory columns leave first; the reclamation columns stay', async () => {
  tui = await renderTui({ snapshots: [squeezed()], size: { columns: 80, rows: 24 } });
  await tui.press('m');
  const shown = columnsOf(tui).slice(2);
  for (const key of ['MEMSZ', 'GRANT', 'MCTLSZ', 'SWCUR', 'SWR/s', 'ZIP']) expect(shown).toContain(key);
  const lowestShown = Math.min(...MEM_FIELDS.filter((f) => shown.includes(f.key)).map((f) => f.importance));
  expect(MEM_FIELDS.filter((f) => !shown.includes(f.key)).every((f) => f.importance <= lowestShown)).toBe(true);
  // the header drops detail rather than running off the edge, and keeps the state word
  const header = tui.lines().slice(2, 6);
  expect(header[1]).toBe('VMKMEM/MiB: 1270 minfree, hard state   MEM overcommit: 1.50 (VMs 2.50x host)');
  expect(header[3]).toBe('SWAP  /MiB: 123456 curr  12.50 r/s, 34.75 w/s  ZIP: 98765  MEMCTL: 456789 curr');
  await tui.resize({ columns: 200, rows: 60 });
  expect(columnsOf(tui).slice(2)).toEqual(MEM_FIELDS.map((f) => f.key));
});

test('memory values: whole MiB, rates with two decimals, never wider than the column', () => {
  const field = (key: string) => MEM_FIELDS.find((f) => f.key === key)!;
  expect(formatField(field('MEMSZ'), 4096, 7)).toBe('   4096');
  expect(formatField(field('MCTLSZ'), 0.4, 7)).toBe('      0');
  expect(formatField(field('SWR/s'), 0.25, 6)).toBe('  0.25');
  expect(formatField(field('SWR/s'), 12345.678, 6)).toBe(' 12346');
  expect(formatField(field('MEMSZ'), 123456789, 7)).toBe('#######');
});

test('the memory state word is the only coloured part of the header: soft warns, hard and low alarm', () => {
  expect(['high', 'clear', 'soft', 'hard', 'low'].map((s) => memStateLevel(s as never)))
    .toEqual(['ok', 'ok', 'warn', 'alarm', 'alarm']);
  for (const width of [59, 79, 199]) {
    const lines = memHeaderLines(host({ name: 'h', MEM_STATE: 'soft' }), width);
    for (const line of lines) expect(line.map((s) => s.text).join('').length).toBe(width);
    expect(lines.flat().filter((s) => s.level && s.level !== 'ok')).toEqual([{ text: 'soft', level: 'warn' }]);
  }
  expect(memHeaderLines(undefined, 79).map((l) => l.map((s) => s.text).join('').trim())).toEqual(['', '', '', '']);
});

test('row cells take their level from the field thresholds, on the VM\'s own value', () => {
  const layout = fitTable(MEM_TABLE, 199, false, []);
  const row = (values: Partial<typeof NO_MEMORY>): MemRow => ({
    key: 'vm:1', kind: 'vm', id: 1, name: 'x', vcpus: 8, gid: 1, values: { ...NO_MEMORY, ...values },
  });
  const levels = (values: Partial<typeof NO_MEMORY>) => Object.fromEntries(
    tableRow(row(values), layout, false).filter((s) => s.level && s.level !== 'ok').map((s) => [s.text.trim(), s.level]));
  expect(levels({ MEMSZ: 4096, GRANT: 4000, SHRD: 300 })).toEqual({});
  expect(levels({ MCTLSZ: 1, SWCUR: 2, 'SWR/s': 0.5, ZIP: 3, GSWAP: 4 }))
    .toEqual({ 1: 'warn', 2: 'warn', '0.50': 'warn', 3: 'warn', 4: 'warn' });
  expect(levels({ 'SWR/s': 3 })).toEqual({ '3.00': 'alarm' });
  expect(levels({ MCTLSZ: 0.4 })).toEqual({});
});

test('the memory footer offers its own keys; at 80 columns quit, help and the panel keys stay', () => {
  expect(footerHints('mem', 79)).toMatch(/^q quit {2}h help {2}M\/N sort {2}space pause {2}\+\/- speed {2}Tab host {2}c\/m\/n\/v\/g\/t\/o panel/);
  expect(footerHints('cpu', 79)).toMatch(/^q quit {2}h help {2}e expand {2}U\/R\/N sort {2}space pause {2}c\/m\/n\/v\/g\/t\/o panel/);
  for (const panel of ['cpu', 'mem'] as const) expect(footerHints(panel, 79).length).toBeLessThanOrEqual(79);
  expect(footerHints('cpu')).toContain('  c/m/n/v/g/t/o panel');
  expect(HOST_MEMORY.MEM_STATE).toBe('high');
});
