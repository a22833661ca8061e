// Enter on the security virtual appliance of the built-in appliances profile: what it watches,
// what that costs it and its alerts, as the engine's sample has them; o's note on its row.
import { afterEach, expect, test } from 'vitest';
import { builtinEngine, nameRow } from './engine-snapshots.js';
import { KEY, renderTui, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

test('Enter on sva-1: the VMs it watches, the CPU and memory they cost it, its alerts; o: its note', async () => {
  tui = await renderTui({ sim: builtinEngine('appliances'), size: { columns: 140, rows: 50 } });
  // 180 s at the 2 s refresh: deployed at 20 s, two alerts (91 and 159 s)
  await tui.tick(90);
  await tui.press('o', KEY.home, 'e');
  expect(nameRow(tui, 'sva-1')).toMatch(/SVA: 6 watched, 2 alerts$/);
  expect(nameRow(tui, 'lb-1')).toMatch(/virtual appliance$/);
  await tui.press('c', 'N', KEY.home);
  await tui.press(KEY.down, KEY.down, KEY.down); // by name: db, lb-1, ledger, sva-1
  await tui.press(KEY.enter);
  const frame = tui.frame();
  const a = tui.clock.store.get().snapshot.vms.find((v) => v.name === 'sva-1')!.appliance!;
  expect(frame).toContain('VM sva-1 on esx-1, a security virtual appliance');
  expect(frame).toContain('Security virtual appliance: watches its host\'s VMs from outside them (introspection): web-1, web-2, db, ledger, lb-1, web-3');
  expect(frame).toMatch(/VMs watched +6 +for them: CPU +18\.00 % +for them: memory +384 MiB/);
  expect(frame).toMatch(/alerts +2/);
  expect([a.watching.length, a.alerts]).toEqual([6, 2]);
});
