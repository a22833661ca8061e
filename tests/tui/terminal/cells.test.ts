// The cell-level diff: what it writes for typical changes, and, over random frames, that the
// bytes it writes make a real terminal emulator (@xterm/headless) show exactly the next frame.

import fc from 'fast-check';
import xterm from '@xterm/headless';
import { describe, expect, test } from 'vitest';
import { diffFrame, paintFrame, parseFrame, sgrTransition } from '../../../src/tui/terminal/cells.js';

const { Terminal } = xterm;
const E = '\u001B[';

describe('diffFrame', () => {
  test('identical frames write nothing', () => {
    const frame = `title\n${E}7m> 1021 web-1   84.74${E}27m\n  1042 web-2 …  ↑`;
    expect(diffFrame(frame, frame, 80)).toBe('');
    expect(diffFrame('', '', 80)).toBe('');
  });

  test('a single changed digit is one cursor move and that digit', () => {
    expect(diffFrame('head\n  1021 web-1   84.74', 'head\n  1021 web-1   84.75', 80)).toBe(`${E}2;20H5`);
  });

  test('nearby changes share one move when rewriting the gap is cheaper', () => {
    // Columns 2 and 4 change; rewriting the unchanged column 3 costs 1 byte, a move 3 or more.
    expect(diffFrame('a1b2c', 'a9b9c', 80)).toBe(`${E}1;2H9b9`);
    // Far apart: two moves, the second as short as it gets.
    expect(diffFrame(`1${' '.repeat(30)}x`, `2${' '.repeat(30)}y`, 80)).toBe(`${E}H2${E}32Gy`);
    expect(diffFrame(`1${' '.repeat(8)}x`, `2${' '.repeat(8)}y`, 80)).toBe(`${E}H2${E}8Cy`);
  });

  test('a style change rewrites the cell with the new style and resets after', () => {
    expect(diffFrame(`ab${E}31mc${E}39m`, `ab${E}32mc${E}39m`, 80)).toBe(`${E}1;3H${E}32mc${E}m`);
    expect(diffFrame('abc', `a${E}7mb${E}27mc`, 80)).toBe(`${E}1;2H${E}7mb${E}m`);
    // Same characters, style removed.
    expect(diffFrame(`${E}1mabc${E}22m`, 'abc', 80)).toBe(`${E}Habc`);
  });

  test('a shorter line is erased to its end; a short tail gets spaces instead', () => {
    expect(diffFrame('status: refreshing now', 'status: ok', 80)).toBe(`${E}1;9Hok${E}K`);
    expect(diffFrame('value 100', 'value 99', 80)).toBe(`${E}1;7H99 `);
    // Lines that disappear below the new frame: one erase-below for two or more.
    expect(diffFrame('a\nb\nc\nd', 'a\nb', 80)).toBe(`${E}3H${E}J`);
    expect(diffFrame('a\nb\ncde', 'a\nb', 80)).toBe(`${E}3H${E}K`);
    expect(diffFrame('a\nb\nc', 'a\nb', 80)).toBe(`${E}3H `);
  });

  test('… and ↑ are single cells, so columns after them stay aligned', () => {
    expect(parseFrame('a…b↑c', 80)[0].map((c) => c.ch)).toEqual(['a', '…', 'b', '↑', 'c']);
    expect(diffFrame('web-… 12.5 ↑ 7', 'web-… 12.6 ↑ 8', 80)).toBe(`${E}1;10H6${E}3C8`);
  });

  test('a wide character takes two cells and is rewritten whole', () => {
    const row = parseFrame('a中b', 80)[0];
    expect(row.map((c) => c.ch)).toEqual(['a', '中', '', 'b']);
    expect(diffFrame('a中b', 'a文b', 80)).toBe(`${E}1;2H文`);
    // The cursor ends two columns on, so the relative move after it is counted from there.
    expect(diffFrame(`中${'-'.repeat(9)}1`, `${E}1m中${E}22m${'-'.repeat(9)}2`, 80)).toBe(`${E}H${E}1m中${E}9C${E}m2`);
  });

  test('frames are clipped to the terminal width', () => {
    expect(parseFrame('abcdef', 4)[0].map((c) => c.ch).join('')).toBe('abcd');
  });
});

