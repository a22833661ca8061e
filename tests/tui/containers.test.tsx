// The containers panel (`g`) on a real run of the lab: the cgroup tree per kernel (lx-1's own,
// k8s-node's inside its VM), services collapsed to one row until `e`, cpu.max throttling and
// memory limits in their columns, the frozen state, U/M/N sorting, and a host without containers.

import { afterEach, beforeAll, expect, test } from 'vitest';
import type { ContainerSample, Snapshot } from '../../src/engine/snapshot.js';
import { CGROUP_TABLE } from '../../src/tui/panels/cgroup/table.js';
import { footerHints } from '../../src/tui/keymap.js';
import { cell, engineSnapshots, labels, rowLine } from './engine-snapshots.js';
import { KEY, renderTui, statusLine, tabsTo, type Tui } from './render-tui.js';
import { expectFits } from './fits.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

let at20: Snapshot;
let at70: Snapshot;
beforeAll(() => {
  const snaps = engineSnapshots('lab', [20, 70]);
  at20 = snaps.get(20)!;
  at70 = snaps.get(70)!;
});

const ct = (s: Snapshot, name: string): ContainerSample => s.containers.find((c) => c.name === name)!;
const two = (n: number) => n.toFixed(2);
const int = (n: number) => String(Math.round(n));

/** The STATE cell: left-aligned under its label, eight wide. */
function stateCell(t: Tui, line: string): string {
  const start = t.lines()[4].indexOf(' STATE ') + 1;
  return line.slice(start, start + 8).trim();
}

/** NAME cells of the tree top to bottom, indentation and ▸/▾ kept, as the user reads them. */
const tree = (t: Tui) => {
  const nameEnd = t.lines()[4].indexOf(' STATE');
  return t.lines().slice(5, -2).filter((l) => !l.includes('no containers')).map((l) => l.slice(2, nameEnd).trimEnd()).filter(Boolean);
};

const state = (t: Tui, name: string) => stateCell(t, rowLine(t, name) ?? '');

test('g on lx-1: the host kernel, a service as one row, the capped api throttled by cpu.max, limits as max', async () => {
  tui = await renderTui({ snapshots: [at20], size: { columns: 200, rows: 60 } });
  await tui.press(...tabsTo(at20, 'lx-1'), 'g');
  expect(statusLine(tui)).toBe('containers panel');
  expect(tui.lines()[2]).toBe('CGROUPS: 6 containers, 1 service, 0 in VMs; 0 frozen, 1 throttled by cpu.max, 0 restarting, 0 OOM kills');
  expect(tui.lines()[3]).toMatch(/^CPU%: 400\.0 of 400 \(lx-1\) {3}MEM\/MiB: \d+ charged, near memory\.max: /);
  expect(labels(tui)).toEqual(['NAME', ...CGROUP_TABLE.columns.map((c) => c.label)]);
  // the busiest first: etl (weight 300, three threads), the front service, api at its cap, cache
  expect(tree(tui)).toEqual(['lx-1 (host)', '    etl', '  ▸ front ×3', '    api', '    cache']);

  const api = ct(at20, 'api');
  expect(api['cpu.usage%']).toBeCloseTo(50, 0);
  expect(cell(tui, 'api', 'CPU%')).toBe(two(api['cpu.usage%']));
  expect(cell(tui, 'api', 'CPUMAX')).toBe('50.00');
  expect(cell(tui, 'api', 'THR%')).toBe('100.00');
  expect(cell(tui, 'api', 'NR_THR')).toBe(String(api.nr_throttled));
  expect(api.nr_throttled).toBeGreaterThan(150);
  expect(cell(tui, 'api', 'THR_USEC')).toBe(String(api.throttled_usec));
  expect(cell(tui, 'api', 'MEMMAX')).toBe('1024');
  expect(cell(tui, 'cache', 'MEMMAX')).toBe('512');
  expect(cell(tui, 'cache', 'MEM')).toBe(int(ct(at20, 'cache')['memory.current']));
  expect(cell(tui, 'etl', 'CPUMAX')).toBe('max');
  expect(cell(tui, 'etl', 'WEIGHT')).toBe('300');
  expect(state(tui, 'etl')).toBe('running');
  // the service row is the parent cgroup: its replicas' CPU together
  const front = at20.services.find((s) => s.name === 'front')!;
  expect(cell(tui, 'front', 'CPU%')).toBe(two(front['cpu.usage%']));
  expect(cell(tui, 'front', 'PIDS')).toBe(String(front['pids.current']));
  // the kernel row sums what runs on it and has no limits of its own
  const onLx = at20.containers.filter((c) => c.host === 'lx-1');
  expect(cell(tui, 'lx-1', 'CPU%')).toBe(two(onLx.reduce((n, c) => n + c['cpu.usage%'], 0)));
  expect(rowLine(tui, 'lx-1')).not.toContain('max');
});

