// The mouse as htop has it, on the fixture's CPU panel (alpha, charlie, bravo by %USED; the
// column header on line 5, the rows from line 6, as xterm counts them from 1).

import { afterEach, expect, test } from 'vitest';
import { KEY, mouse, renderTui, rowNames, selectedName, statusLine, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

/** 1-based screen row of the line that starts with the row `name`. */
const rowAt = (t: Tui, name: string) => t.lines().findIndex((l) => new RegExp(`^[> ] +\\d+ ${name} `).test(l)) + 1;
/** 1-based screen column of a label in the column header. */
const columnOf = (t: Tui, label: string, line = 4) => t.lines()[line].indexOf(label) + 1;

test('a click on a row selects it; a click below the rows or in the header does nothing', async () => {
  tui = await renderTui();
  expect(selectedName(tui)).toBe('alpha');
  await tui.press(mouse('click', 12, rowAt(tui, 'bravo')));
  expect(selectedName(tui)).toBe('bravo');
  await tui.press(mouse('click', 12, 20), mouse('click', 12, 2));
  expect(selectedName(tui)).toBe('bravo');
  // the selection is the VM's now: a re-sort moves the bar with it
  await tui.press('R');
  expect(rowNames(tui)[0]).toBe('bravo');
  expect(selectedName(tui)).toBe('bravo');
});

test('the wheel moves the selection three rows a notch, within the rows', async () => {
  tui = await renderTui();
  await tui.press(mouse('wheel-down', 12, 6));
  expect(selectedName(tui)).toBe('bravo');
  await tui.press(mouse('wheel-up', 12, 6));
  expect(selectedName(tui)).toBe('alpha');
});

test('a click on a column header sorts by it where the panel has that order, and says why not elsewhere', async () => {
  tui = await renderTui();
  await tui.press(mouse('click', columnOf(tui, '%RDY') + 2, 5));
  expect(statusLine(tui)).toBe('sorted by %RDY');
  expect(rowNames(tui)).toEqual(['bravo', 'charlie', 'alpha']);
  await tui.press(mouse('click', columnOf(tui, 'NAME') + 1, 5));
  expect(rowNames(tui)).toEqual(['alpha', 'bravo', 'charlie']);
  await tui.press(mouse('click', columnOf(tui, '%SYS') + 1, 5));
  expect(statusLine(tui)).toBe('%SYS: not an order of this panel; here U sorts by %USED, R by %RDY, N by name');
  expect(rowNames(tui)).toEqual(['alpha', 'bravo', 'charlie']);
  // the memory panel's header is two lines taller: its column header is on line 7
  await tui.press('m');
  await tui.press(mouse('click', columnOf(tui, 'MEMSZ', 6) + 1, 7));
  expect(statusLine(tui)).toBe('sorted by MEMSZ');
});

test('the wheel scrolls help; a click in a dialog leaves it alone', async () => {
  tui = await renderTui({ size: { columns: 100, rows: 20 } });
  await tui.press('h');
  expect(tui.lines().at(-1)).toMatch(/lines 1-17 of/);
  await tui.press(mouse('wheel-down', 5, 5));
  expect(tui.lines().at(-1)).toMatch(/lines 4-20 of/);
  await tui.press(KEY.esc, '/');
  await tui.press(mouse('click', 12, rowAt(tui, 'bravo')));
  expect(selectedName(tui)).toBe('alpha');
});
