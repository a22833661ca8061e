// Every demo runs to its end in a real pseudo-terminal, fast (--speed), with its captions and
// no error, and exits 0 by itself with the terminal restored. (Its bytes per second beside
// htop's are a figure of `npm run bench`, not a test: a test must not depend on htop being there.)

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
