// Colour where esxtop users look, from levelOf and the field thresholds; without colour, no colour
// codes at all but the selection stays visible (inverse kept, plus the `>` column).

import { afterEach, expect, test, vi } from 'vitest';

// chalk reads FORCE_COLOR when Ink first imports it; this file alone needs colour on.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '3';
});

const { host, snapshot, vm } = await import('./fixtures.js');
const { renderTui } = await import('./render-tui.js');
const { ANY_COLOUR, INVERSE, RED, YELLOW } = await import('./sgr-codes.js');
type Tui = Awaited<ReturnType<typeof renderTui>>;

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});


const hot = () => snapshot({
  hosts: [host({ name: 'esx-a', vmCount: 5, vcpuCount: 10 })],
  vms: [
    vm({ gid: 1, name: 'calm', '%USED': 90, '%RDY': 8 }), // 4 per vCPU
    vm({ gid: 2, name: 'waiting', '%USED': 80, '%RDY': 12 }), // 6 per vCPU: warn
    vm({ gid: 3, name: 'starved', '%USED': 70, '%RDY': 30 }), // 15 per vCPU: alarm
    vm({ gid: 4, name: 'costopped', '%USED': 60, '%CSTP': 8 }), // 4 per vCPU: warn
    vm({ gid: 5, name: 'limited', '%USED': 50, '%MLMTD': 0.5 }), // any limit: warn
  ],
});

const line = (t: Tui, name: string) => t.rawFrame().split('\n').find((l) => l.includes(` ${name} `)) ?? '';

test('%RDY per vCPU above 5 is yellow and above 10 red; %CSTP above 3 and %MLMTD above 0 are yellow', async () => {
  tui = await renderTui({ snapshots: [hot()], color: true, size: { columns: 120, rows: 30 } });
  expect(line(tui, 'calm')).not.toMatch(ANY_COLOUR);
  expect(line(tui, 'waiting')).toContain(`${YELLOW}  12.00`);
  expect(line(tui, 'starved')).toContain(`${RED}  30.00`);
  expect(line(tui, 'costopped')).toContain(`${YELLOW}  8.00`);
  expect(line(tui, 'limited')).toContain(`${YELLOW}  0.50`);
});

test('with colour the selected row is inverse and there is no marker column', async () => {
  tui = await renderTui({ snapshots: [hot()], color: true });
  expect(line(tui, 'calm').startsWith(INVERSE)).toBe(true);
  expect(line(tui, 'waiting')).not.toContain(INVERSE);
  expect(tui.frame()).not.toMatch(/^>/m);
});

test('without colour there are no colour codes, and the selection keeps inverse and gets `>`', async () => {
  tui = await renderTui({ snapshots: [hot()], color: false, size: { columns: 120, rows: 30 } });
  expect(tui.rawFrame()).not.toMatch(ANY_COLOUR);
  expect(line(tui, 'calm')).toContain(INVERSE);
  expect(tui.frame()).toMatch(/^> +1 calm /m);
  expect(tui.frame()).toMatch(/^ {2} +2 waiting /m);
  await tui.press('h');
  expect(tui.rawFrame()).not.toMatch(ANY_COLOUR);
  await tui.press('q', ' ', 's', 'x');
  expect(tui.rawFrame()).not.toMatch(ANY_COLOUR);
});

const { memory } = await import('./fixtures.js');

/** Memory under reclamation: each VM crosses one threshold of the field table. */
const squeezed = () => snapshot({
  hosts: [host({ name: 'esx-a', vmCount: 5, vcpuCount: 10, MEM_STATE: 'soft' })],
  vms: [
    vm({ gid: 1, name: 'roomy', ...memory(4096, 4000) }),
    vm({ gid: 2, name: 'ballooned', ...memory(4096, 3000), MCTLSZ: 700 }),
    vm({ gid: 3, name: 'swapped', ...memory(4096, 3000), SWCUR: 300 }),
    vm({ gid: 4, name: 'trickling', ...memory(4096, 3000), 'SWR/s': 0.25 }),
    vm({ gid: 5, name: 'thrashing', ...memory(4096, 3000), 'SWR/s': 6.5 }),
  ],
});

test('memory: MCTLSZ, SWCUR and SWR/s above 0 are yellow, SWR/s above 1 red; the state word too', async () => {
  tui = await renderTui({ snapshots: [squeezed()], color: true, size: { columns: 200, rows: 30 } });
  await tui.press('m');
  expect(line(tui, 'roomy')).not.toMatch(ANY_COLOUR);
  expect(line(tui, 'ballooned')).toContain(`${YELLOW}    700`);
  expect(line(tui, 'swapped')).toContain(`${YELLOW}    300`);
  expect(line(tui, 'trickling')).toContain(`${YELLOW}  0.25`);
  expect(line(tui, 'thrashing')).toContain(`${RED}  6.50`);
  expect(tui.rawFrame()).toContain(`${YELLOW}soft`);
});

test('memory without colour: no colour codes, the selection keeps inverse and `>`', async () => {
  const hard = squeezed();
  hard.hosts[0].MEM_STATE = 'hard';
  tui = await renderTui({ snapshots: [hard], color: false, size: { columns: 80, rows: 24 } });
  await tui.press('m');
  expect(tui.rawFrame()).not.toMatch(ANY_COLOUR);
  expect(tui.frame()).toMatch(/^> +1 roomy /m);
  expect(line(tui, 'roomy')).toContain(INVERSE);
  expect(tui.frame()).toContain('hard state');
});
