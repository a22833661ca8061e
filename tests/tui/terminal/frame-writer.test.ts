// The stream between Ink and the terminal: which of Ink's writes are frames, when an update is a
// full repaint, and (with Ink's real renderer) that a changed number costs a few bytes.

import { EventEmitter } from 'node:events';
import { Text, render } from 'ink';
import { createElement } from 'react';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { BEGIN_SYNC, END_SYNC, cellOutput, classifyInkWrite } from '../../../src/tui/terminal/frame-writer.js';

const E = '\u001B[';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(() => {
  vi.useRealTimers();
});

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 40;
  rows = 10;
  writes: string[] = [];
  write = (chunk: string, cb?: () => void) => {
    if (chunk !== '') this.writes.push(chunk);
    cb?.();
    return true;
  };
  take(): string[] {
    const w = this.writes;
    this.writes = [];
    return w;
  }
}

function setup() {
  const stdout = new FakeStdout();
  const out = cellOutput(stdout as unknown as NodeJS.WriteStream);
  const ink = (chunk: string) => out.stream.write(chunk);
  return { stdout, out, ink };
}

/** What Ink 6.8's standard log-update writes: erase the previous frame, then the new one. */
const eraseLines = (n: number) => (n ? `${E}2K${E}1A`.repeat(n - 1) + `${E}2K${E}G` : '');

test("Ink's writes: frames, its own sync markers, cursor visibility, and everything else", () => {
  expect(classifyInkWrite(BEGIN_SYNC)).toEqual({ kind: 'drop' });
  expect(classifyInkWrite(END_SYNC)).toEqual({ kind: 'drop' });
  expect(classifyInkWrite('')).toEqual({ kind: 'drop' });
  expect(classifyInkWrite(eraseLines(3))).toEqual({ kind: 'drop' });
  expect(classifyInkWrite(`${E}?25l`)).toEqual({ kind: 'pass' });
  expect(classifyInkWrite(`a\n${E}1mb${E}22m\n`)).toEqual({ kind: 'frame', text: `a\n${E}1mb${E}22m\n` });
  expect(classifyInkWrite(eraseLines(2) + 'a\nb\n')).toEqual({ kind: 'frame', text: 'a\nb\n' });
  expect(classifyInkWrite(`${E}2J${E}3J${E}Ha\nb`)).toEqual({ kind: 'frame', text: 'a\nb' });
  expect(classifyInkWrite(`${E}5;5Hhello`)).toEqual({ kind: 'foreign' });
  expect(classifyInkWrite('bell\u0007')).toEqual({ kind: 'foreign' });
});

test('first frame: a full repaint; same frame again: nothing; a changed digit: one synchronized cell', () => {
  const { stdout, ink } = setup();
  ink(BEGIN_SYNC);
  ink('load 0.25\nrow\n');
  ink(END_SYNC);
  const [first, ...more] = stdout.take();
  expect(more).toEqual([]);
  expect(first.startsWith(BEGIN_SYNC) && first.endsWith(END_SYNC)).toBe(true);
  expect(first).toContain(`${E}J`);

  ink(eraseLines(3) + 'load 0.25\nrow\n');
  expect(stdout.take()).toEqual([]);

  ink(eraseLines(3) + 'load 0.26\nrow\n');
  expect(stdout.take()).toEqual([`${BEGIN_SYNC}${E}1;9H6${END_SYNC}`]);
});

test('a foreign write passes through and the next frame repaints in full; cursor show/hide do not', () => {
  const { stdout, out, ink } = setup();
  ink('a\nb\n');
  stdout.take();
  ink(`${E}?25h`);
  ink(eraseLines(3) + 'a\nc\n');
  expect(stdout.take()).toEqual([`${E}?25h`, `${BEGIN_SYNC}${E}2Hc${END_SYNC}`]);
  ink(`${E}3;3Hjunk`);
  ink(eraseLines(3) + 'a\nc\n');
  const [junk, repaint] = stdout.take();
  expect(junk).toBe(`${E}3;3Hjunk`);
  expect(repaint).toContain(`${E}J`);
  out.invalidate();
  ink(eraseLines(3) + 'a\nc\n');
  expect(stdout.take()[0]).toContain(`${E}J`);
});

test('callbacks of every write are called, including dropped ones', () => {
  const { out } = setup();
  const cb = vi.fn();
  out.stream.write(BEGIN_SYNC, cb);
  out.stream.write('x\n', 'utf8', cb);
  out.stream.write('', cb);
  expect(cb).toHaveBeenCalledTimes(3);
});

test('a resize repaints: with the next frame, or with the last one if Ink draws none', () => {
  vi.useFakeTimers();
  const { stdout, out, ink } = setup();
  ink('abcdef\n');
  stdout.take();
  stdout.columns = 4;
  stdout.emit('resize');
  ink(eraseLines(2) + 'abcdeg\n');
  const [repaint] = stdout.take();
  expect(repaint).toContain(`${E}J`);
  expect(repaint).not.toContain('e'); // clipped to 4 columns
  vi.advanceTimersByTime(1000);
  expect(stdout.take()).toEqual([]); // Ink's frame already covered the new size

  stdout.rows = 5;
  stdout.emit('resize');
  vi.advanceTimersByTime(1000);
  expect(stdout.take()).toEqual([`${BEGIN_SYNC}${E}m${E}Habcd${E}2H${E}J${END_SYNC}`]);
  out.dispose();
  expect(stdout.listenerCount('resize')).toBe(0);
});

test("with Ink's real renderer a changed number costs a few bytes, not a line", async () => {
  const { stdout, out } = setup();
  const view = (n: number) =>
    createElement(Text, null, `header line that does not change\nvalue ${n.toFixed(2)}  and more text that stays\nfooter`);
  const ink = render(view(1), { stdout: out.stream, incrementalRendering: false, patchConsole: false, maxFps: 1000 });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const first = stdout.take().filter((w) => w.startsWith(BEGIN_SYNC));
  expect(first).toHaveLength(1);
  ink.rerender(view(1.5));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(stdout.take().filter((w) => w.startsWith(BEGIN_SYNC))).toEqual([`${BEGIN_SYNC}${E}2;9H5${END_SYNC}`]);
  ink.unmount();
  await ink.waitUntilExit();
});
