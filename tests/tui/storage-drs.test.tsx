// Storage DRS in the hosts view (o), on the built-in storage-drs profile: the datastores' space and
// latency against the thresholds, the recommendation with its reason on the header, the host and the
// VM rows, and H on that VM opening the datastore picker with the recommended datastore first.

import { afterEach, expect, test } from 'vitest';
import { builtinEngine, nameRow as row } from './engine-snapshots.js';
import { KEY, renderTui, statusLine as status, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

test('o: DATASTORES and the recommendation with its numbers; H on the VM applies it', async () => {
  const engine = builtinEngine('storage-drs');
  tui = await renderTui({ sim: engine, size: { columns: 160, rows: 40 } });
  await tui.tick(2);
  await tui.press('o');
  const frame = tui.frame();
  // esx-a holds 3 x 55 GiB of its 200: 82.5 %; esx-b's 1800 of 2000 IOPS at 3 ms idle: 30 ms
  expect(frame).toMatch(/DATASTORES \(SDRS manual: space > 80%, latency > 15 ms\): esx-a 165\/200 GiB 82\.5% \d\.\d ms, esx-b 40\/1024 GiB 3\.9% 30\.0 ms/);
  expect(frame).toContain('STORAGE DRS RECOMMENDS: files-1 disk esx-a → esx-c (space); H on the VM applies one (a disk: its datastore picker)');
  expect(row(tui, 'esx-a')).toContain('datastore 82.5% used > 80%');
  await tui.press(KEY.home, 'e', KEY.down);
  expect(row(tui, 'files-1')).toMatch(/^> .*SDRS recommends: disk → esx-c \(space: esx-a 82\.5% used > 80%;/);
  await tui.press('H');
  const picker = tui.frame();
  expect(picker).toContain('Move the disk of VM files-1 (on esx-a\'s datastore) to the datastore of:');
  expect(picker).toMatch(/> {3}esx-c +eligible; Storage DRS recommends it \(space: esx-a 82\.5% used > 80%/);
  await tui.press(KEY.enter);
  expect(status(tui)).toBe('relocate files-1\'s disk → esx-c sent; the result shows at the next refresh');
  expect(engine.applied.at(-1)?.command).toEqual({ action: 'relocate', target: 'files-1', to: 'esx-c' });
  await tui.tick(1);
  // the recommendation is done with: the copy is in flight instead
  expect(tui.frame()).toMatch(/IN FLIGHT: files-1 disk esx-a → esx-c \d+%/);
  expect(tui.frame()).not.toContain('RECOMMENDS');
});

test('help lists the DATASTORES and SITES lines', async () => {
  tui = await renderTui({ sim: builtinEngine('storage-drs'), size: { columns: 160, rows: 60 } });
  await tui.press('o', 'h');
  await tui.press('/', ...'DATASTORES', KEY.enter);
  expect(tui.frame()).toMatch(/DATASTORES +with a datastore_cluster: each member datastore/);
  await tui.press('/', ...'SITES', KEY.enter);
  expect(tui.frame()).toMatch(/SITES +with sites \(site: on the hosts\): each site, its hosts/);
});
