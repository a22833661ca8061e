// When a panel hides rows (a small terminal, a long host list), the status line's end says which
// rows show, in every panel, as the help screen's last line does.

import { afterEach, expect, test } from 'vitest';
import { scrollMarker } from '../../src/tui/components/StatusLine.js';
import { headerHeight } from '../../src/tui/components/Header.js';
import { PANEL_IDS, PANELS } from '../../src/tui/panels/registry.js';
import { initialUi } from '../../src/tui/state.js';
import { builtinEngine } from './engine-snapshots.js';
import { KEY, renderTui, statusLine, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

test('the marker names the rows shown and the way to the hidden ones', () => {
  expect(scrollMarker(0, 10, 10)).toBe('');
  expect(scrollMarker(0, 10, 22)).toBe(' ↓ rows 1-10 of 22');
  expect(scrollMarker(5, 10, 22)).toBe('↑↓ rows 6-15 of 22');
  expect(scrollMarker(12, 10, 22)).toBe('↑  rows 13-22 of 22');
});

test('at 60x15 the hosts view says which hosts show, and the marker follows the selection', async () => {
  tui = await renderTui({ sim: builtinEngine('lab'), size: { columns: 60, rows: 15 } });
  await tui.tick();
  await tui.press('o', KEY.down);
  const first = statusLine(tui);
  expect(first).toMatch(/ ↓ rows 1-6 of 7$/);
  expect(first.length).toBe(59);
  await tui.press(KEY.end);
  expect(statusLine(tui)).toMatch(/↑ {2}rows 2-7 of 7$/);
  expect(tui.lines().some((l) => l.startsWith('> ▸ vs-1 '))).toBe(true);
});

test('a panel whose rows all fit has no marker', async () => {
  tui = await renderTui({ size: { columns: 100, rows: 30 } });
  expect(statusLine(tui)).not.toContain('rows ');
});

test.each(PANEL_IDS.map((id) => [id]))('the %s panel marks hidden rows at 60x15 of the lab', async (id) => {
  tui = await renderTui({ sim: builtinEngine('lab'), size: { columns: 60, rows: 15 } });
  await tui.tick();
  await tui.press(PANELS[id].key, KEY.down);
  const snap = tui.clock.store.get().snapshot;
  const host = snap.hosts[0];
  const total = PANELS[id].rows(snap, host.name, initialUi).length;
  const columnHeader = headerHeight(PANELS[id].header(snap, host, 59));
  const lines = tui.lines();
  const shown = lines.slice(columnHeader + 1, -2).filter((l) => l.trim() !== '').length;
  if (shown < total) expect(statusLine(tui)).toMatch(new RegExp(`rows 1-${shown} of ${total}$`));
  else expect(statusLine(tui)).not.toMatch(/rows \d/);
});
