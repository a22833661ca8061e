// The view tools of issue 8: `/` filter, `f` field chooser, Enter details with history
// sparklines, `W` config file, themes, and the L load and Z freeze/thaw dialogs. Real numbers:
// the scripted lab for what the screen shows, a real engine for what commands do.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { Profile } from '../../src/profile/types.js';
import { configPath, loadConfig } from '../../src/tui/config.js';
import { History, HISTORY_CAPACITY, Ring, sparkline } from '../../src/tui/history.js';
import { ctr, linux } from '../engine/cgroups/helpers.js';
import { host, profile, vm as vmSpec } from '../helpers/profile.js';
import { tempDir } from '../helpers/tmp.js';
import { builtinEngine } from './engine-snapshots.js';
import { lab, vm } from './fixtures.js';
import { KEY, renderTui, rowNames, selectedName, statusLine, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

const homes = tempDir('vmtop-config-');

/** A fresh $XDG_CONFIG_HOME for one test; returns the config file's path. */
function freshConfigHome(): string {
  process.env.XDG_CONFIG_HOME = mkdtempSync(join(homes, 'home-'));
  return configPath();
}

/** An ESXi host with a 2-vCPU VM at 20 % per vCPU, and a Linux host with one container. */
function commandLab(): Profile {
  const p = profile(
    [host('esx-a', { pcpus: 4 }), linux('lx-1', 2)],
    [vmSpec('web', 'esx-a', { vcpus: 2, workload: { cpu: 0.2 } })],
  );
  return { ...p, containers: [ctr('api', 'lx-1', { workload: { cpu: 0.3 } })] };
}

/** A real engine whose submitted commands a test can count. */
function engineWithLog() {
  const engine = new Engine(commandLab());
  const sent: unknown[] = [];
  const submit = engine.submit.bind(engine);
  engine.submit = (c) => {
    sent.push(c);
    submit(c);
  };
  return { engine, sent };
}

/** The selected row's name in any panel (the containers panel has no ID column). */
const selected = (t: Tui) => /^> +(?:\d+ +)?(\S+)/m.exec(t.frame())?.[1];

async function selectRow(t: Tui, name: string) {
  for (let i = 0; i < 10 && selected(t) !== name; i++) await t.press(KEY.down);
  expect(selected(t)).toBe(name);
}

const vmUsed = (t: Tui, name: string) => t.clock.store.get().snapshot.vms.find((v) => v.name === name)!['%USED'];
const container = (t: Tui, name: string) => t.clock.store.get().snapshot.containers.find((c) => c.name === name)!;

describe('/ filters rows by name', () => {
  test('narrows the rows live, keeps the selection, shows in the status line, Esc clears', async () => {
    tui = await renderTui();
    await tui.press(KEY.down);
    expect(selectedName(tui)).toBe('charlie');
    await tui.press('/', 'h');
    expect(rowNames(tui)).toEqual(['alpha', 'charlie']);
    expect(statusLine(tui)).toMatch(/^filter by name: h_ {2}2 rows/);
    await tui.press(KEY.enter);
    expect(rowNames(tui)).toEqual(['alpha', 'charlie']);
    expect(selectedName(tui)).toBe('charlie');
    expect(statusLine(tui)).toMatch(/^\[\/h: 2 rows\]/);
    // the keys move within the filtered rows
    await tui.press(KEY.end);
    expect(selectedName(tui)).toBe('charlie');
    // on every panel: the memory panel shows the same filter
    await tui.press('m');
    expect(rowNames(tui)).toEqual(['alpha', 'charlie']);
    await tui.press('/', KEY.esc);
    expect(rowNames(tui)).toEqual(['bravo', 'alpha', 'charlie']);
    expect(selectedName(tui)).toBe('charlie');
    expect(statusLine(tui)).toBe('filter cleared');
  });

  test('Esc and a key typed as one chunk close the prompt and then act', async () => {
    tui = await renderTui();
    await tui.press('/', 'h', '\u001Bm');
    expect(tui.lines()[2]).toMatch(/^PMEM/);
    expect(rowNames(tui)).toEqual(['bravo', 'alpha', 'charlie']);
  });

  test('a filter keeps an expanded VM\'s vCPU rows with their VM; no match says so in the count', async () => {
    tui = await renderTui();
    await tui.press('e', '/', 'a', 'l');
    expect(rowNames(tui)).toEqual(['alpha', 'vcpu-0', 'vcpu-1']);
    await tui.press('x', 'x');
    expect(rowNames(tui)).toEqual([]);
    expect(statusLine(tui)).toMatch(/^filter by name: alxx_ {2}0 rows/);
  });

  test('a filter that matches nothing says so instead of "no VMs on this host"; a vCPU match keeps its VM', async () => {
    tui = await renderTui();
    await tui.press('/', 'z', 'z', KEY.enter);
    expect(tui.lines()[5]).toBe('  no row matches "zz" — / edits the filter, Esc in / clears it');
    expect(tui.frame()).not.toContain('no VMs on this host');
    await tui.press('n');
    expect(tui.lines()[5]).toBe('  no row matches "zz" — / edits the filter, Esc in / clears it');
    await tui.press('c', '/', KEY.esc, 'e', '/', 'c', 'p', 'u', '-', '1');
    expect(rowNames(tui)).toEqual(['alpha', 'vcpu-1']);
    // Esc outside the prompt says how to clear the filter instead of "no such key"
    await tui.press(KEY.enter, KEY.esc);
    expect(statusLine(tui)).toBe('[/cpu-1: 2 rows] Esc: the filter stays; / then Esc clears it');
  });
});

describe('f chooses fields', () => {
  test('space hides the field under the cursor; the panel drops its column, NAME stays', async () => {
    tui = await renderTui();
    const heading = () => tui!.lines()[4];
    expect(heading()).toContain('%RDY');
    await tui.press('f');
    expect(tui.frame()).toMatch(/> \[x\] ID /);
    await tui.press(KEY.down, KEY.down);
    expect(tui.frame()).toMatch(/> \[x\] %USED +physical CPU time/);
    for (let i = 0; i < 5; i++) await tui.press(KEY.down);
    expect(tui.frame()).toMatch(/> \[x\] %RDY/);
    await tui.press(KEY.space);
    expect(tui.frame()).toMatch(/> \[ \] %RDY/);
    expect(tui.lines()[0]).toMatch(/13 of 19 shown/);
    await tui.press(KEY.esc);
    expect(heading()).not.toContain('%RDY');
    expect(heading()).toMatch(/NAME/);
    expect(heading()).toContain('%USED');
    // the memory panel keeps its own fields
    await tui.press('m');
    expect(tui.lines()[6]).toContain('MEMSZ');
  });
});

describe('Enter shows the details of the selected entity', () => {
  test('the selected VM\'s values, as in the snapshot, with units', async () => {
    tui = await renderTui({ size: { columns: 120, rows: 40 } });
    await tui.press(KEY.end);
    expect(selectedName(tui)).toBe('bravo');
    await tui.press(KEY.enter);
    const frame = tui.frame();
    expect(tui.lines()[0]).toMatch(/^VM bravo on esx-a/);
    expect(frame).toMatch(/%USED +20\.00 %/);
    expect(frame).toMatch(/%RDY +30\.00 %/);
    expect(frame).toMatch(/MEMSZ +8192 MiB/);
    expect(frame).toMatch(/GRANT +2048 MiB/);
    expect(frame).toMatch(/^%RDY +30 /m);
    await tui.press(KEY.esc);
    expect(rowNames(tui)).toEqual(['alpha', 'charlie', 'bravo']);
  });

  test('the sparklines grow with the samples and stop at the history capacity', async () => {
    const snaps = Array.from({ length: HISTORY_CAPACITY + 10 }, (_, i) => {
      const s = lab(i * 2);
      s.vms = s.vms.map((v) => (v.name === 'alpha' ? vm({ gid: 1001, name: 'alpha', '%USED': i % 50, '%RDY': 1 }) : v));
      return s;
    });
    tui = await renderTui({ snapshots: snaps, size: { columns: 220, rows: 30 } });
    await tui.press(KEY.enter);
    await tui.tick(5);
    expect(tui.frame()).toContain('history: 6 samples');
    await tui.tick(HISTORY_CAPACITY);
    expect(tui.frame()).toContain(`history: ${HISTORY_CAPACITY} samples (keeps ${HISTORY_CAPACITY})`);
    const spark = /^%USED +\S+ ([▁▂▃▄▅▆▇█]+)/m.exec(tui.frame())![1];
    expect(spark.length).toBe(HISTORY_CAPACITY);
  });
});

describe('history', () => {
  test('a ring keeps the newest values up to its capacity', () => {
    const r = new Ring(3);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.length).toBe(3);
    expect(r.values()).toEqual([3, 4, 5]);
    expect(r.values(2)).toEqual([4, 5]);
  });

  test('memory is bounded: any number of samples keeps capacity values per series, entities that leave are dropped', () => {
    const h = new History(60);
    const base = lab(0);
    const tmp = vm({ gid: 9000, name: 'tmp' });
    for (let i = 0; i < 10_000; i++) {
      // a new short-lived VM every sample: it must not pile up
      h.record({ ...base, t: i * 2, vms: [...base.vms, { ...tmp, gid: 9000 + i, name: `tmp-${i}` }] });
    }
    const alpha = h.get('vm:1001')!;
    expect(alpha.used.length).toBe(60);
    expect(alpha.used.values().every((v) => v === 150)).toBe(true);
    // 5 VMs (4 of the lab, the newest temporary one) and 2 hosts
    expect(h.size).toBe(7);
    expect(h.get('vm:9000')).toBeUndefined();
  });

  test('the same snapshot recorded twice counts once; sparklines scale to their maximum', () => {
    const h = new History(10);
    const s = lab(0);
    h.record(s);
    h.record(s);
    expect(h.get('vm:1001')!.used.length).toBe(1);
    expect(sparkline([0, 50, 100], 10)).toBe('▁▅█');
    expect(sparkline([1, 2, 3, 4], 2)).toBe('▆█');
  });
});

