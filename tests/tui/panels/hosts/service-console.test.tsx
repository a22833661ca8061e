// The hosts view (o) and a host's details on the built-in service-console profile: classic ESX's
// reserve (VMkernel + service console) and where its management runs, beside ESXi's, from the
// engine's numbers with no key pressed but o and Enter.
import { afterEach, expect, test } from 'vitest';
import { builtinEngine, nameRow } from '../../engine-snapshots.js';
import { KEY, renderTui, type Tui } from '../../render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

test('o: RSVD 1024 (esxi) against 1296 and 1824 MiB (esx with a 272 and an 800 MiB console); MGMT vmk against console', async () => {
  tui = await renderTui({ sim: builtinEngine('service-console'), size: { columns: 120, rows: 30 } });
  await tui.tick();
  await tui.press('o');
  const snap = tui.clock.store.get().snapshot;
  for (const [name, rsvd, mgmt] of [['esxi-5', '1024', 'vmk'], ['esx-35', '1296', 'console'], ['esx-agents', '1824', 'console']]) {
    expect(snap.hosts.find((h) => h.name === name)!.reserved).toBe(Number(rsvd));
    // the cell under RSVD's header (right-aligned)
    const header = tui.lines().find((l) => l.includes(' RSVD '))!;
    const end = header.indexOf(' RSVD ') + ' RSVD'.length;
    expect(nameRow(tui, name).slice(0, end).trim().split(/ +/).at(-1)).toBe(rsvd);
    expect(nameRow(tui, name)).toMatch(new RegExp(` ${rsvd} ${mgmt}( |$)`));
  }
});

test('Enter on a host: its reserve, the service console\'s memory and CPU, the management OS and the image size', async () => {
  tui = await renderTui({ sim: builtinEngine('service-console'), size: { columns: 120, rows: 40 } });
  await tui.tick(3);
  await tui.press('o', KEY.home, KEY.enter);
  const frame = tui.frame();
  const cos = tui.clock.store.get().snapshot.vms.find((v) => v.host === 'esx-35' && v.name === 'console')!;
  expect(frame).toContain('host esx-35');
  expect(frame).toMatch(/reserved +1296 MiB +service console +272 MiB/);
  expect(frame).toMatch(new RegExp(`console %USED +${cos['%USED'].toFixed(2)} %`));
  expect(cos['%USED']).toBeCloseTo(5, 6);
  expect(frame).toMatch(/management in +Linux service console/);
  expect(frame).toMatch(/image on disk +1600 MB/);
  await tui.press(KEY.esc);
  await tui.press(KEY.down, KEY.enter);
  expect(tui.frame()).toMatch(/management in +VMkernel, no general OS/);
  expect(tui.frame()).toMatch(/image on disk +32 MB/);
  expect(tui.frame()).not.toContain('service console');
});
