// The faster Output.get (src/tui/terminal/ink-output.ts) must give Ink's own frame text, byte for byte:
// on the monitor's real frames and on writes that exercise the corners (wide characters, lines
// past the frame, multi-line text, transformers, styles that change mid-row).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// chalk reads FORCE_COLOR when Ink first imports it: colour on, so the frames carry styles.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '3';
});

const { fastInkOutput, inkGets } = await import('../../../src/tui/terminal/ink-output.js');
const { KEY, renderTui } = await import('../render-tui.js');

type Get = NonNullable<typeof inkGets.original>;
let mismatches: { fast: string; ink: string }[] = [];
let compared = 0;
let styled = false;
let saved: Get | undefined;

beforeAll(async () => {
  expect(await fastInkOutput()).toBe(true);
  const { original, fast, Output } = inkGets;
  saved = fast;
  // every frame drawn in these tests is made both ways and compared
  Output!.prototype.get = function both(this: ThisParameterType<Get>) {
    const a = fast!.call(this);
    const b = original!.call(this);
    compared++;
    if (a.output !== b.output || a.height !== b.height) mismatches.push({ fast: a.output, ink: b.output });
    if (b.output.includes('\u001B[')) styled = true;
    return b;
  };
});

afterAll(() => {
  if (saved && inkGets.Output) inkGets.Output.prototype.get = saved;
});

describe('fast Ink output', () => {
  it('gives Ink\'s text for the monitor\'s frames, in colour, across panels and sizes', async () => {
    mismatches = [];
    compared = 0;
    for (const size of [{ columns: 120, rows: 40 }, { columns: 80, rows: 24 }]) {
      const t = await renderTui({ color: true, size });
      for (const key of ['m', 'n', 'd', 'c', 'e', KEY.down, 'h', 'c']) await t.press(key);
      await t.tick();
      await t.unmount();
    }
    expect(compared).toBeGreaterThan(1);
    expect(styled).toBe(true);
    expect(mismatches).toEqual([]);
  });

  it('gives Ink\'s text for corner cases', () => {
    const Output = inkGets.Output!;
    const sgr = (open: string, close: string) => (t: string) => `\u001B[${open}m${t}\u001B[${close}m`;
    const red = sgr('31', '39');
    const boldRed = (t: string) => sgr('1', '22')(red(t));
    const inverse = sgr('7', '27');
    const bgBlue = sgr('44', '49');
    const green = sgr('38;5;34', '39');
    const cases: [number, number, [number, number, string, ((l: string, i: number) => string)[]][]][] = [
      [20, 5, [[0, 0, 'hello', []], [3, 2, red('ab') + boldRed('cd') + 'e', []]]],
      [10, 3, [[0, -1, 'a\nb\nc\nd', []], [8, 1, 'wide 漢字 here', []]]],
      [12, 4, [[2, 1, 'x\ny', [(l, i) => inverse(`${l}${i}`)]], [0, 3, bgBlue('   ') + '  ', []]]],
      [6, 2, [[0, 0, '0123456789', []], [4, 0, green('Z'), []], [0, 5, 'gone', []]]],
      [5, 0, [[0, 0, 'x', []]]],
      [30, 2, [[0, 0, `\u001B[1;31;44mab\u001B[22mc\u001B[0m d\u001B[mx\u001B[38;2;1;2;3my\u001B[39;49m`, []], [0, 1, `\u001B[7m\u001B[7mz\u001B[27m \u001B`, []]]],
    ];
    for (const [width, height, writes] of cases) {
      const make = () => {
        const o = new Output({ width, height }) as unknown as { write(x: number, y: number, t: string, o: { transformers: unknown[] }): void };
        for (const [x, y, text, transformers] of writes) o.write(x, y, text, { transformers });
        return o as unknown as ThisParameterType<Get>;
      };
      expect(inkGets.fast!.call(make())).toEqual(inkGets.original!.call(make()));
    }
  });
});
