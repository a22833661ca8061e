// Themes: default (dark backgrounds), light (no yellow or cyan) and none (no colour codes at all,
// the selection still shown by inverse and the `>` marker). T cycles them.

import { afterEach, expect, test, vi } from 'vitest';

// chalk reads FORCE_COLOR when Ink first imports it; this file needs colour on.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '3';
});

const { host, snapshot, vm } = await import('./fixtures.js');
const { renderTui } = await import('./render-tui.js');
const { ANY_COLOUR, BLUE, CYAN, INVERSE, MAGENTA, YELLOW } = await import('./sgr-codes.js');
type Tui = Awaited<ReturnType<typeof renderTui>>;

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});


/** One VM whose %RDY per vCPU (6) is past the warn threshold. */
const warm = () => snapshot({
  hosts: [host({ name: 'esx-a', vmCount: 1, vcpuCount: 2 })],
  vms: [vm({ gid: 1, name: 'waiting', '%USED': 80, '%RDY': 12 })],
});

test('default warns in yellow with a cyan title; light uses magenta and blue instead', async () => {
  tui = await renderTui({ snapshots: [warm()], color: true, marker: false });
  expect(tui.rawFrame()).toContain(YELLOW);
  expect(tui.rawFrame()).toContain(CYAN);
  await tui.unmount();
  tui = await renderTui({ snapshots: [warm()], color: true, marker: false, theme: 'light' });
  expect(tui.rawFrame()).not.toContain(YELLOW);
  expect(tui.rawFrame()).not.toContain(CYAN);
  expect(tui.rawFrame()).toContain(MAGENTA);
  expect(tui.rawFrame()).toContain(BLUE);
});

test('none has no colour codes at all, and the selection shows by inverse and the > marker', async () => {
  tui = await renderTui({ snapshots: [warm()], color: true, theme: 'none' });
  expect(tui.rawFrame()).not.toMatch(ANY_COLOUR);
  expect(tui.rawFrame()).toContain(INVERSE);
  expect(tui.frame()).toMatch(/^> +1 waiting/m);
});

test('T cycles default, light, none; no colour (NO_COLOR) starts at none', async () => {
  tui = await renderTui({ snapshots: [warm()], color: true, marker: false });
  await tui.press('T');
  expect(tui.rawFrame()).toContain(MAGENTA);
  await tui.press('T');
  expect(tui.rawFrame()).not.toMatch(ANY_COLOUR);
  expect(tui.frame()).toMatch(/^> +1 waiting/m);
  await tui.press('T');
  expect(tui.rawFrame()).toContain(YELLOW);
  await tui.unmount();
  tui = await renderTui({ snapshots: [warm()], color: false });
  expect(tui.rawFrame()).not.toMatch(ANY_COLOUR);
  await tui.press('T');
  expect(tui.lines().at(-2)).toMatch(/^theme default/);
});
