// The footer's hints come from the key table, filtered by where each key works: this panel, and
// in a replay none of the keys a replay refuses.

import { afterEach, expect, test } from 'vitest';
import { footerHints, KEYMAP, type KeyEnv } from '../../src/tui/keymap.js';
import { initialUi } from '../../src/tui/state.js';
import { PANEL_IDS } from '../../src/tui/panels/registry.js';
import { renderTui, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

test('the hosts view is one of the panel keys, at 80 and 120 columns alike', () => {
  for (const width of [79, 119]) {
    for (const panel of ['cpu', 'mem', 'hosts'] as const) expect(footerHints(panel, width)).toContain('c/m/n/v/g/t/o panel');
  }
});

test('at 80 columns each panel keeps the way out, help, the panels and what matters most there', () => {
  const at80 = (panel: Parameters<typeof footerHints>[0]) => footerHints(panel, 79);
  for (const panel of PANEL_IDS) {
    const hints = at80(panel);
    expect(hints.length, panel).toBeLessThanOrEqual(79);
    for (const hint of ['q quit', 'h help', 'c/m/n/v/g/t/o panel']) expect(hints, panel).toContain(hint);
  }
  // e opens a VM into its vCPUs (where %CSTP shows), a service into its replicas, a host into its VMs
  for (const panel of ['cpu', 'cgroup', 'hosts'] as const) expect(at80(panel), panel).toContain('e expand');
  expect(at80('cpu')).toContain('U/R/N sort');
  // an esxtop user presses space for a refresh: the footer says it pauses here
  expect(at80('cpu')).toContain('space pause');
  expect(at80('hosts')).toContain('X fail/recover');
  expect(at80('mem')).toContain('M/N sort');
});

test('the CPU panel mentions +/- at 120 columns', () => {
  expect(footerHints('cpu', 119)).toContain('+/- speed');
  expect(footerHints('cpu', 119).length).toBeLessThanOrEqual(119);
});

test('a replay leaves out what it refuses: no A, H, X or s', () => {
  const live = footerHints('cpu');
  const replay = footerHints('cpu', Infinity, true);
  for (const hint of ['A load', 'H migrate', 'X fail/recover', 's delay']) {
    expect(live).toContain(hint);
    expect(replay).not.toContain(hint);
  }
  expect(replay).toContain('+/- speed');
  expect(replay).toContain('. step');
});

test('each key the footer leaves out of a replay is one a replay refuses, and no other', () => {
  const said: string[] = [];
  const env = { replaying: true, rows: () => [], page: () => 1, hosts: [], clock: {}, quit: () => {}, configPath: '' } as unknown as KeyEnv;
  for (const b of KEYMAP.filter((k) => k.live)) {
    const s = b.action(initialUi, env);
    said.push(`${b.key}: ${s.message ?? ''}`);
    expect(s.message, b.key).toMatch(/not while replaying|a replay refreshes at the recorded instants/);
  }
  expect(said.length).toBeGreaterThanOrEqual(10);
});

test('the replayed monitor draws the replay footer', async () => {
  tui = await renderTui({ size: { columns: 200, rows: 30 }, replay: [0, 2000, 4000] });
  const footer = tui.lines().at(-1) ?? '';
  expect(footer).toBe(footerHints('cpu', 199, true));
  expect(footer).not.toContain('A load');
});
