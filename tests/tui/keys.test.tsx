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
  space: KEY.space, tab: KEY.tab, 'C-c': KEY.ctrlC,
};
const input = (id: string) => INPUT[id] ?? id;

const laterKeys = ['n', 'd', 'g', 't', 'o', '/', 'f', 'W', 'L', 'V', 'Z', 'X'];

const memOnly = (b: KeyBinding) => !!b.panels && !b.panels.includes('cpu');
const idOf = (b: KeyBinding) => (memOnly(b) ? `mem:${b.key}` : b.key);

/** The memory panel is showing: its header and MEMSZ column. */
const onMemory = (t: Tui) => {
  expect(t.lines()[2]).toMatch(/^PMEM {2}\/MiB: 65536 total/);
  expect(t.lines()[6]).toContain('MEMSZ');
};

const EXPECT: Record<string, (t: Tui) => Promise<void>> = {
  q: async (t) => expect(t.quits()).toBe(1),
  'C-c': async (t) => expect(t.quits()).toBe(1),
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
  s: async (t) => {
    expect(status(t)).toContain('refresh interval in seconds');
    await t.press('5', KEY.enter);
    expect(t.lines()[0]).toContain('delay 5s');
    expect(t.ticker.periodMs).toBe(5000);
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
  ...Object.fromEntries(laterKeys.map((k) => [k, async (t: Tui) => expect(status(t)).toMatch(/arrives with/)])),
};

describe('the key table', () => {
  test('every key has an expectation here, and each binding has its own', () => {
    const ids = KEYMAP.map(idOf);
    expect(ids.filter((k) => !EXPECT[k])).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(KEYMAP.map((b) => [idOf(b), b] as const))('%s does what the help says', async (_id, binding) => {
    tui = await renderTui();
    if (memOnly(binding)) await tui.press('m');
    await tui.press(input(binding.key));
    await EXPECT[idOf(binding)](tui);
  });

  test('keys of later work answer on the status line and never crash', async () => {
    tui = await renderTui();
    await tui.press('n');
    expect(status(tui)).toBe('network panel arrives with the network work');
    expect(rowNames(tui)).toEqual(['alpha', 'charlie', 'bravo']);
  });
});
