// Every demo runs to its end in a real pseudo-terminal, fast (--speed), with its captions and
// no error, and exits 0 by itself with the terminal restored; at its own speed it writes fewer
// bytes per second than htop at the same size.

import { spawnSync } from 'node:child_process';
import { afterEach, expect, test } from 'vitest';
import { DEMOS } from '../../src/demo/scripts.js';
import { startPty, stopPty, waitFor, type Session } from './pty.js';

const COLS = 100;
const ROWS = 30;

const sessions: Session[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) stopPty(s);
});

for (const demo of DEMOS) {
  test(`demo ${demo.name} runs to its end by itself`, async () => {
    const s = startPty(['demo', demo.name, '--speed', '400'], COLS, ROWS);
    sessions.push(s);
    const first = demo.steps[0].caption!.split(' ').slice(0, 4).join(' ');
    await waitFor(s, 'the first caption', (screen) => screen.some((l) => l.startsWith(first)), 15000);
    const last = demo.steps.at(-1)!.caption!.split(' ').slice(0, 4).join(' ');
    const seen = await waitFor(s, 'the last caption', (screen) => screen.some((l) => l.startsWith(last)), 30000);
    expect(seen[0]).toContain('DEMO');
    const { exitCode } = await s.exited;
    await new Promise<void>((resolve) => s.term.write('', resolve));
    expect(exitCode).toBe(0);
    expect(s.term.buffer.active.type).toBe('normal');
    expect(s.raw()).not.toMatch(/vmtop: |Error|\n\s+at /);
  }, 60000);
}

/** Bytes a command writes to a PTY of COLSxROWS per second over `seconds`, from 2 s after its first frame. */
async function bytesPerSecond(command: string[], seconds: number): Promise<number> {
  const pty = (await import('@lydell/node-pty')).default;
  const [file, ...rest] = command;
  const env = { ...(process.env as Record<string, string>), CI: '0', TERM: 'xterm-256color' };
  const p = pty.spawn(file, rest, { name: 'xterm-256color', cols: COLS, rows: ROWS, cwd: process.cwd(), env });
  let first = 0;
  let bytes = 0;
  const started = new Promise<void>((resolve) => p.onData((d) => {
    const now = Date.now();
    if (!first) {
      first = now;
      resolve();
    }
    if (now - first >= 2000 && now - first < 2000 + seconds * 1000) bytes += Buffer.byteLength(d);
  }));
  await started;
  await new Promise((r) => setTimeout(r, 2000 + seconds * 1000));
  p.kill();
  return bytes / seconds;
}

const htop = spawnSync('sh', ['-c', 'command -v htop']).status === 0;

test.skipIf(!htop)('at their own speed the demos write fewer bytes per second than htop at 100x30', async () => {
  const seconds = 6;
  const [top, ...ours] = await Promise.all([
    bytesPerSecond(['htop'], seconds),
    ...DEMOS.map((d) => bytesPerSecond([process.execPath, 'bin/vmtop.js', 'demo', d.name], seconds)),
  ]);
  const report = DEMOS.map((d, i) => `${d.name} ${ours[i].toFixed(0)}`).join(', ');
  console.log(`bytes/s at ${COLS}x${ROWS}: htop ${top.toFixed(0)}; ${report}`);
  for (const b of ours) {
    expect(b).toBeGreaterThan(0); // it did refresh
    expect(b).toBeLessThan(top);
  }
}, 60000);
