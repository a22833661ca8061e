// Site Recovery in the hosts view (o) and the details, on the built-in site-recovery profile: the
// SITES line and each protected VM's replica before; after dc1 fails at 400 s, the SITE RECOVERY
// line with the plan's stage, each VM's place in it and the data it lost, and the details' section.

import { afterEach, expect, test } from 'vitest';
import { builtinEngine, nameRow as row } from './engine-snapshots.js';
import { KEY, renderTui, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

test('before: SITES and the replicas\' ages; after fail_site: the plan by priority and the data lost', async () => {
  const engine = builtinEngine('site-recovery');
  engine.advance(100_000);
  tui = await renderTui({ sim: engine, size: { columns: 150, rows: 40 } });
  await tui.tick(1);
  await tui.press('o', KEY.home, 'e');
  const snap = tui.clock.store.get().snapshot;
  const db = snap.vms.find((v) => v.name === 'db')!;
  expect(tui.frame()).toMatch(/SITES: dc1 \(esx-a, esx-b\) up, 5 replicated, oldest point \d+m\d+s; dr \(dr-1, dr-2\) up, 1 replicated/);
  expect(row(tui, 'esx-a')).toContain('site dc1');
  expect(row(tui, 'db')).toContain(`replica ${Math.round(db.replica!.ageS)}s old, RPO 2m`);
  expect(db.replica!.ageS).toBeLessThan(120);

  // to 470 s: dc1 failed at 400 s, priority 1 (db) up since 465 s, priority 2 booting at 475 s
  engine.advance(376_000);
  await tui.tick(1);
  const plan = tui.clock.store.get().snapshot.cluster!.siteRecovery!.plan!;
  expect(plan).toMatchObject({ site: 'dc1', to: 'dr', failedS: 400, groups: [1, 2, 3], group: 2 });
  const lost = Object.fromEntries(plan.vms.map((v) => [v.vm, v]));
  expect(lost.db.state).toBe('running');
  expect(lost['web-1'].state).toBe('waiting');
  expect(tui.frame()).toMatch(/SITE RECOVERY dc1 → dr: dc1 FAILED at 400 s; priority 2 booting \(app-1, app-2\); up: db; waiting: priority 3; data lost \d+s\.\.\d+m\d+s/);
  expect(row(tui, 'esx-a')).toMatch(/FAILED .*site dc1, 2 VMs down/);
  expect(row(tui, 'web-1')).toMatch(new RegExp(`DOWN .*SRM P3 → dr, loses ${Math.floor(lost['web-1'].lossS / 60)}m`));
  // the details of a recovered VM: the plan's section, its data lost
  await tui.press(KEY.end, 'e');
  const dr2 = tui.lines().findIndex((l) => / dr-2 /.test(l));
  expect(dr2).toBeGreaterThan(0);
  await tui.press(KEY.down);
  const name = /^> +(\S+)/.exec(tui.lines().find((l) => l.startsWith('>')) ?? '')?.[1];
  expect(['app-1', 'app-2', 'db']).toContain(name);
  await tui.press(KEY.enter);
  const details = tui.frame();
  expect(details).toContain('Site Recovery (dc1 failed; recovered at dr)');
  expect(details).toMatch(new RegExp(`data lost +${lost[name!].lossS.toFixed(2)} s`));
});
