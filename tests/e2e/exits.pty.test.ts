// Every way out of the monitor, in a real pseudo-terminal (docs/exits.md): the terminal restored
// (the alternate screen left, the cursor shown), the recording written and replayable, and the
// exit status the documentation states. A terminal that goes away (an ssh drop: the pty closed)
// ends the monitor in well under a second with status 129, never by a signal (Node 20 died in its
// tty reset there, nodejs/node issue 51519).

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { vmtop } from '../helpers/cli.js';
import { isLabFrame as isFrame, press, ROOT, startPty, statusOf, stopPty, waitFor, type Session } from './pty.js';

const dir = mkdtempSync(join(tmpdir(), 'vmtop-exits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let session: Session | undefined;
afterEach(() => {
  stopPty(session);
  session = undefined;
});

let runs = 0;

/** The monitor on lab, recording, at its first frame; `before` runs in front of it. */
async function monitor(before: string[] = [], env: Record<string, string> = {}) {
  const rec = join(dir, `run-${++runs}.vmtrec`);
  const s = (session = startPty(['--speed', '8', '--record', rec], 80, 24, [], env, 'bin/vmtop.js', before));
  await waitFor(s, 'the first frame', isFrame, 20000);
  return { s, rec };
}

/** The screen is the shell's again: the alternate screen left, the cursor shown after the last hide. */
async function restored(s: Session) {
  await new Promise<void>((resolve) => s.term.write('', resolve));
  expect(s.term.buffer.active.type).toBe('normal');
  expect(s.term.modes.mouseTrackingMode).toBe('none');
  const raw = s.raw();
  expect(raw.lastIndexOf('\u001B[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001B[?25l'));
}

/** The recording is there, and batch --replay plays it to the end. */
function replayable(rec: string) {
  expect(existsSync(rec), rec).toBe(true);
  const r = vmtop(['batch', '--replay', rec]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

describe('each way out restores the terminal, writes the recording and exits as documented', () => {
  test.each([['q', 0], ['\u0003', 0]] as const)('the key %j exits %i', async (key, status) => {
    const { s, rec } = await monitor();
    // a key answered first: the terminal is in raw mode (before, the line discipline makes ^C a SIGINT)
    await press(s, 'm', 'the memory panel', (screen) => statusOf(screen) === 'memory panel');
    s.proc.write(key);
    const { exitCode, signal } = await s.exited;
    expect({ exitCode, signal: signal || 0 }).toEqual({ exitCode: status, signal: 0 });
    await restored(s);
    replayable(rec);
  });

  test.each([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129], ['SIGQUIT', 131]] as const)('%s exits %i', async (signal, status) => {
    const { s, rec } = await monitor();
    s.proc.kill(signal);
    const { exitCode } = await s.exited;
    expect(exitCode).toBe(status);
    await restored(s);
    replayable(rec);
  });

  test('an uncaught error exits 1 with its message on the restored screen', async () => {
    // an error thrown from a timer of the process's own, as a bug would, once the monitor runs
    const boom = join(dir, 'boom.mjs');
    writeFileSync(boom, [
      // half a second after the first frame, however long the start took on a loaded machine
      'const write = process.stdout.write.bind(process.stdout);',
      'let armed = false;',
      'process.stdout.write = (chunk, ...rest) => {',
      '  if (!armed && String(chunk).includes("q quit")) {',
      '    armed = true;',
      '    setTimeout(() => { throw new Error("boom from a timer"); }, 500);',
      '  }',
      '  return write(chunk, ...rest);',
      '};',
    ].join('\n') + '\n');
    const { s, rec } = await monitor([], { NODE_OPTIONS: `--import=${boom}` });
    const { exitCode } = await s.exited;
    expect(exitCode).toBe(1);
    await restored(s);
    expect(s.screen().join('\n')).toContain('vmtop: boom from a timer');
    replayable(rec);
  });

  test('SIGUSR1 is ignored: no inspector over the screen, the monitor runs on', async () => {
    const { s, rec } = await monitor();
    s.proc.kill('SIGUSR1');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await waitFor(s, 'a frame after the signal', isFrame);
    expect(s.raw()).not.toContain('Debugger listening');
    s.proc.write('q');
    expect((await s.exited).exitCode).toBe(0);
    replayable(rec);
  });
});

/** The pty closed under a session leader that forwards the hang-up (or not); the monitor's fate. */
async function hangUp(mode: 'forward' | 'keep') {
  const statusFile = join(dir, `status-${++runs}.json`);
  const { s, rec } = await monitor([join(ROOT, 'tests/e2e/session-leader.mjs'), statusFile, mode]);
  // the terminal's side closed (a window closed, an ssh connection dropped): node-pty's UnixTerminal
  // closes its end of the pty; IPty's type does not declare it
  (s.proc as unknown as { destroy(): void }).destroy();
  const deadline = Date.now() + 10_000;
  while (!existsSync(statusFile) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(existsSync(statusFile), 'the monitor still runs 10 s after its terminal closed').toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { fate: JSON.parse(readFileSync(statusFile, 'utf8')) as { code: number | null; signal: string | null; ms: number }, rec };
}

test('the pty closed, ten times: exit 129 within a second, no signal death, the recording written', async () => {
  const fates = [];
  for (let i = 0; i < 10; i++) {
    const { fate, rec } = await hangUp('forward');
    fates.push(fate);
    replayable(rec);
  }
  expect(fates.map((f) => [f.code, f.signal])).toEqual(Array.from({ length: 10 }, () => [129, null]));
  for (const f of fates) expect(f.ms).toBeLessThan(1000);
}, 180_000);

test('the pty closed without a SIGHUP (reads and writes fail with EIO): exit 129 within a second', async () => {
  for (let i = 0; i < 3; i++) {
    const { fate, rec } = await hangUp('keep');
    expect([fate.code, fate.signal]).toEqual([129, null]);
    expect(fate.ms).toBeLessThan(1000);
    replayable(rec);
  }
}, 90_000);
