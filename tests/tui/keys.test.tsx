// Every key of the key table does what its help line says. A key added to the table without an
// expectation here fails the completeness test.

import { afterEach, describe, expect, test } from 'vitest';
import { KEYMAP } from '../../src/tui/keymap.js';
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

const laterKeys = ['m', 'n', 'd', 'g', 't', 'o', 'M', '/', 'f', 'W', 'L', 'V', 'Z', 'X'];

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
  ...Object.fromEntries(laterKeys.map((k) => [k, async (t: Tui) => expect(status(t)).toMatch(/arrives with/)])),
};

describe('the key table', () => {
  test('every key has an expectation here', () => {
    expect(KEYMAP.map((b) => b.key).filter((k) => !EXPECT[k])).toEqual([]);
  });

  test.each(KEYMAP.map((b) => [b.label, b] as const))('%s does what the help says', async (_label, binding) => {
    tui = await renderTui();
    await tui.press(input(binding.key));
    await EXPECT[binding.key](tui);
  });

  test('keys of later work answer on the status line and never crash', async () => {
    tui = await renderTui();
    await tui.press('m');
    expect(status(tui)).toBe('memory panel arrives with the memory work');
    expect(rowNames(tui)).toEqual(['alpha', 'charlie', 'bravo']);
  });
});
