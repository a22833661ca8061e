// esxtop's CPU ALLOC fields on the built-in cpu-contention profile: off until the field chooser
// shows them, then the profile's shares 4:2:1, the reservation and the limit in the CPU panel; the
// same values in the details and in the JSON lines.
import { afterEach, expect, test } from 'vitest';
import { cpuAlloc } from '../../../../src/fields/cpu-alloc.js';
import { jsonlLine } from '../../../../src/output/jsonl.js';
import { builtinEngine, cell, headerLine, nameRow } from '../../engine-snapshots.js';
import { KEY, renderTui, type Tui } from '../../render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

const showAlloc = async (t: Tui) => {
  // STATE is the last field, the CPU ALLOC group the five before it
  await t.press('c', 'f', KEY.end, KEY.up);
  for (let i = 0; i < 5; i++) await t.press(' ', KEY.up);
  await t.press(KEY.esc);
};

test('AMIN, AMAX, ASHRS and AMLMT show once chosen: shares 4:2:1, a reservation, a limit, -1 for unlimited', async () => {
  tui = await renderTui({ sim: builtinEngine('cpu-contention'), size: { columns: 200, rows: 40 } });
  await tui.tick(2);
  expect(headerLine(tui)).not.toMatch(/AMIN/);
  await showAlloc(tui);
  // no VM has a state here: STATE is not drawn
  expect(headerLine(tui)).toMatch(/ AMIN +AMAX +ASHRS +AMLMT +AUNITS *$/);
  const row = (name: string) => ['AMIN', 'AMAX', 'ASHRS', 'AMLMT', 'AUNITS'].map((f) => cell(tui!, name, f));
  expect(row('gold')).toEqual(['0', '-1', '4000', '0', 'MHz']);
  expect(row('silver')).toEqual(['0', '-1', '2000', '0', 'MHz']);
  expect(row('bronze')).toEqual(['0', '-1', '1000', '0', 'MHz']);
  expect(row('guaranteed')).toEqual(['1500', '-1', '500', '1500', 'MHz']);
  expect(row('limited')).toEqual(['0', '500', '1000', '0', 'MHz']);
  // a vCPU has no allocation of its own: its ALLOC cells are blank
  await tui.press(KEY.home, 'e');
  expect(nameRow(tui, '  vcpu-0').trimEnd()).toMatch(/\d+\.\d\d$/);
});

test('the values are the engine\'s: the VM\'s configured allocation in the JSON lines and the details', async () => {
  const engine = builtinEngine('cpu-contention');
  engine.advance(2000);
  const snap = engine.sample();
  const line = JSON.parse(jsonlLine(snap)) as { vms: Record<string, unknown>[] };
  for (const vm of snap.vms) {
    const row = line.vms.find((v) => v.name === vm.name)!;
    const a = cpuAlloc(vm);
    expect([row.AMIN, row.AMAX, row.ASHRS, row.AMLMT, row.AUNITS]).toEqual([a.AMIN, a.AMAX, a.ASHRS, a.AMLMT, 'MHz']);
    expect(row.AMIN).toBe(vm.reservationMHz);
    expect(row.AMAX).toBe(vm.limitMHz ?? -1);
    expect(row.ASHRS).toBe(vm.shares);
  }
  tui = await renderTui({ sim: builtinEngine('cpu-contention'), size: { columns: 100, rows: 40 } });
  await tui.tick(1);
  await tui.press(KEY.end, KEY.enter);
  const text = tui.frame();
  expect(text).toMatch(/CPU ALLOC\n {2}AMIN +0 MHz +AMAX +500 MHz +ASHRS +1000/);
});
