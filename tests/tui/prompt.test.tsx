// The status line's prompts: esxtop's `#` (how many rows every panel shows) beside `s`.

import { afterEach, expect, test } from 'vitest';
import { builtinEngine } from './engine-snapshots.js';
import { KEY, renderTui, rowNames, statusLine, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

/** Data rows of the CPU panel: the lines between its column header and the status line that hold a row. */
const dataRows = (t: Tui) => t.lines().filter((l) => /^[> ] +\d+ +\S/.test(l));

test('# limits every panel to that many rows, the marker counts them, and 0 gives the window back', async () => {
  tui = await renderTui({ sim: builtinEngine('lab'), size: { columns: 120, rows: 40 }, marker: true });
  await tui.tick();
  const all = dataRows(tui).length;
  expect(all).toBeGreaterThan(4);
  await tui.press('#');
  expect(statusLine(tui)).toContain('rows to show (now as many as fit): _  0 or nothing: as many as fit; Enter applies, Esc cancels');
  await tui.press('4');
  expect(statusLine(tui)).toContain(': 4_  0 or nothing');
  await tui.press(KEY.enter);
  expect(dataRows(tui)).toHaveLength(4);
  expect(statusLine(tui)).toMatch(/^rows: at most 4, in every panel .* ↓ rows 1-4 of \d+$/);
  // the status line stays at the bottom: the panel keeps its height, the lines below its rows empty
  expect(tui.lines()).toHaveLength(39);
  // the selection scrolls within the four
  await tui.press(KEY.down, KEY.down, KEY.down, KEY.down);
  expect(statusLine(tui)).toMatch(/↑↓ rows 2-5 of \d+$/);
  // one number for every panel, as esxtop's
  await tui.press('m');
  expect(dataRows(tui).length).toBeLessThanOrEqual(4);
  await tui.press('c', '#');
  expect(statusLine(tui)).toContain('rows to show (now 4): _');
  await tui.press('0', KEY.enter);
  expect(dataRows(tui)).toHaveLength(all);
  expect(statusLine(tui)).toMatch(/^rows: as many as fit/);
});

test('# with nothing typed is as many as fit; more than fit shows what fits', async () => {
  tui = await renderTui({ sim: builtinEngine('lab'), size: { columns: 80, rows: 24 }, marker: true });
  await tui.tick();
  const all = dataRows(tui).length;
  await tui.press('#', '9', '9', '9', KEY.enter);
  expect(dataRows(tui)).toHaveLength(all);
  await tui.press('#', '2', KEY.enter, '#', KEY.enter);
  expect(dataRows(tui)).toHaveLength(all);
});

test('# says what it takes, refuses a letter and a number past the limit, and Esc keeps the number', async () => {
  tui = await renderTui({ marker: true });
  await tui.press('#', 'x');
  expect(statusLine(tui)).toContain('x is not a digit: expected 0..9999 rows, 0 for as many as fit');
  await tui.press('1', '2', '3', '4', '5');
  expect(statusLine(tui)).toContain(': 1234_  expected 0..9999 rows, 0 for as many as fit');
  await tui.press(KEY.esc);
  expect(statusLine(tui)).toBe('rows shown unchanged');
  expect(rowNames(tui)).toEqual(['alpha', 'charlie', 'bravo']);
  await tui.press('#', '1', KEY.enter);
  expect(rowNames(tui)).toEqual(['alpha']);
});

test('# works in a replay: it changes the view, not the run', async () => {
  tui = await renderTui({ replay: [0, 2000, 4000], marker: true });
  await tui.press('#', '2', KEY.enter);
  expect(rowNames(tui)).toEqual(['alpha', 'charlie']);
});
