// `/` in help, as in less: a key or a column found and brought to the top line, n the next.

import { afterEach, expect, test } from 'vitest';
import { findHelpLine } from '../../src/tui/dispatch.js';
import { KEY, renderTui, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

test('findHelpLine looks from a line on, wrapping, case-insensitive', () => {
  const lines = ['Keys', '  q   quit', '  %RDY  ready', '  %rdy again'];
  expect(findHelpLine(lines, '%rdy', 0)).toBe(2);
  expect(findHelpLine(lines, '%RDY', 3)).toBe(3);
  expect(findHelpLine(lines, '%RDY', 4 % 4)).toBe(2);
  expect(findHelpLine(lines, 'nowhere', 0)).toBe(-1);
});

test('/ %RDY brings the column\'s line to the top; n goes to the next; a miss says so', async () => {
  tui = await renderTui({ size: { columns: 100, rows: 30 } });
  await tui.press('h', '/', '%', 'R', 'D', 'Y');
  expect(tui.lines().at(-1)).toMatch(/^\/%RDY_ {2}\(Enter finds it, Esc cancels\)/);
  await tui.press(KEY.enter);
  expect(tui.lines()[1]).toMatch(/%RDY/);
  expect(tui.lines().at(-1)).toMatch(/^"%RDY": line \d+, \d+ lines match \(n the next, \/ a new search\)/);
  const first = tui.lines()[1];
  await tui.press('n');
  expect(tui.lines()[1]).toMatch(/%RDY/);
  expect(tui.lines()[1]).not.toBe(first);
  await tui.press('/', 'z', 'q', 'x', KEY.enter);
  expect(tui.lines().at(-1)).toMatch(/^"zqx" is nowhere in the help/);
  await tui.press(KEY.esc);
  expect(tui.lines()[0]).toMatch(/^vmtop lab/);
});
