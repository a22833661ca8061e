// The terminal lifecycle with Ink's real (non-debug) renderer on fake TTY streams: alternate
// screen in, and a restore on every way out.

import { EventEmitter } from 'node:events';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { LEAVE_ALT_SCREEN, ENTER_ALT_SCREEN, SHOW_CURSOR, AUTOWRAP_ON, MOUSE_OFF, MOUSE_ON } from '../../src/tui/terminal/escapes.js';
import { NOT_A_TERMINAL, selectionMarker, startMonitor, type MonitorDeps } from '../../src/tui/run.js';
import { lab, ManualTicker, ScriptedEngine } from './fixtures.js';

beforeAll(() => {
  // Ink renders for real here, outside act().
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 80;
  rows = 24;
  output = '';
  write = (chunk: string, cb?: () => void) => {
    this.output += chunk;
    cb?.();
    return true;
  };
  hasColors = () => false;
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const data = this.data;
    this.data = null;
    return data;
  };
  type(data: string) {
    this.data = data;
    this.emit('readable');
  }
}

async function waitFor(predicate: () => boolean, what: string, timeoutMs = 3000) {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let running: Promise<void> | undefined;
afterEach(async () => {
  await running;
  running = undefined;
});

function start(overrides: { stdoutTTY?: boolean } = {}) {
  const stdout = new FakeStdout();
  stdout.isTTY = overrides.stdoutTTY ?? true;
  const stdin = new FakeStdin();
  const proc = new EventEmitter();
  const exits: number[] = [];
  let stderr = '';
  const deps: MonitorDeps = {
    ticker: new ManualTicker(),
    stderr: { write: (text: string) => (stderr += text) },
    exit: (code) => exits.push(code),
    process: proc,
  };
  const engine = new ScriptedEngine([lab(0), lab(2)]);
  running = startMonitor({ engine, profileName: 'lab', delayS: 2, speed: 1, color: false,
    stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream }, deps);
  const drawn = () => waitFor(() => stdout.output.includes('alpha'), 'the first frame');
  return { stdout, stdin, proc, exits, stderr: () => stderr, drawn, done: running };
}

const count = (text: string, part: string) => text.split(part).length - 1;
// mouse reporting off first: every way out leaves the shell with none
const RESTORE = MOUSE_OFF + SHOW_CURSOR + AUTOWRAP_ON + LEAVE_ALT_SCREEN;

test('q leaves the alternate screen once, shows the cursor, and resolves', async () => {
  const m = start();
  await m.drawn();
  expect(m.stdout.output.startsWith(ENTER_ALT_SCREEN)).toBe(true);
  expect(m.stdout.output).toContain(MOUSE_ON);
  await waitFor(() => m.stdin.listenerCount('readable') > 0, 'raw-mode input');
  m.stdin.type('q');
  await m.done;
  expect(count(m.stdout.output, RESTORE)).toBe(1);
  expect(m.stdout.output.endsWith(RESTORE)).toBe(true);
  expect(m.exits).toEqual([]);
  expect(m.proc.eventNames()).toEqual([]);
  expect(m.stdout.output).not.toContain('\u001B[2J');
});

test('Ctrl-C as a key quits the same way', async () => {
  const m = start();
  await m.drawn();
  await waitFor(() => m.stdin.listenerCount('readable') > 0, 'raw-mode input');
  m.stdin.type('\u0003');
  await m.done;
  expect(count(m.stdout.output, RESTORE)).toBe(1);
});

test.each([['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130], ['SIGQUIT', 131]] as const)(
  '%s restores the terminal and exits %i', async (signal, code) => {
    const m = start();
    await m.drawn();
    m.proc.emit(signal, signal);
    await m.done;
    m.proc.emit('exit', code);
    expect(m.exits).toEqual([code]);
    expect(count(m.stdout.output, RESTORE)).toBe(1);
  });

test.each([
  ['a write fails (EIO)', (m: ReturnType<typeof start>) => m.stdout.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }))],
  ['a read fails (EIO)', (m: ReturnType<typeof start>) => m.stdin.emit('error', Object.assign(new Error('read EIO'), { code: 'EIO' }))],
  ['the input ends', (m: ReturnType<typeof start>) => m.stdin.emit('end')],
])('the terminal gone without a SIGHUP (%s): restored once, exit 129, nothing printed', async (_, lose) => {
  const m = start();
  await m.drawn();
  lose(m);
  lose(m);
  await m.done;
  expect(m.exits).toEqual([129]);
  expect(m.stderr()).toBe('');
  expect(count(m.stdout.output, RESTORE)).toBe(1);
});

test('SIGUSR1 has a listener while the monitor runs (Node would open its inspector), and none after', async () => {
  const m = start();
  await m.drawn();
  expect(m.proc.listenerCount('SIGUSR1')).toBe(1);
  m.proc.emit('SIGUSR1', 'SIGUSR1');
  expect(m.exits).toEqual([]);
  await waitFor(() => m.stdin.listenerCount('readable') > 0, 'raw-mode input');
  m.stdin.type('q');
  await m.done;
  expect(m.proc.listenerCount('SIGUSR1')).toBe(0);
});

test('an expected error restores, then prints its message without a stack', async () => {
  const m = start();
  await m.drawn();
  m.proc.emit('uncaughtException', new Error('profile went away'));
  await m.done;
  expect(m.exits).toEqual([1]);
  expect(m.stderr()).toBe('vmtop: profile went away\n');
  expect(count(m.stdout.output, RESTORE)).toBe(1);
});

test('a bug (TypeError) prints its stack for the report', async () => {
  const m = start();
  await m.drawn();
  m.proc.emit('unhandledRejection', new TypeError('x is undefined'));
  await m.done;
  expect(m.stderr()).toMatch(/^vmtop: x is undefined\nTypeError: x is undefined\n {4}at /);
});

test('without a terminal it says to use vmtop batch and starts nothing', async () => {
  const m = start({ stdoutTTY: false });
  await m.done;
  expect(m.stderr()).toBe(NOT_A_TERMINAL);
  expect(m.stderr()).toContain('vmtop batch');
  expect(m.stdout.output).toBe('');
});

test('the selection gets the > marker whenever chalk will draw no inverse', () => {
  const colours = { hasColors: () => true };
  expect(selectionMarker(true, 2, colours)).toBe(false);
  // tmux with CI set: Node reports colours, chalk (level 0) emits no style at all
  expect(selectionMarker(true, 0, colours)).toBe(true);
  expect(selectionMarker(false, 3, colours)).toBe(true);
  expect(selectionMarker(true, 3, { hasColors: () => false })).toBe(true);
  expect(selectionMarker(true, 1, {})).toBe(false);
});