describe('W writes the view settings', () => {
  test('a new monitor starts with what W wrote', async () => {
    const path = freshConfigHome();
    tui = await renderTui({ config: loadConfig() });
    await tui.press('m', 'f', KEY.down, KEY.down, KEY.space, KEY.esc, 'T', 's', '5', KEY.enter, 'W');
    expect(statusLine(tui)).toBe(`view settings written to ${path}`);
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    expect(saved).toEqual({ version: 1, panel: 'mem', sort: '%USED', delay: 5, theme: 'default', hiddenFields: { mem: ['GRANT'] } });
    await tui.unmount();

    tui = await renderTui({ config: loadConfig(), color: true });
    expect(tui.lines()[2]).toMatch(/^PMEM/);
    expect(tui.lines()[6]).toContain('MEMSZ');
    expect(tui.lines()[6]).not.toContain('GRANT');
    await tui.press('T');
    expect(statusLine(tui)).toMatch(/^theme light/);
  });

  test('a broken file is reported with its path and what is wrong, and W asks before overwriting it', async () => {
    const path = freshConfigHome();
    tui = await renderTui({ config: loadConfig() });
    await tui.press('W');
    await tui.unmount();
    const broken = '{"version": 1, "panel": "cpu", "delay": 0.1}\n';
    writeFileSync(path, broken);

    const load = loadConfig();
    expect(load.error).toBe('delay: 0.1 is below 0.5');
    // wide enough for the status line to hold the whole path, wherever $TMPDIR is
    tui = await renderTui({ config: load, size: { columns: 200, rows: 30 } });
    expect(statusLine(tui)).toBe(`config ${path} ignored: delay: 0.1 is below 0.5`);
    await tui.press('W');
    expect(tui.frame()).toContain('Overwrite the broken config file?');
    expect(tui.frame()).toContain('delay: 0.1 is below 0.5');
    await tui.press('n');
    expect(statusLine(tui)).toBe('cancelled: nothing done');
    expect(readFileSync(path, 'utf8')).toBe(broken);
    await tui.press('W', KEY.esc);
    expect(readFileSync(path, 'utf8')).toBe(broken);
    await tui.press('W', 'y');
    expect(statusLine(tui)).toBe(`view settings written to ${path}`);
    expect(loadConfig().error).toBeNull();
  });

  test('what is wrong names the key and the value found', () => {
    const path = freshConfigHome();
    mkdirSync(dirname(path), { recursive: true });
    const errorOf = (text: string) => {
      writeFileSync(path, text);
      return loadConfig().error;
    };
    expect(errorOf('{"theme": "dark"}')).toBe('theme: "dark" is not one of default, light, none');
    expect(errorOf('{"version": 2}')).toBe('version: 2 is not one of 1');
    expect(errorOf('{"colour": true}')).toBe('unknown key "colour"');
    expect(errorOf('{"hiddenFields": {"cpu": [1]}}')).toBe('hiddenFields.cpu.0: expected string, found 1');
    expect(errorOf('{"panel": "tree", "delay": 4000}')).toBe('panel: "tree" is not one of cpu, mem, net, disk, cgroup, vserver, hosts; delay: 4000 is above 3600');
    expect(errorOf('{"panel": "disk", "sort": "NAME"}')).toBeNull();
    expect(loadConfig().settings).toEqual({ panel: 'disk', sort: 'NAME' });
  });

  test('a file that is not JSON is named and ignored', async () => {
    const path = freshConfigHome();
    tui = await renderTui({ config: loadConfig() });
    await tui.press('W');
    writeFileSync(path, '{"panel": "mem",');
    const load = loadConfig();
    expect(load.settings).toBeNull();
    expect(load.error).toMatch(/^not JSON: /);
    await tui.unmount();
    tui = await renderTui({ config: load });
    expect(statusLine(tui)).toMatch(/ignored: not JSON/);
    expect(tui.lines()[2]).toMatch(/^PCPU USED/);
  });
});