test('SGR transitions take the shorter of a step and a reset', () => {
  expect(sgrTransition('', '')).toBe('');
  expect(sgrTransition('1;31', '')).toBe(`${E}m`);
  expect(sgrTransition('31', '32')).toBe(`${E}32m`);
  expect(sgrTransition('1;7;31', '7;31')).toBe(`${E}22m`);
  expect(sgrTransition('1;2', '2')).toBe(`${E}0;2m`);
  expect(sgrTransition('7;38;5;208', '4;38;5;208')).toBe(`${E}27;4m`);
});

// ---------------------------------------------------------------------------------------------
// Against a terminal emulator

const COLS = 30;
const ROWS = 12;

type Term = InstanceType<typeof Terminal>;

function terminal(): Term {
  const term = new Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true });
  term.write(`${E}?7l`); // autowrap off, as the monitor runs
  return term;
}

const written = (term: Term, data: string) => new Promise<void>((resolve) => term.write(data, resolve));

/** Every cell: its text and every attribute xterm tracks. */
function grid(term: Term): string[] {
  const b = term.buffer.active;
  const cell = b.getNullCell();
  const out: string[] = [];
  for (let y = 0; y < ROWS; y++) {
    const line = b.getLine(y);
    for (let x = 0; x < COLS; x++) {
      line?.getCell(x, cell);
      out.push([y, x, cell.getChars() || ' ', cell.getWidth(), cell.isBold(), cell.isDim(), cell.isItalic(),
        cell.isUnderline(), cell.isBlink(), cell.isInverse(), cell.isInvisible(), cell.isStrikethrough(),
        cell.isOverline(), cell.getFgColorMode(), cell.getFgColor(), cell.getBgColorMode(), cell.getBgColor()].join(','));
    }
  }
  return out;
}

const STYLES = ['', '1', '2', '3', '4', '7', '9', '1;7', '31', '32;1', '93', '44', '38;5;208', '48;5;17;7',
  '38;2;10;200;30', '2;33;41', '53', '8'];
const CHARS = [' ', ' ', ' ', 'a', 'b', '0', '1', '9', '.', '%', '…', '↑', '↓', '>', '中', '文'];

/** A line as Ink writes one: runs of text, each opened with its SGR and closed (reset or not). */
const line = fc
  .array(fc.record({ text: fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }), style: fc.constantFrom(...STYLES),
    close: fc.constantFrom(`${E}0m`, `${E}m`, '') }), { maxLength: 6 })
  .map((runs) => {
    let width = 0;
    let text = '';
    for (const run of runs) {
      const chars: string[] = [];
      for (const ch of run.text) {
        const w = ch === '中' || ch === '文' ? 2 : 1;
        if (width + w > COLS - 1) break;
        width += w;
        chars.push(ch);
      }
      text += (run.style ? `${E}${run.style}m` : '') + chars.join('') + run.close;
    }
    return text + `${E}0m`;
  });
const frame = fc.array(line, { maxLength: ROWS - 1 }).map((lines) => lines.join('\n') + '\n');

/** What the terminal shows after Ink's frame is written plainly onto a blank screen. */
async function reference(text: string): Promise<string[]> {
  const term = terminal();
  await written(term, `${E}H` + text.replace(/\n$/, '').split('\n').join('\r\n'));
  return grid(term);
}

test('painting a frame, then applying the diff, shows exactly the next frame (text and styles)', async () => {
  await fc.assert(
    fc.asyncProperty(frame, frame, async (prev, next) => {
      const term = terminal();
      await written(term, paintFrame(prev, COLS, ROWS));
      expect(grid(term)).toEqual(await reference(prev));
      await written(term, diffFrame(prev, next, COLS));
      expect(grid(term)).toEqual(await reference(next));
    }),
    { numRuns: 300 },
  );
});

test('a full paint covers whatever the screen held before', async () => {
  const garbage = fc.array(fc.constantFrom('x', 'Y', '中', ' ', `${E}7m`, `${E}41m`, `${E}5;3H`, '\r\n'), { maxLength: 200 });
  await fc.assert(
    fc.asyncProperty(garbage, frame, async (junk, next) => {
      const term = terminal();
      await written(term, junk.join(''));
      await written(term, paintFrame(next, COLS, ROWS));
      expect(grid(term)).toEqual(await reference(next));
    }),
    { numRuns: 100 },
  );
});
