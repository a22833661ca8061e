// The event log (E): every event with its simulated time, scrollable, filterable, the cursor's
// event shown whole on Enter; a click on the event line opens it.

import { afterEach, expect, test } from 'vitest';
import { EVENT_LOG_CAPACITY } from '../../src/tui/clock.js';
import { lab } from './fixtures.js';
import { KEY, mouse, renderTui, statusLine, type Tui } from './render-tui.js';
import type { EngineEvent, Snapshot } from '../../src/engine/snapshot.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

const LONG = 'migrated to esx-b in 41.2 s, 4096 MiB copied over 1 Gbit/s in 6 pre-copy passes, stun 0.42 s, the last dirty pages 118 MiB';

/** Three samples with events: a long one at 2 s, a dozen loads at 4 s. */
function withEvents(): Snapshot[] {
  const at = (t: number, events: EngineEvent[]) => ({ ...lab(t), events });
  return [
    at(0, []),
    at(2, [{ t: 2, kind: 'migrate', target: 'alpha', detail: LONG }]),
    at(4, Array.from({ length: 12 }, (_, i) => ({ t: 4, kind: 'load', target: `vm-${i}`, detail: `+${10 * (i + 1)}% CPU for 30 s` }))),
  ];
}

test('E lists the events with their simulated times, newest last, the cursor on the newest', async () => {
  tui = await renderTui({ snapshots: withEvents(), size: { columns: 80, rows: 15 } });
  await tui.tick(2);
  await tui.press('E');
  const lines = tui.lines();
  expect(lines[0]).toMatch(new RegExp(`^Event log: 13 events \\(the last ${EVENT_LOG_CAPACITY} are kept\\)`));
  expect(lines.at(-2)).toMatch(/^> 4s load vm-11: \+120% CPU for 30 s/);
  expect(lines.at(-1)).toMatch(/^event 13 of 13 /);
  // up to the long one: cut on its line, whole after Enter
  await tui.press(KEY.home);
  expect(tui.lines()[1]).toMatch(/^> 2s migrate alpha: migrated to esx-b .*…$/);
  await tui.press(KEY.enter);
  const whole = tui.lines().slice(1, 4).join(' ').replace(/\s+/g, ' ');
  expect(whole).toContain('stun 0.42 s, the last dirty pages 118 MiB');
  expect(tui.lines().at(-1)).toMatch(/^event 1 of 13 /);
  await tui.press(KEY.esc);
  expect(tui.lines()[0]).toMatch(/^vmtop lab/);
});

test('/ filters the log as it is typed; Esc in the filter clears it', async () => {
  tui = await renderTui({ snapshots: withEvents(), size: { columns: 80, rows: 20 } });
  await tui.tick(2);
  await tui.press('E', '/', 'v', 'm', '-', '1');
  expect(tui.lines()[0]).toMatch(/3 matching "vm-1"$/);
  expect(tui.lines().at(-1)).toMatch(/^filter: vm-1_/);
  expect(tui.lines().filter((l) => / load vm-1\d?:/.test(l))).toHaveLength(3);
  await tui.press(KEY.enter);
  expect(tui.lines().at(-1)).toMatch(/^event 3 of 3 /);
  await tui.press('/', 'z', 'z');
  expect(tui.frame()).toContain('no event matches "zz"');
  await tui.press(KEY.esc);
  expect(tui.lines()[0]).toMatch(/^Event log: 13 events \(the last \d+ are kept\)$/);
});

test('a click on the event line opens the log', async () => {
  tui = await renderTui({ snapshots: withEvents(), size: { columns: 100, rows: 30 } });
  await tui.tick(2);
  expect(statusLine(tui)).toMatch(/^4s load vm-11: .*\(12 earlier\)/);
  // the status line is the second line from the bottom of a 29-line frame
  await tui.press(mouse('click', 5, 28));
  expect(tui.lines()[0]).toMatch(/^Event log: 13 events/);
});