describe('L injects load, Z freezes and thaws', () => {
  test('L with its defaults (100 % for 60 s) makes the VM\'s %USED rise after the simulation advances', async () => {
    const { engine, sent } = engineWithLog();
    tui = await renderTui({ sim: engine });
    await tui.tick(2);
    const before = vmUsed(tui, 'web');
    expect(before).toBeGreaterThan(35);
    expect(before).toBeLessThan(45);
    await tui.press('A');
    expect(tui.frame()).toContain('Inject load into VM web');
    expect(tui.frame()).toContain('CPU [100_] % of one vCPU (max 200)   for [60] s');
    await tui.press(KEY.enter);
    // one vCPU's worth: one thread fully busy, as `stress -c 1` would be
    expect(sent).toEqual([{ action: 'load', target: 'web', cpu: 1, threads: 1, forMs: 60000 }]);
    expect(statusLine(tui)).toMatch(/^load \+100% for 60s sent to web/);
    await tui.tick(2);
    // vCPU 0 saturated (100), vCPU 1 as before (20), each with 1 % housekeeping
    expect(vmUsed(tui, 'web')).toBeGreaterThan(115);
    expect(vmUsed(tui, 'web')).toBeLessThan(125);
    expect(statusLine(tui)).toMatch(/load web: \+100% CPU on 1 vCPU for 60s/);
  });

  test('L takes the total as %USED counts it: 150 on two vCPUs busies both at 75 %; 300 is refused', async () => {
    const { engine, sent } = engineWithLog();
    tui = await renderTui({ sim: engine });
    await tui.press('A', KEY.backspace, KEY.backspace, KEY.backspace, '3', '0', '0', KEY.enter);
    expect(tui.frame()).toContain('CPU: 1..200 % of one vCPU (web has 2 vCPUs)');
    expect(sent).toEqual([]);
    await tui.press(KEY.backspace, KEY.backspace, KEY.backspace, '1', '5', '0', KEY.enter);
    expect(sent).toEqual([{ action: 'load', target: 'web', cpu: 0.75, threads: 2, forMs: 60000 }]);
    await tui.tick(2);
    // what the log says is what runs: 20 + 75 (+1 housekeeping) on each vCPU
    expect(statusLine(tui)).toMatch(/load web: \+150% CPU \(75% on each of 2 vCPUs\) for 60s/);
    expect(vmUsed(tui, 'web')).toBeGreaterThan(185);
    expect(vmUsed(tui, 'web')).toBeLessThan(197);
  });

  test('the load dialog takes typed values and refuses what is out of range', async () => {
    const { engine, sent } = engineWithLog();
    tui = await renderTui({ sim: engine });
    await tui.press('A', KEY.backspace, KEY.backspace, KEY.backspace, '5', '0', KEY.tab, KEY.backspace, KEY.backspace, '0');
    await tui.press(KEY.enter);
    expect(tui.frame()).toContain('duration: 1..3600 s');
    expect(sent).toEqual([]);
    await tui.press('3', '0', KEY.enter);
    expect(sent).toEqual([{ action: 'load', target: 'web', cpu: 0.5, threads: 1, forMs: 30000 }]);
  });

  test('Z on a container asks, then freezes it (frozen in the snapshot); Z again thaws it', async () => {
    const { engine, sent } = engineWithLog();
    tui = await renderTui({ sim: engine });
    await tui.press('g', KEY.tab);
    await selectRow(tui, 'api');
    await tui.press('Z');
    expect(tui.frame()).toContain('Freeze container api?');
    expect(sent).toEqual([]);
    await tui.press('y');
    expect(sent).toEqual([{ action: 'freeze', target: 'api' }]);
    await tui.tick();
    expect(container(tui, 'api').frozen).toBe(true);
    expect(statusLine(tui)).toMatch(/frozen api: cgroup\.freeze 1/);
    await tui.press('Z');
    await tui.tick();
    expect(container(tui, 'api').frozen).toBe(false);
    expect(statusLine(tui)).toMatch(/thawed api/);
  });

  test('a command the engine refuses shows its refusal on the status line', async () => {
    const { engine, sent } = engineWithLog();
    tui = await renderTui({ sim: engine });
    await tui.press('g', KEY.tab);
    await selectRow(tui, 'api');
    // frozen behind the screen's back: the sample on screen still shows it running
    engine.submit({ action: 'freeze', target: 'api' });
    await tui.press('Z', 'y');
    expect(sent).toHaveLength(2);
    await tui.tick();
    expect(statusLine(tui)).toMatch(/refused api: freeze: it is already frozen$/);
    await tui.press('N');
    expect(statusLine(tui)).toBe('sorted by name');
  });

  test('Z on a VM answers that it acts on containers; L on a kernel row says what it needs', async () => {
    const { engine, sent } = engineWithLog();
    tui = await renderTui({ sim: engine });
    await tui.press('Z');
    expect(statusLine(tui)).toMatch(/^Z freezes or thaws a container; web is a VM/);
    await tui.press('g', KEY.tab, KEY.home, 'A');
    expect(statusLine(tui)).toMatch(/^A injects load into a VM or a container; lx-1 is a host/);
    expect(sent).toEqual([]);
  });

  test('Esc cancels every dialog and nothing is submitted', async () => {
    const { engine, sent } = engineWithLog();
    tui = await renderTui({ sim: engine });
    for (const open of ['/', 'f', KEY.enter, 'A']) {
      await tui.press(open, KEY.esc);
      expect(tui.lines()[2]).toMatch(/^PCPU USED/);
      expect(tui.frame()).not.toMatch(/Inject load|Fields of|filter by name/);
    }
    await tui.press('g', KEY.tab);
    await selectRow(tui, 'api');
    await tui.press('Z', KEY.esc);
    expect(statusLine(tui)).toBe('cancelled: nothing done');
    await tui.tick();
    expect(container(tui, 'api').frozen).toBe(false);
    expect(sent).toEqual([]);
    expect(engine.applied).toEqual([]);
  });
});

