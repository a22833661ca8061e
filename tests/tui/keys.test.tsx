// Every key of the key table does what its help line says. A key added to the table without an
// expectation here fails the completeness test. A binding that applies only in the memory panel
// is `mem:<key>` here and is pressed after `m`; every other binding is pressed in the CPU panel.

import { afterEach, describe, expect, test } from 'vitest';
import { KEYMAP, type KeyBinding } from '../../src/tui/keymap.js';
import { KEY, renderTui, rowNames, selectedName, statusLine as status, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

const INPUT: Record<string, string> = {
  up: KEY.up, down: KEY.down, pgup: KEY.pgup, pgdn: KEY.pgdn, home: KEY.home, end: KEY.end,
  space: KEY.space, tab: KEY.tab, 'C-c': KEY.ctrlC, enter: KEY.enter, 'C-l': KEY.ctrlL, f1: KEY.f1, f10: KEY.f10,
};
const input = (id: string) => INPUT[id] ?? id;

/** A binding that does not apply in the CPU panel is `<panel>:<key>` and is pressed in its first panel. */
const PANEL_KEY: Record<string, string> = { mem: 'm', net: 'n', disk: 'v', cgroup: 'g', vserver: 't', hosts: 'o' };
const panelOf = (b: KeyBinding) => (b.panels && !b.panels.includes('cpu') ? b.panels[0] : null);
const idOf = (b: KeyBinding) => (panelOf(b) ? `${panelOf(b)}:${b.key}` : b.key);

/** The memory panel is showing: its header and MEMSZ column. */
const onMemory = (t: Tui) => {
  expect(t.lines()[2]).toMatch(/^PMEM {2}\/MiB: 65536 total/);
  expect(t.lines()[6]).toContain('MEMSZ');
};

const EXPECT: Record<string, (t: Tui) => Promise<void>> = {
  q: async (t) => expect(t.quits()).toBe(1),
  'C-c': async (t) => expect(t.quits()).toBe(1),
  f10: async (t) => expect(t.quits()).toBe(1),
  f1: async (t) => {
    expect(t.frame()).toContain('vmtop help');
    await t.press(KEY.f1);
    expect(t.frame()).not.toContain('vmtop help');
  },
  'C-l': async (t) => {
    expect(t.redraws()).toBe(1);
    expect(status(t)).not.toMatch(/no such key/);
  },
  // the fixture's CPU panel: alpha, charlie, bravo by %USED; the bar starts on alpha
  j: async (t) => expect(selectedName(t)).toBe('charlie'),
  k: async (t) => {
    expect(selectedName(t)).toBe('alpha');
    await t.press('j', 'j', 'k');
    expect(selectedName(t)).toBe('charlie');
  },
  h: async (t) => expect(t.frame()).toContain('vmtop help'),
  '?': async (t) => expect(t.frame()).toContain('vmtop help'),
  e: async (t) => {
    expect(rowNames(t)).toEqual(['alpha', 'vcpu-0', 'vcpu-1', 'charlie', 'bravo']);
    await t.press('e');
    expect(rowNames(t)).toEqual(['alpha', 'charlie', 'bravo']);
  },
  U: async (t) => expect(rowNames(t)).toEqual(['alpha', 'charlie', 'bravo']),
  R: async (t) => expect(rowNames(t)).toEqual(['bravo', 'charlie', 'alpha']),
  N: async (t) => expect(rowNames(t)).toEqual(['alpha', 'bravo', 'charlie']),
  // the CPU panel offers %USED < %RDY < name; from %USED, < wraps to name and > goes to %RDY
  '<': async (t) => {
    expect(rowNames(t)).toEqual(['alpha', 'bravo', 'charlie']);
    expect(status(t)).toContain('sorted by name (%USED < %RDY < name)');
    await t.press('<');
    expect(rowNames(t)).toEqual(['bravo', 'charlie', 'alpha']);
  },
  '>': async (t) => {
    expect(rowNames(t)).toEqual(['bravo', 'charlie', 'alpha']);
    expect(status(t)).toContain('sorted by %RDY');
    await t.press('>');
    expect(rowNames(t)).toEqual(['alpha', 'bravo', 'charlie']);
    await t.press('>');
    expect(rowNames(t)).toEqual(['alpha', 'charlie', 'bravo']);
  },
  space: async (t) => {
    expect(t.lines()[0]).toContain('PAUSED');
    expect(t.ticker.running).toBe(false);
    const before = t.engine.advanced.length;
    await t.tick();
    expect(t.engine.advanced.length).toBe(before);
    await t.press(' ');
    expect(t.lines()[0]).not.toContain('PAUSED');
    expect(t.ticker.running).toBe(true);
  },
  '+': async (t) => {
    expect(t.lines()[0]).toContain('speed x2');
    expect(t.ticker.periodMs).toBe(1000);
  },
  '-': async (t) => {
    expect(t.lines()[0]).toContain('speed x0.5');
    expect(t.ticker.periodMs).toBe(4000);
  },
  '.': async (t) => {
    expect(status(t)).toContain('step works while paused');
    const before = t.engine.advanced.length;
    await t.press(' ', '.');
    expect(t.engine.advanced.length).toBe(before + 1);
    expect(status(t)).toBe('stepped one refresh interval');
    expect(t.lines()[0]).toContain('PAUSED');
  },
  s: async (t) => {
    expect(status(t)).toContain('refresh interval in seconds');
    await t.press('5', KEY.enter);
    expect(t.lines()[0]).toContain('delay 5s');
    expect(t.ticker.periodMs).toBe(5000);
  },
  '#': async (t) => {
    expect(status(t)).toContain('rows to show (now as many as fit)');
    await t.press('2', KEY.enter);
    expect(rowNames(t)).toEqual(['alpha', 'charlie']);
  },
  tab: async (t) => {
    expect(t.lines()[0]).toContain('host esx-b');
    expect(rowNames(t)).toEqual(['delta']);
  },
  ']': async (t) => expect(t.lines()[0]).toContain('host esx-b (esxi, 2 pCPUs, up) 2/2'),
  '[': async (t) => expect(t.lines()[0]).toContain('host esx-b (esxi, 2 pCPUs, up) 2/2'),
  up: async (t) => {
    await t.press(KEY.down, KEY.down, KEY.up);
    expect(selectedName(t)).toBe('charlie');
  },
  down: async (t) => expect(selectedName(t)).toBe('charlie'),
  pgdn: async (t) => expect(selectedName(t)).toBe('bravo'),
  pgup: async (t) => {
    await t.press(KEY.pgdn, KEY.pgup);
    expect(selectedName(t)).toBe('alpha');
  },
  end: async (t) => expect(selectedName(t)).toBe('bravo'),
  home: async (t) => {
    await t.press(KEY.end, KEY.home);
    expect(selectedName(t)).toBe('alpha');
  },
  c: async (t) => {
    expect(status(t)).toBe('CPU panel');
    expect(rowNames(t)).toEqual(['alpha', 'charlie', 'bravo']);
  },
  m: async (t) => {
    expect(status(t)).toBe('memory panel');
    onMemory(t);
    expect(rowNames(t)).toEqual(['bravo', 'alpha', 'charlie']);
    await t.press('c');
    expect(t.lines()[2]).toMatch(/^PCPU USED/);
  },
  M: async (t) => {
    expect(status(t)).toBe('M sorts the memory panel by MEMSZ: press m for it');
    expect(rowNames(t)).toEqual(['alpha', 'charlie', 'bravo']);
  },
  'mem:e': async (t) => {
    expect(status(t)).toMatch(/^e expands a VM into vCPUs in the CPU panel only/);
    expect(rowNames(t)).toEqual(['bravo', 'alpha', 'charlie']);
  },
  'mem:U': async (t) => {
    expect(status(t)).toBe('U sorts the CPU panel by %USED; here M sorts by MEMSZ, N by name');
    expect(rowNames(t)).toEqual(['bravo', 'alpha', 'charlie']);
  },
  'mem:R': async (t) => {
    expect(status(t)).toBe('R sorts the CPU panel by %RDY; here M sorts by MEMSZ, N by name');
    expect(rowNames(t)).toEqual(['bravo', 'alpha', 'charlie']);
  },
  'mem:M': async (t) => {
    await t.press('N', 'M');
    expect(status(t)).toBe('sorted by MEMSZ');
    onMemory(t);
    expect(rowNames(t)).toEqual(['bravo', 'alpha', 'charlie']);
  },
  '/': async (t) => {
    expect(status(t)).toMatch(/^filter by name: _/);
    await t.press('c', 'h', KEY.enter);
    expect(rowNames(t)).toEqual(['charlie']);
    expect(status(t)).toMatch(/^\[\/ch: 1 row\] filter "ch"/);
  },
  enter: async (t) => {
    expect(t.lines()[0]).toMatch(/^VM alpha on esx-a/);
    expect(t.frame()).toMatch(/%USED +150\.00 %/);
  },
  f: async (t) => {
    expect(t.lines()[0]).toMatch(/^Fields of the CPU panel: 14 of 19 shown/);
    // ID and NWLD come first, as in esxtop's f
    await t.press(KEY.down, KEY.down, KEY.space, KEY.esc);
    expect(t.lines()[7]).not.toContain('%USED');
  },
  E: async (t) => {
    expect(t.lines()[0]).toMatch(/^Event log: \d+ events? \(the last 1000 are kept\)/);
    await t.press(KEY.esc);
    expect(t.lines()[0]).toMatch(/^vmtop lab/);
  },
  W: async (t) => expect(status(t)).toMatch(/^view settings written to .*vmtop\/config\.json$/),
  T: async (t) => expect(status(t)).toMatch(/^theme default/),
  A: async (t) => {
    expect(t.frame()).toContain('Inject load into VM alpha');
    await t.press(KEY.esc);
    expect(status(t)).toBe('load on alpha cancelled: nothing sent');
  },
  Z: async (t) => expect(status(t)).toMatch(/^Z freezes or thaws a container; alpha is a VM/),
  n: async (t) => {
    expect(status(t)).toBe('network panel');
    expect(t.lines()[2]).toMatch(/^NIC {3}\/Mbit: vmnic0 10000 full duplex, TX 0\.00 /);
    expect(t.lines()[4]).toMatch(/^ +ID NAME +PKTTX\/s +MbTX\/s /);
    // no traffic anywhere: by GID; the selected VM (alpha) carries over
    expect(rowNames(t)).toEqual(['alpha', 'bravo', 'charlie']);
    expect(selectedName(t)).toBe('alpha');
  },
  d: async (t) => expect(status(t)).toBe('d: esxtop\'s disk adapter view is not drawn yet; the per-VM disks are on v (esxtop\'s v)'),
  u: async (t) => expect(status(t)).toBe('u: esxtop\'s disk device view is not drawn yet; the per-VM disks are on v (esxtop\'s v)'),
  L: async (t) => expect(status(t)).toMatch(/^L: NAME is as wide as its longest name here \(esxtop's L\); A injects load/),
  V: async (t) => {
    expect(status(t)).toBe('VMs only: the system groups hidden (V shows them)');
    await t.press('V');
    expect(status(t)).toBe('all groups shown (V: VMs only)');
  },
  v: async (t) => {
    expect(status(t)).toBe('disk panel');
    expect(t.lines()[2]).toMatch(/^DATASTORE: 0\.00 cmds\/s of 20000 /);
    expect(t.lines()[4]).toMatch(/^ +ID NAME +CMDS\/s /);
    expect(rowNames(t)).toEqual(['alpha', 'bravo', 'charlie']);
  },
  g: async (t) => {
    expect(status(t)).toBe('containers panel');
    expect(t.lines()[5]).toBe('  no containers on this host — Tab for the next host (none in this profile)');
  },
  t: async (t) => {
    expect(status(t)).toBe('VServer panel');
    expect(t.lines()[5]).toBe('  no VServer guests on this host — Tab for the next host (none in this profile)');
  },
  'net:e': async (t) => expect(status(t)).toMatch(/^e expands a VM into vCPUs in the CPU panel \(c\) and a service/),
  'cgroup:e': async (t) => expect(status(t)).toBe('no service selected to expand'),
  'vserver:e': async (t) => expect(status(t)).toMatch(/^a VServer guest has no child rows/),
  'cgroup:U': async (t) => expect(status(t)).toBe('sorted by cpu.usage%'),
  'vserver:U': async (t) => expect(status(t)).toBe('sorted by %USED'),
  'net:U': async (t) => {
    expect(status(t)).toBe('U sorts c, g and t by %USED; here the busiest port is first, N sorts by name');
    expect(rowNames(t)).toEqual(['alpha', 'bravo', 'charlie']);
  },
  'net:R': async (t) => expect(status(t)).toBe('R sorts the CPU panel by %RDY; here the busiest port is first, N sorts by name'),
  'cgroup:M': async (t) => expect(status(t)).toBe('sorted by memory.current'),
  'net:M': async (t) => expect(status(t)).toBe('M sorts m and g by MEMSZ; here the busiest port is first, N sorts by name'),
  // The cluster keys on hand-made snapshots (no engine: nothing to command); tests/tui/cluster.test.tsx
  // drives them against a real engine run.
  o: async (t) => {
    expect(status(t)).toBe('hosts panel');
    expect(t.lines()[2]).toBe('CLUSTER: none in this profile');
    expect(t.lines()[5]).toMatch(/^ +NAME +STATE +HV +CPU +MEM +MEMDRS +VMS MIGRATIONS \/ NOTES/);
    // the selected VM (alpha) selects its host
    expect(t.lines()[6]).toMatch(/^> ▸ esx-a +up +esxi +\[/);
    expect(t.lines()[7]).toMatch(/^ {2}▸ esx-b +up +esxi +\[/);
  },
  'hosts:e': async (t) => {
    expect(status(t)).toBe('expanded esx-a into 3 VM rows (H migrates the selected VM)');
    const names = t.lines().slice(6, 11).map((l) => /^[> ] (.+?) +(?:up|running) /.exec(l)?.[1]);
    expect(names).toEqual(['▾ esx-a', '   alpha', '   bravo', '   charlie', '▸ esx-b']);
    await t.press('e');
    expect(status(t)).toBe('collapsed esx-a');
  },
  H: async (t) => expect(status(t)).toBe('H: this monitor has no simulation to ask where the VM could go'),
  X: async (t) => {
    expect(t.frame()).toContain('Fail host esx-a? Its 3 running VMs go down.');
    await t.press('n');
    expect(status(t)).toBe('cancelled: nothing done');
  },
  P: async (t) => {
    expect(t.frame()).toContain('Power off VM alpha on esx-a?');
    await t.press(KEY.esc);
    expect(status(t)).toBe('cancelled: nothing done');
  },
  S: async (t) => expect(status(t)).toBe('suspend refused: this monitor has no simulation to command'),
  B: async (t) => {
    expect(t.frame()).toContain('Reset VM alpha on esx-a?');
    expect(t.frame()).toContain('Like pressing its reset button: the guest reboots at once');
    await t.press('n');
    expect(status(t)).toBe('cancelled: nothing done');
  },
  G: async (t) => {
    expect(t.frame()).toContain('Shut down the guest OS of VM alpha on esx-a?');
    expect(t.frame()).toContain('The guest powers itself off; the hypervisor powers off only this VM');
    await t.press('n');
    expect(status(t)).toBe('cancelled: nothing done');
  },
  D: async (t) => expect(status(t)).toBe('D: this profile has no templates (a templates: section lists them)'),
  // these snapshots have no engine behind them (the command line itself: tests/tui/command-line/)
  ':': async (t) => expect(status(t)).toBe(': commands: this monitor has no simulation to command'),
};

describe('the key table', () => {
  test('every key has an expectation here, and each binding has its own', () => {
    const ids = KEYMAP.map(idOf);
    expect(ids.filter((k) => !EXPECT[k])).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(KEYMAP.map((b) => [idOf(b), b] as const))('%s does what the help says', async (_id, binding) => {
    tui = await renderTui();
    const panel = panelOf(binding);
    if (panel) await tui.press(PANEL_KEY[panel]);
    await tui.press(input(binding.key));
    await EXPECT[idOf(binding)](tui);
  });

});
