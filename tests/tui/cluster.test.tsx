// The hosts overview (`o`) and the cluster keys against real engine runs of the built-in
// `migration` and `ha` profiles: V picks a host and the VM moves, X fails a host and HA restarts
// its VMs elsewhere, P, S and D send their commands, Esc sends nothing, a replay refuses them all.

import { afterEach, expect, test } from 'vitest';
import type { Snapshot } from '../../src/engine/snapshot.js';
import { builtinEngine, nameRow as row } from './engine-snapshots.js';
import { bindingFor, type KeyEnv } from '../../src/tui/keymap.js';
import { initialUi } from '../../src/tui/state.js';
import { KEY, renderTui, statusLine as status, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

/** The sample on screen (sampling the engine again would take the next interval's numbers). */
const shown = (t: Tui) => t.clock.store.get().snapshot;
const vmOf = (s: Snapshot, name: string) => s.vms.find((v) => v.name === name)!;

test('V on a VM: a host picker with why a host is not eligible; Enter migrates, the VM ends on the host picked', async () => {
  const engine = builtinEngine('migration');
  tui = await renderTui({ sim: engine, size: { columns: 120, rows: 40 } });
  await tui.tick(30); // a minute: db has touched its 4 GiB
  await tui.press('N', KEY.home, KEY.down);
  expect(row(tui, 'db')).toMatch(/^> /);
  await tui.press('H');
  const frame = tui.frame();
  expect(frame).toContain('Migrate VM db (on esx-a) to:');
  expect(frame).toMatch(/ x esx-a +db is already on esx-a/);
  expect(frame).toMatch(/> {3}esx-b +eligible/);
  expect(frame).toMatch(/ {3}esx-c +eligible/);
  await tui.press(KEY.enter);
  expect(status(tui)).toBe('migrate db → esx-b sent; the result shows at the next refresh');
  expect(engine.applied.at(-1)?.command).toEqual({ action: 'migrate', target: 'db', to: 'esx-b' });
  await tui.tick();
  expect(status(tui)).toMatch(/^\d+s migrate-start db: /);
  // the CPU panel marks the VM migrating with its progress
  expect(row(tui, 'db')).toMatch(/ mig \d+% *$/);
  expect(vmOf(shown(tui), 'db').state).toBe('migrating');

  // 4 GiB over a 1 Gbit link: tens of seconds
  await tui.tick(30);
  const after = shown(tui);
  expect(vmOf(after, 'db').host).toBe('esx-b');
  expect(vmOf(after, 'db').state).toBe('running');
  expect(status(tui)).toMatch(/^\d+s migrate-end db: on esx-b after [\d.]+ s: \d+ pre-copy rounds?, \d+ MiB sent, downtime 0\.\d+ s$/);

  // back from a VM row under o: the hosts overview shows the migration in flight both ways
  await tui.press('o', KEY.home, KEY.down);
  expect(row(tui, 'esx-b')).toMatch(/^> ▸ esx-b +up /);
  await tui.press('e', KEY.down);
  expect(row(tui, 'db')).toMatch(/^> +db +running /);
  await tui.press('H');
  expect(tui.frame()).toContain('Migrate VM db (on esx-b) to:');
  expect(tui.frame()).toMatch(/> {3}esx-a +eligible/);
  await tui.press(KEY.enter);
  await tui.tick();
  expect(status(tui)).toMatch(/^\d+s migrate-start db: /);
  const mig = shown(tui);
  const c = mig.cluster!;
  const pct = Math.round(c.migrations[0].progress * 100);
  expect(tui.lines()[2]).toContain(`${c.runningVms} VMs running: ${c.consolidation.toFixed(2)} VMs per host (consolidation)`);
  expect(tui.lines()[4]).toContain(`IN FLIGHT: db esx-b → esx-a ${pct}%`);
  expect(row(tui, 'esx-a')).toContain(`db ← esx-b ${pct}%`);
  expect(row(tui, 'esx-b')).toContain(`db → esx-a ${pct}%`);
  expect(row(tui, 'db')).toMatch(new RegExp(`db +mig ${pct}% .*→ esx-a ${pct}% \\(pre-copy round \\d+\\)`));
});

test('V: Esc cancels with nothing sent; an ineligible host is not sent but says why', async () => {
  const engine = builtinEngine('migration');
  tui = await renderTui({ sim: engine });
  await tui.press('N', KEY.home, KEY.down, KEY.down); // nfv: a NIC passed through
  expect(row(tui, 'nfv')).toMatch(/^> /);
  await tui.press('H');
  expect(tui.frame()).toMatch(/x esx-b +nfv has a passthrough \(DirectPath I\/O\) device/);
  expect(tui.frame()).toContain('no host can take nfv now');
  await tui.press(KEY.down, KEY.enter);
  expect(tui.frame()).toContain('not esx-b: nfv has a passthrough (DirectPath I/O) device');
  await tui.press(KEY.esc);
  expect(status(tui)).toBe('migration of nfv cancelled: nothing sent');
  expect(engine.applied).toEqual([]);
});

test('X + y fails the host: its VMs go down, HA restarts them elsewhere; X again recovers it', async () => {
  const engine = builtinEngine('ha');
  tui = await renderTui({ sim: engine, size: { columns: 120, rows: 40 } });
  await tui.press('o');
  expect(row(tui, 'esx-a')).toMatch(/^> ▸ esx-a +up +esxi +\[/);
  expect(row(tui, 'esx-a')).toMatch(/ 6\/6( |$)/);
  await tui.press('X');
  expect(tui.frame()).toContain('Fail host esx-a? Its 6 running VMs go down.');
  await tui.press(KEY.esc);
  expect(status(tui)).toBe('cancelled: nothing done');
  expect(engine.applied).toEqual([]);

  await tui.press('X', 'y');
  expect(status(tui)).toBe('fail sent to esx-a; the result shows at the next refresh');
  await tui.tick();
  expect(status(tui)).toMatch(/^\d+s host-failed esx-a: no heartbeat; HA declares it failed after 15 s/);
  const failed = shown(tui);
  expect(failed.hosts[0].state).toBe('failed');
  expect(vmOf(failed, 'db').state).toBe('down');
  expect(vmOf(failed, 'payments').state).not.toBe('down');
  await tui.press('e');
  expect(row(tui, 'esx-a')).toMatch(/FAILED/);
  expect(row(tui, 'db')).toMatch(/DOWN +.*HA restart at \d+ s/);
  expect(row(tui, 'scratch')).toMatch(/DOWN +.*restart priority disabled/);
  expect(tui.lines()[2]).toContain(`2 of 3 hosts on`);

  // detection (15 s) plus the restart: db (high priority) runs on another host
  await tui.tick(12);
  const later = shown(tui);
  expect(vmOf(later, 'db').state).toBe('running');
  expect(vmOf(later, 'db').host).not.toBe('esx-a');
  expect(later.vms.filter((v) => v.host === 'esx-a' && v.state === 'running')).toEqual([]);
  expect(row(tui, 'db')).toBe('');
  expect(row(tui, 'scratch')).toMatch(/DOWN/);

  await tui.press('X');
  expect(status(tui)).toBe('recover sent to esx-a (it comes back empty); the result shows at the next refresh');
  await tui.tick();
  expect(status(tui)).toMatch(/host-recovered esx-a: back up, empty/);
  expect(row(tui, 'esx-a')).toMatch(/ up /);
});

test('P powers off after y and on again, S suspends and resumes, D deploys from a template', async () => {
  const engine = builtinEngine('migration');
  tui = await renderTui({ sim: engine, size: { columns: 120, rows: 40 } });
  await tui.press('N', KEY.home); // cache
  await tui.press('P');
  expect(tui.frame()).toContain('Power off VM cache on esx-a?');
  await tui.press('y');
  await tui.tick();
  expect(status(tui)).toMatch(/power-off cache: powered off/);
  expect(row(tui, 'cache')).toMatch(/ off *$/);
  await tui.press('P');
  await tui.tick();
  expect(status(tui)).toMatch(/power-on cache: powered on, running on esx-a/);
  const columnsRunning = tui.lines()[4];
  await tui.press('S');
  await tui.tick();
  expect(status(tui)).toMatch(/suspend cache: suspended: \d+ MiB written out/);
  expect(row(tui, 'cache')).toMatch(/ suspended *$/);
  // the state has a column of its own, last, shown while a VM has a state: NAME does not widen, no column moves
  expect(columnsRunning).not.toContain('STATE');
  expect(tui.lines()[4]).toBe(`${columnsRunning.trimEnd()} STATE`.padEnd(columnsRunning.length));
  expect(row(tui, 'cache')).toMatch(/^> +\d+ cache {6}/);
  await tui.press('S');
  await tui.tick();
  expect(status(tui)).toMatch(/resume cache: resumed/);

  await tui.press('D');
  expect(tui.frame()).toContain('Deploy a new VM from the template:');
  await tui.press(KEY.enter);
  expect(tui.frame()).toContain('Deploy from web-template on:');
  await tui.press(KEY.down, KEY.down, KEY.down, KEY.enter); // esx-c
  expect(engine.applied.at(-1)?.command).toEqual({ action: 'deploy', target: 'web-template', to: 'esx-c' });
  await tui.tick();
  expect(status(tui)).toMatch(/deploy web-4: deployed from web-template on esx-c/);
  expect(shown(tui).vms.find((v) => v.name === 'web-4')?.host).toBe('esx-c');
});

/** `migration` run 20 s, sorted by name, its first VM (cache) selected. */
async function cacheAfter20s(engine: ReturnType<typeof builtinEngine>): Promise<Tui> {
  const t = await renderTui({ sim: engine, size: { columns: 120, rows: 40 } });
  await t.tick(20);
  await t.press('N', KEY.home); // cache
  return t;
}

test('B resets a running VM after y: it stays on its host, running, its memory starting over; off, B says why', async () => {
  const engine = builtinEngine('migration');
  tui = await cacheAfter20s(engine);
  const before = vmOf(shown(tui), 'cache');
  expect(before.TCHD).toBeGreaterThan(100);
  await tui.press('B');
  expect(tui.frame()).toContain(`Reset VM cache on ${before.host}?`);
  await tui.press(KEY.esc);
  expect(status(tui)).toBe('cancelled: nothing done');
  await tui.press('B', 'y');
  expect(engine.applied.at(-1)?.command).toEqual({ action: 'reset', target: 'cache' });
  await tui.tick();
  expect(status(tui)).toMatch(/^40s reset cache: hard reset on esx-a: the guest reboots/);
  const after = vmOf(shown(tui), 'cache');
  expect(after).toMatchObject({ state: 'running', host: before.host });
  expect(after.TCHD).toBeLessThan(before.TCHD / 2);
  expect(row(tui, 'cache')).not.toMatch(/ (off|suspended|DOWN) /);
  await tui.press('P', 'y');
  await tui.tick();
  await tui.press('B');
  expect(status(tui)).toBe('B: cache is off: there is no guest to reset (P powers it on)');
  expect(tui.frame()).not.toContain('Reset VM');
});

test('G shuts the guest down after y: that VM is off, the others run on; off, G says why', async () => {
  const engine = builtinEngine('migration');
  tui = await cacheAfter20s(engine);
  const before = vmOf(shown(tui), 'cache');
  const running = shown(tui).vms.filter((v) => v.state === 'running').length;
  await tui.press('G');
  expect(tui.frame()).toContain(`Shut down the guest OS of VM cache on ${before.host}?`);
  await tui.press(KEY.esc);
  expect(status(tui)).toBe('cancelled: nothing done');
  expect(engine.applied.at(-1)?.command.action).not.toBe('shutdown');
  await tui.press('G', 'y');
  expect(engine.applied.at(-1)?.command).toEqual({ action: 'shutdown', target: 'cache' });
  await tui.tick();
  expect(status(tui)).toMatch(/^40s guest-shutdown cache: the guest shut itself down: esxi intercepted/);
  expect(vmOf(shown(tui), 'cache').state).toBe('off');
  expect(shown(tui).vms.filter((v) => v.state === 'running').length).toBe(running - 1);
  await tui.press('G');
  expect(status(tui)).toBe('G: cache is off: there is no guest to shut down (P powers it on)');
  expect(tui.frame()).not.toContain('Shut down the guest');
});

test('while a recording replays, V, X, P, S, B, G and D are refused before anything opens', () => {
  const env = { replaying: true } as KeyEnv;
  for (const key of ['H', 'X', 'P', 'S', 'B', 'G', 'D']) {
    for (const panel of ['cpu', 'hosts'] as const) {
      const s = bindingFor(key, panel)!.action({ ...initialUi, panel }, env);
      expect(s.message).toBe(`${key}: not while replaying: a replay shows the recorded run (run the profile live to change it)`);
      expect(s.dialog).toBeNull();
    }
  }
});

test('a host that runs containers or VServer guests shows their CPU, not only its VMs\' demand', async () => {
  const { engineSnapshots } = await import('./engine-snapshots.js');
  const { hostRows } = await import('../../src/tui/panels/hosts/rows.js');
  const snap = engineSnapshots('lab', [20]).get(20)!;
  const rows = hostRows(snap, 'NAME', []);
  for (const name of ['lx-1', 'vs-1']) {
    const host = snap.hosts.find((h) => h.name === name)!;
    expect(snap.vms.filter((v) => v.host === name && v.kind === 'vm')).toHaveLength(0);
    expect(host['PCPU_UTIL%']).toBeGreaterThan(10);
    expect(rows.find((r) => r.name === name)!.cpu).toBeCloseTo(host['PCPU_UTIL%'] / 100, 6);
  }
  // an ESXi host keeps DRS's demand, which exceeds what it can run when it is contended
  const esxA = rows.find((r) => r.name === 'esx-a')!;
  expect(esxA.cpu).toBeGreaterThanOrEqual(snap.hosts.find((h) => h.name === 'esx-a')!['PCPU_UTIL%'] / 100);
  expect(esxA.cpu).toBeGreaterThan(1);
});
