// The lost terminal's descriptors: closed only when the terminal they were is gone, so that
// Node 20's tty reset at exit skips them instead of asserting on EIO.

import { expect, test } from 'vitest';
import { stdioTerminals } from '../../../src/tui/terminal/lost-terminal.js';

function fake(ttys: number[]) {
  const now = new Set(ttys);
  const closed: number[] = [];
  const stdio = stdioTerminals((fd) => now.has(fd), (fd) => closed.push(fd));
  return { now, closed, stdio };
}

test('a terminal still there keeps its descriptors (Node restores its settings at exit)', () => {
  const f = fake([0, 1, 2]);
  expect(f.stdio.lost()).toBe(false);
  expect(f.stdio.detach()).toEqual([]);
  expect(f.closed).toEqual([]);
});

test('a hung-up terminal (isatty now false) has the descriptors that were it closed, and only those', () => {
  const f = fake([0, 1]); // stderr to a file from the start
  f.now.clear();
  expect(f.stdio.lost()).toBe(true);
  expect(f.stdio.detach()).toEqual([0, 1]);
  expect(f.closed).toEqual([0, 1]);
});
