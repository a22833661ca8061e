// Selection, scrolling, coalesced keys, the delay prompt and the help screen.

import { afterEach, expect, test } from 'vitest';
import { CPU_FIELDS } from '../../src/fields/cpu.js';
import { MEM_FIELDS } from '../../src/fields/memory.js';
import { DIALOG_HELP } from '../../src/tui/help-dialogs.js';
import { bindingHelp, helpLines } from '../../src/tui/help-text.js';
import { CGROUP_TABLE } from '../../src/tui/panels/cgroup/table.js';
import { DISK_TABLE, NET_TABLE } from '../../src/tui/panels/io-table.js';
import { VSERVER_TABLE } from '../../src/tui/panels/vserver/table.js';
import { KEYMAP } from '../../src/tui/keymap.js';
import { host, lab, snapshot, vm } from './fixtures.js';
import { KEY, renderTui, rowNames, selectedName, statusLine, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

const many = (n: number, t = 0) => snapshot({
  t,
  hosts: [host({ name: 'esx-a', vmCount: n, vcpuCount: 2 * n })],
  vms: Array.from({ length: n }, (_, i) => vm({ gid: 1000 + i, name: `vm-${String(i).padStart(2, '0')}`, '%USED': 100 - i })),
});

test('the selection follows the VM, not the row, across a refresh that re-sorts', async () => {
  const later = lab(2);
  later.vms = later.vms.map((v) => (v.name === 'charlie' ? { ...v, '%USED': 500 } : v));
  tui = await renderTui({ snapshots: [lab(0), later] });
  await tui.press(KEY.down);
  expect(selectedName(tui)).toBe('charlie');
  await tui.tick();
  expect(rowNames(tui)[0]).toBe('charlie');
  expect(selectedName(tui)).toBe('charlie');
});

test('the selection follows the VM across a re-sort by key', async () => {
  tui = await renderTui();
  await tui.press(KEY.end);
  expect(selectedName(tui)).toBe('bravo');
  await tui.press('R');
  expect(rowNames(tui)[0]).toBe('bravo');
  expect(selectedName(tui)).toBe('bravo');
});

test('only the rows that fit are drawn, scrolled to keep the selection visible', async () => {
  tui = await renderTui({ snapshots: [many(40)], size: { columns: 80, rows: 24 } });
  expect(rowNames(tui)).toHaveLength(16);
  await tui.press(KEY.end);
  expect(selectedName(tui)).toBe('vm-39');
  expect(rowNames(tui).at(-1)).toBe('vm-39');
  await tui.press(KEY.pgup);
  expect(selectedName(tui)).toBe('vm-23');
  await tui.press(KEY.home);
  expect(rowNames(tui)[0]).toBe('vm-00');
  expect(tui.lines().length).toBeLessThanOrEqual(23);
});

test('keys coalesced into one chunk are handled one by one, each seeing the last', async () => {
  tui = await renderTui();
  // e sees R's order: no row chosen yet, the bar is on the first row, bravo
  await tui.press('Re');
  expect(rowNames(tui)).toEqual(['bravo', 'vcpu-0', 'vcpu-1', 'charlie', 'alpha']);
  await tui.press('+++');
  expect(tui.lines()[0]).toContain('speed x8');
});

test('an unknown key gets a short answer and changes nothing else', async () => {
  tui = await renderTui();
  await tui.press('Y');
  expect(statusLine(tui)).toBe('Y: no such key here (h lists the keys)');
  expect(rowNames(tui)).toEqual(['alpha', 'charlie', 'bravo']);
});

test('the delay prompt says what it expected, and Esc leaves the delay alone', async () => {
  tui = await renderTui();
  await tui.press('s', 'x');
  expect(statusLine(tui)).toContain('x is not a digit: expected seconds from 0.5 to 3600');
  await tui.press(KEY.enter);
  expect(statusLine(tui)).toContain('expected seconds');
  await tui.press('9', '9', '9', '9', KEY.enter);
  expect(statusLine(tui)).toContain('expected seconds from 0.5 to 3600');
  await tui.press(KEY.backspace, KEY.backspace, KEY.esc);
  expect(statusLine(tui)).toBe('refresh interval unchanged');
  expect(tui.lines()[0]).toContain('delay 2s');
  await tui.press('s', '0', '.', '5', KEY.enter);
  expect(tui.lines()[0]).toContain('delay 0.5s');
});

test('speed stays within x0.25 and x64', async () => {
  tui = await renderTui();
  await tui.press(...Array(8).fill('+'));
  expect(tui.lines()[0]).toContain('speed x64');
  expect(statusLine(tui)).toBe('speed x64 (maximum)');
  await tui.press(...Array(10).fill('-'));
  expect(tui.lines()[0]).toContain('speed x0.25');
});

test('the help lists every key and every CPU and memory column, and closes with Esc, h or q', async () => {
  tui = await renderTui({ size: { columns: 200, rows: 60 } });
  await tui.press('h');
  const seen = new Set(tui.lines());
  // the help is several pages long, even at 200x60
  for (let i = 0; i < 10; i++) {
    await tui.press(KEY.pgdn);
    tui.lines().forEach((l) => seen.add(l));
  }
  const text = [...seen].join('\n');
  for (const b of KEYMAP) expect(text).toContain(`  ${b.label.padEnd(10)} ${bindingHelp(b).slice(0, 40)}`);
  for (const f of [...CPU_FIELDS, ...MEM_FIELDS]) expect(text).toContain(`  ${f.key.padEnd(10)} ${f.meaning.slice(0, 40)}`);
  // the network, disk, containers and VServer panels' columns, with the cgroup file behind a short label
  for (const table of [NET_TABLE, DISK_TABLE, CGROUP_TABLE, VSERVER_TABLE]) {
    for (const c of table.columns) expect(text).toContain(`  ${c.label.padEnd(10)} ${c.meaning.slice(0, 40)}`);
  }
  expect(text).toContain('  CPUMAX     cpu.max%: cpu.max quota per 100 ms period');
  expect(text).toContain('  %DRPTX     transmitted packets dropped');
  expect(text).toContain('  U          memory: not a memory sort');
  for (const close of [KEY.esc, 'h', 'q']) {
    await tui.press(close);
    expect(tui.frame()).not.toContain('vmtop help');
    await tui.press('?');
  }
  expect(tui.quits()).toBe(0);
});

test('on a small terminal the help scrolls to show every line', async () => {
  tui = await renderTui({ size: { columns: 80, rows: 24 } });
  await tui.press('h');
  const seen = new Set(tui.lines());
  for (let i = 0; i < 16; i++) {
    await tui.press(KEY.pgdn);
    tui.lines().forEach((l) => seen.add(l));
  }
  const all = [...seen].join('\n');
  for (const b of KEYMAP) expect(all).toContain(`  ${b.label.padEnd(10)} `);
  for (const f of [...CPU_FIELDS, ...MEM_FIELDS]) expect(all).toContain(`  ${f.key.padEnd(10)} `);
  await tui.press('x');
  expect(tui.lines().at(-1)).toContain('x does nothing in the help');
});

test('the help has a section on the keys inside dialogs; at 80 columns no title is cut off; space pages as in less', async () => {
  tui = await renderTui({ size: { columns: 80, rows: 24 } });
  await tui.press('h');
  const seen: string[] = [...tui.lines()];
  const before = tui.lines()[1];
  await tui.press(KEY.space);
  expect(tui.lines()[1]).not.toBe(before);
  expect(tui.lines().at(-1)).toMatch(/lines 22-42 of \d+/);
  await tui.press('b');
  expect(tui.lines()[1]).toBe(before);
  for (let i = 0; i < 20; i++) {
    await tui.press(KEY.space);
    seen.push(...tui.lines());
  }
  const text = seen.join('\n');
  expect(text).toContain('Keys inside dialogs (an open dialog takes every key; Esc closes it and sends');
  for (const [name] of DIALOG_HELP.rows) expect(text).toContain(`  ${name.padEnd(10)} `);
  expect(text).toMatch(/ {2}\/ filter {3}type the name/);
  expect(text).toMatch(/ {2}A load {5}digits edit the field, .*Tab/);
  expect(text).toMatch(/ {2}y \/ n {6}a confirmation/);
  expect(text).toMatch(/ {2}s delay {4}digits and \. type seconds \(0\.5 to 3600\)/);
  expect(text).toMatch(/ {2}f fields {3}/);
  // no line of the help ends in an ellipsis: titles and meanings wrap
  // the CPUMAX line says "max = no limit" once, not "max = no limit (no limit)"
  expect(helpLines(200).join('\n')).toMatch(/CPUMAX +cpu\.max%: .*; max = no limit\s*$/m);
  const cut = (width: number) => helpLines(width).filter((l) => l.trimEnd().endsWith('…') && !l.includes('vcpu-1, …'));
  for (const width of [80, 120]) expect(cut(width)).toEqual([]);
});