test('e expands a service into its replicas and collapses it; on a lone container it says why not', async () => {
  tui = await renderTui({ snapshots: [at20], size: { columns: 200, rows: 60 } });
  await tui.press(...tabsTo(at20, 'lx-1'), 'g');
  await tui.press('e');
  expect(statusLine(tui)).toBe('lx-1 is a kernel: e expands a service (▸, ×N replicas) into its containers');
  await tui.press(KEY.down, KEY.down, 'e');
  expect(statusLine(tui)).toBe('expanded front into 3 container rows');
  expect(tree(tui)).toEqual(['lx-1 (host)', '    etl', '  ▾ front ×3', '      front-1', '      front-2', '      front-3', '    api', '    cache']);
  for (const name of ['front-1', 'front-2', 'front-3']) {
    expect(cell(tui, name, 'CPU%')).toBe(two(ct(at20, name)['cpu.usage%']));
    expect(cell(tui, name, 'MEM')).toBe(int(ct(at20, name)['memory.current']));
  }
  // e on a replica closes its service and selects it
  await tui.press(KEY.down, 'e');
  expect(statusLine(tui)).toBe('collapsed front');
  expect(tree(tui)).toEqual(['lx-1 (host)', '    etl', '  ▸ front ×3', '    api', '    cache']);
  await tui.press(KEY.down, 'e');
  expect(statusLine(tui)).toBe('api is a lone container: e expands a service (▸, ×N replicas) into its containers');
  expect(footerHints('cgroup')).toContain('e expand');
  expect(footerHints('cgroup')).toContain('U/M/N sort');
});

test('U sorts by cpu.usage%, M by memory.current, N by name, within each level of the tree', async () => {
  tui = await renderTui({ snapshots: [at20], size: { columns: 120, rows: 40 } });
  await tui.press(...tabsTo(at20, 'lx-1'), 'g', KEY.down, KEY.down, 'e', 'N');
  expect(statusLine(tui)).toBe('sorted by name');
  expect(tree(tui)).toEqual(['lx-1 (host)', '    api', '    cache', '    etl', '  ▾ front ×3', '      front-1', '      front-2', '      front-3']);
  await tui.press('M');
  expect(statusLine(tui)).toBe('sorted by memory.current');
  const mem = (name: string) => at20.services.find((s) => s.name === name)?.['memory.current'] ?? ct(at20, name)['memory.current'];
  const top = ['etl', 'front', 'api', 'cache'].sort((a, b) => mem(b) - mem(a) || a.localeCompare(b));
  expect(tree(tui).filter((n) => /^ {2}[▸▾]|^ {4}\S/.test(n)).map((n) => n.replace(/^[▸▾ ]+| ×\d+$/g, ''))).toEqual(top);
  await tui.press('U');
  expect(statusLine(tui)).toBe('sorted by cpu.usage%');
  expect(tree(tui)[1]).toBe('    etl');
  await tui.press('R');
  expect(statusLine(tui)).toBe('R sorts the CPU panel by %RDY; here U: cpu.usage%, M: memory.current, N: name');
});

