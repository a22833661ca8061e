// The VServer panel (`t`) on a real run of the lab: each guest's token bucket (R, T, S, M, tokens
// as a number and a gauge), the burster held once its bucket runs dry, holds and time held, the
// level's history, U/N sorting, and a host without guests.

import { afterEach, beforeAll, expect, test } from 'vitest';
import type { Snapshot, VServerSample } from '../../src/engine/snapshot.js';
import { fitTable, gauge, sparkline, tableRow } from '../../src/tui/panels/table.js';
import { VSERVER_TABLE } from '../../src/tui/panels/vserver/table.js';
import { vserverRows } from '../../src/tui/panels/vserver/rows.js';
import { cell, engineSnapshots, labels, rowLine } from './engine-snapshots.js';
import { KEY, renderTui, rowNames, statusLine, tabsTo, type Tui } from './render-tui.js';
import { expectFits } from './fits.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

let at20: Snapshot;
let at36: Snapshot;
beforeAll(() => {
  const snaps = engineSnapshots('lab', [20, 36]);
  at20 = snaps.get(20)!;
  at36 = snaps.get(36)!;
});

const guest = (s: Snapshot, name: string): VServerSample => s.vservers.find((v) => v.name === name)!;
const two = (n: number) => n.toFixed(2);

test('t on vs-1: context, R, T, S, M, tokens as a number and a gauge, %USED, holds and the level\'s history', async () => {
  tui = await renderTui({ snapshots: [at20], size: { columns: 200, rows: 60 } });
  await tui.press(...tabsTo(at20, 'vs-1'), 't');
  expect(statusLine(tui)).toBe('VServer panel');
  expect(tui.lines()[2]).toBe('VSERVER: 2 guests, W = 1000 ticks/s, R/T summed 0.80 of 1 CPU; held now: none');
  expect(tui.lines()[3]).toMatch(/^HOLDS: 0 since start, 0\.00 s held in all; /);
  expect(labels(tui)).toEqual(['CTX', 'NAME', ...VSERVER_TABLE.columns.map((c) => c.label)]);
  // the burster runs on its full bucket at 80 % of the CPU; steady uses its 20 %
  expect(rowNames(tui)).toEqual(['burster', 'steady']);
  const b = guest(at20, 'burster');
  expect([b.R, b.T, b.S, b.M]).toEqual([1, 2, 10000, 2500]);
  expect(rowLine(tui, 'burster')).toMatch(/^[> ] +101 burster +running /);
  for (const [label, value] of [['R', '1'], ['T', '2'], ['S', '10000'], ['M', '2500'], ['TOKENS', String(Math.round(b.tokens))],
    ['%USED', two(b['%USED'])], ['SHARE', '0.50'], ['HOLDS', '0'], ['HELD_S', '0.00']] as const) {
    expect(cell(tui, 'burster', label), label).toBe(value);
  }
  expect(b['%USED']).toBeCloseTo(80, 0);
  expect(b.tokens).toBeLessThan(b.S);
  expect(b.tokens).toBeGreaterThan(b.M);
  expect(rowLine(tui, 'burster')).toContain(gauge(b.tokens, b.S, 14, b.M));
  expect(rowLine(tui, 'burster')).toContain(sparkline(b.history, Math.max(b.M, ...b.history.slice(-16)), 16).trim());
  const s = guest(at20, 'steady');
  expect(cell(tui, 'steady', 'S')).toBe('7000');
  expect(cell(tui, 'steady', 'M')).toBe('300');
  expect(cell(tui, 'steady', '%USED')).toBe(two(s['%USED']));
});

