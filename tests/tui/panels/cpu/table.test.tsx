// The CPU panel's columns at 80 columns are esxtop's, in esxtop's order: vmtop's STATE column is
// an extra that never takes %SYS's place there, and is drawn only while some VM has a state.
import { afterEach, expect, test } from 'vitest';
import { builtinEngine, headerLine, nameRow } from '../../engine-snapshots.js';
import { KEY, renderTui, type Tui } from '../../render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

const labels = (t: Tui) => headerLine(t).trim().split(/ +/);
const ESXTOP_CORE = ['%USED', '%RUN', '%SYS', '%WAIT', '%RDY', '%CSTP', '%MLMTD'];

test('at 80x24 the CPU panel shows esxtop\'s core fields in esxtop\'s order, no STATE', async () => {
  tui = await renderTui({ sim: builtinEngine('lab'), size: { columns: 80, rows: 24 } });
  await tui.tick();
  expect(labels(tui)).toEqual(['ID', 'NAME', 'NWLD', ...ESXTOP_CORE]);
});

test('a suspended VM: STATE shows on a wide terminal, last, and at 80 columns %SYS keeps its place', async () => {
  tui = await renderTui({ sim: builtinEngine('migration'), size: { columns: 80, rows: 24 } });
  await tui.press('N', KEY.home, 'S'); // cache
  await tui.tick();
  expect(tui.lines().at(-2)).toMatch(/suspend cache: suspended/);
  expect(labels(tui)).toEqual(['ID', 'NAME', 'NWLD', ...ESXTOP_CORE]);
  await tui.resize({ columns: 120, rows: 40 });
  expect(labels(tui).at(-1)).toBe('STATE');
  expect(labels(tui)).toContain('%SYS');
  expect(nameRow(tui, 'cache')).toMatch(/ suspended *$/);
  // resumed, no VM has a state: the blank column leaves, and no other column moves
  const withState = headerLine(tui);
  await tui.press('S');
  await tui.tick();
  expect(labels(tui)).not.toContain('STATE');
  expect(withState.startsWith(headerLine(tui).trimEnd())).toBe(true);
});