test('containers inside a VM sit under that VM\'s kernel; a host without containers says where they are', async () => {
  tui = await renderTui({ snapshots: [at20], size: { columns: 200, rows: 60 } });
  await tui.press('g');
  expect(tui.lines()[2]).toBe('CGROUPS: no containers on esx-a');
  expect(tui.lines()[5]).toBe('  no containers on this host — Tab for the next host (on esx-b, lx-1)');
  await tui.press(KEY.tab);
  expect(tui.lines()[0]).toContain('host esx-b');
  expect(tui.lines()[2]).toMatch(/^CGROUPS: 2 containers, 1 service, 2 in VMs; /);
  expect(tree(tui)).toEqual(['k8s-node (VM)', '  ▸ worker ×2']);
  await tui.press(KEY.down, 'e');
  expect(tree(tui)).toEqual(['k8s-node (VM)', '  ▾ worker ×2', '      worker-1', '      worker-2']);
  expect(cell(tui, 'worker-1', 'MEMMAX')).toBe('512');
  expect(cell(tui, 'worker-1', 'CPU%')).toBe(two(ct(at20, 'worker-1')['cpu.usage%']));
  // the VM's kernel row is the VM: c selects it in the CPU panel
  await tui.press(KEY.home, 'c');
  expect(tui.lines().find((l) => l.includes(' k8s-node '))).toBeDefined();
  await tui.press('g');
  expect(tree(tui)[0]).toBe('k8s-node (VM)');
});

test('a frozen replica reads FROZEN, its service counts it, and the header counts it', async () => {
  tui = await renderTui({ snapshots: [at70], size: { columns: 200, rows: 60 } });
  await tui.press(...tabsTo(at70, 'lx-1'), 'g');
  expect(ct(at70, 'front-2').frozen).toBe(true);
  expect(tui.lines()[2]).toMatch(/; 1 frozen, /);
  expect(state(tui, 'front')).toBe('1 frozen');
  await tui.press('N', KEY.end, 'e');
  expect(state(tui, 'front-2')).toBe('FROZEN');
  expect(cell(tui, 'front-2', 'CPU%')).toBe('0.00');
  expect(state(tui, 'front-1')).toBe('running');
});

test.each([[80, 24], [200, 60]])('the containers panel fits %ix%i; at 80 the limits and throttling stay', async (columns, rows) => {
  tui = await renderTui({ snapshots: [at70], size: { columns, rows } });
  await tui.press(...tabsTo(at70, 'lx-1'), 'g', 'N', KEY.end, 'e');
  expectFits(tui, columns, rows);
  const shown = labels(tui).slice(1);
  for (const key of ['STATE', 'CPU%', 'CPUMAX', 'THR%', 'MEM', 'MEMMAX', 'OOM']) expect(shown).toContain(key);
  if (columns === 200) expect(shown).toEqual(CGROUP_TABLE.columns.map((c) => c.label));
  expect(tree(tui)).toContain('      front-2');
  await tui.press(KEY.tab);
  expectFits(tui, columns, rows);
  await tui.press('h', KEY.end);
  expectFits(tui, columns, rows);
});

test('/ keeps a matching container\'s kernel and service above it, and a matching kernel\'s tree below it', async () => {
  tui = await renderTui({ snapshots: [at20], size: { columns: 200, rows: 60 } });
  await tui.press(...tabsTo(at20, 'lx-1'), 'g', 'N');
  // a lone container: its kernel stays as the root
  await tui.press('/', 'a', 'p', 'i', KEY.enter);
  expect(tree(tui)).toEqual(['lx-1 (host)', '    api']);
  // a replica of an open service: kernel and service stay, the other replicas go
  await tui.press('/', KEY.esc, KEY.end, 'e');
  expect(tree(tui)).toContain('      front-2');
  await tui.press('/', 'f', 'r', 'o', 'n', 't', '-', '2', KEY.enter);
  expect(tree(tui)).toEqual(['lx-1 (host)', '  ▾ front ×3', '      front-2']);
  expect(statusLine(tui)).toMatch(/^\[\/front-2: 3 rows\]/);
  // a kernel that matches keeps what runs on it
  await tui.press('/', KEY.esc);
  for (let i = 0; i < at20.hosts.length && !tui.lines()[0].includes('host esx-b'); i++) await tui.press(KEY.tab);
  await tui.press('/', 'k', '8', 's', KEY.enter);
  expect(tree(tui)).toEqual(['k8s-node (VM)', '  ▸ worker ×2']);
});

test('a filter that hides every row says so; a host with no containers at all keeps its own line', async () => {
  tui = await renderTui({ snapshots: [at20], size: { columns: 120, rows: 40 } });
  await tui.press('g', '/', 'z', 'z', KEY.enter);
  expect(tui.lines()[5]).toBe('  no containers on this host — Tab for the next host (on esx-b, lx-1)');
  await tui.press(...tabsTo(at20, 'lx-1'));
  expect(tui.lines()[5]).toBe('  no row matches "zz" — / edits the filter, Esc in / clears it');
});