test('once its bucket is dry the burster is HELD (red), counted in holds and in the header', async () => {
  tui = await renderTui({ snapshots: [at36], size: { columns: 200, rows: 60 } });
  await tui.press(...tabsTo(at36, 'vs-1'), 't');
  const b = guest(at36, 'burster');
  expect(b.held).toBe(true);
  expect(tui.lines()[2]).toMatch(/; held now: burster$/);
  expect(tui.lines()[3]).toMatch(new RegExp(`^HOLDS: 1 since start, ${two(b.held_s)} s held in all; `));
  // held the whole interval: no CPU, so steady sorts first by %USED
  expect(rowNames(tui)).toEqual(['steady', 'burster']);
  expect(rowLine(tui, 'burster')).toMatch(/^[> ] +101 burster +HELD /);
  expect(cell(tui, 'burster', '%USED')).toBe(two(b['%USED']));
  expect(cell(tui, 'burster', 'HOLDS')).toBe('1');
  expect(cell(tui, 'burster', '%HELD')).toBe(two(b['%HELD']));
  expect(b['%HELD']).toBeGreaterThan(0);
  const [row] = vserverRows([b], 'vs-1', '%USED');
  const layout = fitTable(VSERVER_TABLE, 199, false, [row]);
  const alarms = tableRow(row, layout, false).filter((seg) => seg.level === 'alarm').map((seg) => seg.text.trim());
  expect(alarms).toEqual(['HELD', gauge(b.tokens, b.S, 14, b.M)]);
});

test('N sorts by name, U by %USED; M and R answer what sorts here; e has nothing to expand', async () => {
  tui = await renderTui({ snapshots: [at36], size: { columns: 120, rows: 40 } });
  await tui.press(...tabsTo(at36, 'vs-1'), 't', 'N');
  expect(statusLine(tui)).toBe('sorted by name');
  expect(rowNames(tui)).toEqual(['burster', 'steady']);
  await tui.press('U');
  expect(statusLine(tui)).toBe('sorted by %USED');
  expect(rowNames(tui)).toEqual(['steady', 'burster']);
  await tui.press('M');
  expect(statusLine(tui)).toBe('M sorts m and g by MEMSZ; here U sorts by %USED, N by name');
  await tui.press('e');
  expect(statusLine(tui)).toMatch(/^a VServer guest has no child rows/);
  await tui.press(KEY.down);
  expect(rowLine(tui, 'burster')).toMatch(/^> /);
});

test('a host without guests says where they are', async () => {
  tui = await renderTui({ snapshots: [at20], size: { columns: 100, rows: 30 } });
  await tui.press('t');
  expect(tui.lines()[2]).toBe('VSERVER: no guests on esx-a');
  expect(tui.lines()[5]).toBe('  no VServer guests on this host — Tab for the next host (on vs-1)');
});

test.each([[80, 24], [200, 60]])('the VServer panel fits %ix%i; the bucket stays at 80', async (columns, rows) => {
  tui = await renderTui({ snapshots: [at36], size: { columns, rows } });
  await tui.press(...tabsTo(at36, 'vs-1'), 't');
  expectFits(tui, columns, rows);
  const shown = labels(tui).slice(2);
  for (const key of ['STATE', 'TOKENS', 'BUCKET', '%USED']) expect(shown).toContain(key);
  if (columns === 200) expect(shown).toEqual(VSERVER_TABLE.columns.map((c) => c.label));
  await tui.press(KEY.tab);
  expectFits(tui, columns, rows);
  await tui.press('h', KEY.end);
  expectFits(tui, columns, rows);
});

test('details name the guest\'s context, chbind address, chroot and capabilities (issue 5)', async () => {
  const { entityMetrics } = await import('../../src/tui/entity.js');
  const facts = (vs: VServerSample) => Object.fromEntries(
    entityMetrics({ kind: 'vserver', vs } as Parameters<typeof entityMetrics>[0])[0].metrics.map((m) => [m.key, m.value]));
  const burster = facts(guest(at20, 'burster'));
  expect(burster.context).toBe(String(guest(at20, 'burster').context));
  expect(burster.chroot).toBe(guest(at20, 'burster').chroot);
  expect(burster.chroot).toMatch(/^\/vservers\//);
  const special = facts({ ...guest(at20, 'burster'), capabilities: ['CAP_NET_BIND_SERVICE', 'CAP_SYS_TIME'] });
  expect(special.caps).toBe('CAP_NET_BIND_SERVICE,CAP_SYS_TIME');
  expect(burster.caps).toBe(guest(at20, 'burster').capabilities.length ? guest(at20, 'burster').capabilities.join(',') : 'default guest set');
});
