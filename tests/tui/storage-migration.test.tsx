// Storage vMotion in the monitor: V then Tab picks the datastore for the selected VM's disk; the
// CPU panel marks the VM `svm n%`, the disk panel shows where its disk goes, the hosts view the
// copy through both hosts' datastores, and once done the disk panel says where the disk is.

import { afterEach, expect, test } from 'vitest';
import { builtinEngine, nameRow as row } from './engine-snapshots.js';
import { KEY, renderTui, statusLine as status, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

const shown = (t: Tui) => t.clock.store.get().snapshot;

test('V, Tab: the disk moves to another host\'s datastore with its progress on c, d and o; the VM stays', async () => {
  const engine = builtinEngine('migration');
  tui = await renderTui({ sim: engine, size: { columns: 140, rows: 40 } });
  await tui.tick(2);
  await tui.press('N', KEY.home, KEY.down);
  expect(row(tui, 'db')).toMatch(/^> /);
  await tui.press('H');
  expect(tui.frame()).toContain('Tab moves its disk instead');
  await tui.press(KEY.tab);
  const frame = tui.frame();
  expect(frame).toContain('Move the disk of VM db (on esx-a\'s datastore) to the datastore of:');
  expect(frame).toMatch(/ x esx-a +db's disk is already on esx-a's datastore/);
  expect(frame).toMatch(/> {3}esx-b +eligible/);
  expect(frame).toContain('Tab moves the VM instead');
  // Tab again: back to the compute migration, and again to the disk
  await tui.press(KEY.tab);
  expect(tui.frame()).toContain('Migrate VM db (on esx-a) to:');
  await tui.press(KEY.tab, KEY.enter);
  expect(status(tui)).toBe('relocate db\'s disk → esx-b sent; the result shows at the next refresh');
  expect(engine.applied.at(-1)?.command).toEqual({ action: 'relocate', target: 'db', to: 'esx-b' });

  await tui.tick(3);
  const snap = shown(tui);
  const r = snap.cluster!.relocations[0];
  expect(r).toMatchObject({ vm: 'db', from: 'esx-a', to: 'esx-b', sizeMiB: 16384 });
  const pct = Math.round(r.progress * 100);
  expect(pct).toBeGreaterThan(5);
  // the VM runs on esx-a all along, marked on the CPU panel
  expect(row(tui, 'db')).toMatch(new RegExp(` svm ${pct}% *$`));
  // the disk panel: where the disk is going
  await tui.press('v');
  expect(row(tui, 'db')).toMatch(new RegExp(` db svm→esx-b ${pct}% `));
  // the hosts view: the copy through both datastores, and on the VM's row its rate
  await tui.press('o', KEY.home);
  expect(row(tui, 'esx-a')).toContain(`db disk → esx-b ${pct}%`);
  expect(row(tui, 'esx-b')).toContain(`db disk ← esx-a ${pct}%`);
  // the cluster's in-flight line lists the copy beside the migrations
  expect(tui.frame()).toContain(`IN FLIGHT: db disk esx-a → esx-b ${pct}%`);
  await tui.press('e', KEY.down);
  expect(row(tui, 'db')).toMatch(new RegExp(`db +svm ${pct}% .*disk → esx-b ${pct}% \\(Storage vMotion, \\d+ MiB/s\\)`));

  // 16 GiB at half of esx-b's and esx-a's datastores' bandwidth: about half a minute
  await tui.tick(16);
  const after = shown(tui);
  const db = after.vms.find((v) => v.name === 'db')!;
  expect(db.host).toBe('esx-a');
  expect(db.datastore).toBe('esx-b');
  expect(after.cluster!.relocations).toEqual([]);
  expect(row(tui, 'db')).toMatch(/db +running .*disk on esx-b's datastore/);
  await tui.press('v');
  expect(row(tui, 'db')).toMatch(/ db @esx-b /);
});