describe('f hides ID and NWLD as esxtop does', () => {
  test('space on ID drops the ID column; NWLD can go too; NAME stays', async () => {
    tui = await renderTui();
    expect(tui.lines()[4]).toMatch(/^ +ID NAME +NWLD /);
    await tui.press('f', KEY.space, KEY.down, KEY.space, KEY.esc);
    expect(tui.lines()[4]).toMatch(/^ {2}NAME +%USED /);
    expect(rowNames(tui)).toEqual([]);
    expect(tui.lines()[5]).toMatch(/^> alpha +\d/);
  });
});

describe('the start-up selection', () => {
  test('is the first row once the first sample has re-sorted the rows, and stays first until a row is chosen', async () => {
    tui = await renderTui({ sim: builtinEngine('lab'), marker: true });
    await tui.tick(2);
    const first = tui.lines()[5];
    expect(first).toMatch(/^> /);
    await tui.press(KEY.down);
    const chosen = tui.lines()[6].replace(/^> +\d+ +(\S+).*/, '$1');
    await tui.tick(3);
    expect(selectedName(tui)).toBe(chosen);
  });
});

describe('V shows VMs only, as esxtop\'s V', () => {
  test('on a Xen host Domain-0 leaves the CPU and network panels, and comes back on V', async () => {
    tui = await renderTui({ sim: builtinEngine('io-paths'), size: { columns: 120, rows: 40 } });
    await tui.tick();
    const xen = tui.clock.store.get().snapshot.vms.find((v) => v.kind === 'system' && v.name === 'Domain-0');
    expect(xen).toBeDefined();
    while (!tui.lines()[0].includes(`host ${xen!.host} `)) await tui.press(KEY.tab);
    const names = () => tui!.lines().map((l) => /^[> ] +\d+ +(\S+)/.exec(l)?.[1]).filter(Boolean);
    expect(names()).toContain('Domain-0');
    await tui.press('V');
    expect(statusLine(tui)).toBe('VMs only: the system groups hidden (V shows them)');
    expect(names()).not.toContain('Domain-0');
    expect(names().length).toBeGreaterThan(0);
    await tui.press('n');
    expect(names()).not.toContain('Domain-0');
    await tui.press('V');
    expect(names()).toContain('Domain-0');
  });
});
