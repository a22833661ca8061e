// The header's numbers come from the snapshot, and every frame fits the terminal: at most
// rows - 1 lines (Ink 6.8 clears the screen each frame otherwise) and columns - 1 wide.

import { afterEach, expect, test } from 'vitest';
import { host, lab, snapshot, vm } from './fixtures.js';
import { KEY, renderTui, rowNames, type Tui } from './render-tui.js';
import { expectFits } from './fits.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

const busy = () => snapshot({
  t: 3725,
  hosts: [host({ name: 'esx-a', pcpus: 32, vmCount: 60, vcpuCount: 240, loadAvg: [1.5, 1.25, 0.75], 'PCPU_USED%': 87.25 })],
  vms: Array.from({ length: 60 }, (_, i) => vm({
    gid: 2000 + i, name: `a-rather-long-virtual-machine-name-${i}`, vcpus: 4, NWLD: 6,
    '%USED': 1600 - i, '%RDY': i, '%CSTP': 1.5, '%SWPWT': 12.345,
  })),
});

test('the header reads like esxtop, with numbers from the snapshot', async () => {
  tui = await renderTui({ snapshots: [busy()], size: { columns: 200, rows: 60 } });
  const [title, clock, used, util] = tui.lines();
  expect(title).toBe('vmtop lab  host esx-a (esxi, 32 pCPUs, up) 1/1  speed x1  delay 2s');
  expect(clock).toBe('01:02:05 up 0d 1:02, 360 worlds, 60 VMs, 240 vCPUs; CPU load average: 1.50, 1.25, 0.75');
  expect(used).toMatch(/^PCPU USED\(%\): 10\.0 11\.0 12\.0 .* 41\.0 {2}AVG: 87\.3$/);
  expect(util).toMatch(/^PCPU UTIL\(%\): 20\.0 .* 51\.0 {2}AVG: 21\.5$/);
});

test('a narrow terminal truncates the pCPU list but keeps AVG', async () => {
  tui = await renderTui({ snapshots: [busy()], size: { columns: 60, rows: 15 } });
  const used = tui.lines()[2];
  expect(used).toMatch(/^PCPU USED\(%\): 10\.0 .* … {2}AVG: 87\.3$/);
  expect(tui.lines()[1]).toBe('01:02:05 up 0d 1:02; load 1.50, 1.25, 0.75');
});

test.each([[80, 24], [200, 60], [60, 15]])('frames fit %ix%i in every screen', async (columns, rows) => {
  tui = await renderTui({ snapshots: [busy()], size: { columns, rows } });
  expectFits(tui, columns, rows);
  await tui.press('e', KEY.end, 'e');
  expectFits(tui, columns, rows);
  await tui.press('s', 'x');
  expectFits(tui, columns, rows);
  await tui.press(KEY.esc, 'h');
  expectFits(tui, columns, rows);
  await tui.press(KEY.end);
  expectFits(tui, columns, rows);
});

test.each([[80, 24], [60, 15]])('a confirmation\'s detail wraps whole into the box at %ix%i; the frame still fits', async (columns, rows) => {
  tui = await renderTui({ snapshots: [busy()], size: { columns, rows } });
  await tui.press('P');
  const lines = tui.lines();
  const top = lines.findIndex((l) => l.includes('Power off VM a-rather-long-virtual-machine-name-0'));
  expect(top).toBeGreaterThan(0);
  // the detail's words, in order, over the box's lines up to the keys
  const keys = lines.findIndex((l) => l.includes('y confirms'));
  const detail = lines.slice(top + 1, keys).map((l) => l.replace(/^│ /, '').replace(/ *│$/, '').trim()).join(' ');
  expect(detail).toBe('Like pulling the plug: the guest stops at once, unsaved work is lost (P powers it on again).');
  expect(keys - top).toBe(3);
  expectFits(tui, columns, rows);
});

test('narrow terminals drop the least important columns first and shorten NAME with …', async () => {
  tui = await renderTui({ snapshots: [busy()], size: { columns: 80, rows: 24 } });
  const header80 = tui.lines()[4];
  expect(header80).toContain('%USED');
  expect(header80).toContain('%RDY');
  expect(header80).not.toContain('%OVRLP');
  expect(header80).not.toContain('%SWPWT');
  expect(tui.lines()[5]).toContain('…');
  await tui.resize({ columns: 200, rows: 60 });
  const header200 = tui.lines()[4];
  for (const key of ['%OVRLP', '%SWPWT', '%VMWAIT', '%IDLE']) expect(header200).toContain(key);
  expect(tui.lines()[5]).toContain('a-rather-long-virtual-machine-name-0 ');
});

test('below 60x15 a centred message replaces the monitor until the terminal grows', async () => {
  tui = await renderTui({ size: { columns: 50, rows: 12 } });
  const lines = tui.lines();
  expect(lines.length).toBeLessThanOrEqual(11);
  const at = lines.findIndex((l) => l.includes('terminal too small (need 60x15, have 50x12)'));
  expect(at).toBeGreaterThanOrEqual(4);
  expect(lines[at].startsWith(' ')).toBe(true);
  await tui.resize({ columns: 80, rows: 24 });
  expect(rowNames(tui)).toEqual(['alpha', 'charlie', 'bravo']);
});

test('the "too small" message fits whole at every size from 20x5 to 59x14, centred', async () => {
  tui = await renderTui({ size: { columns: 20, rows: 5 } });
  for (let rows = 5; rows < 15; rows++) {
    for (let columns = 20; columns < 60; columns += rows === 5 || rows === 10 ? 1 : 7) {
      await tui.resize({ columns, rows });
      const lines = tui.lines();
      const at = `${columns}x${rows}`;
      expect(lines.length, at).toBeLessThanOrEqual(rows - 1);
      expect(Math.max(...lines.map((l) => l.length)), at).toBeLessThanOrEqual(columns - 1);
      // every part of it: what it is, what is needed, what there is
      const text = lines.join(' ');
      expect(text, at).toMatch(/too small/);
      expect(text, at).toContain('60x15');
      expect(text, at).toContain(at);
    }
  }
  await tui.resize({ columns: 40, rows: 10 });
  expect(tui.lines().map((l) => l.trim()).filter(Boolean)).toEqual(['terminal too small', 'need 60x15, have 40x10']);
  await tui.resize({ columns: 20, rows: 5 });
  expect(tui.lines().map((l) => l.trim()).filter(Boolean)).toEqual(['terminal too small', 'need 60x15', 'have 20x5']);
});

test('the event line shows the newest engine event', async () => {
  const withEvent = lab(30);
  withEvent.events = [{ t: 30, kind: 'migration-started', target: 'bravo', detail: 'to esx-b' }];
  tui = await renderTui({ snapshots: [lab(0), withEvent, lab(32)] });
  expect(tui.lines().at(-2)).toBe('no events yet');
  await tui.tick();
  expect(tui.lines().at(-2)).toBe('30s migration-started bravo: to esx-b');
  await tui.tick();
  expect(tui.lines().at(-2)).toBe('30s migration-started bravo: to esx-b');
});

test('a profile without hosts still draws', async () => {
  tui = await renderTui({ snapshots: [snapshot({ hosts: [] })] });
  expect(tui.lines()[1]).toBe('00:00:00 up 0d 0:00, no hosts in this profile');
  expect(tui.frame()).toContain('no VMs on this host');
  await tui.press('e', KEY.tab, KEY.down);
  expect(tui.lines().at(-2)).toBe('no rows to select on this host');
});
