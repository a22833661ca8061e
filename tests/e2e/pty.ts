// A vmtop child in a real pseudo-terminal, read back through a headless xterm: what a user sees.
// Needs the build (npm test builds first).

import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { fileURLToPath } from 'node:url';

const { Terminal } = xterm;
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Session {
  term: InstanceType<typeof Terminal>;
  proc: pty.IPty;
  raw: () => string;
  screen: () => string[];
  exited: Promise<{ exitCode: number; signal?: number }>;
}

/**
 * `unset` names environment variables the child must not have (beyond NO_COLOR); `set` adds or
 * replaces some (TERM among them); `entry` is the script node runs (an installed copy's, say);
 * `before` is what node runs in front of it (a wrapper script and its arguments).
 */
export function startPty(args: string[], cols = 100, rows = 30, unset: string[] = [], set: Record<string, string> = {},
  entry = 'bin/vmtop.js', before: string[] = []): Session {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  const env: Record<string, string> = { ...(process.env as Record<string, string>), CI: '0', FORCE_COLOR: '1', TERM: 'xterm-256color', ...set };
  for (const name of ['NO_COLOR', ...unset]) delete env[name];
  const proc = pty.spawn(process.execPath, [...before, entry, ...args], { name: env.TERM, cols, rows, cwd: ROOT, env });
  let raw = '';
  proc.onData((d) => {
    raw += d;
    term.write(d);
  });
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => proc.onExit(resolve));
  const screen = () => {
    const b = term.buffer.active;
    // up to the current width: after a shrink xterm keeps the cells beyond it in its buffer lines
    return Array.from({ length: term.rows }, (_, y) => (b.getLine(b.viewportY + y)?.translateToString(true, 0, term.cols) ?? '').trimEnd());
  };
  return { term, proc, raw: () => raw, screen, exited };
}

export function stopPty(s: Session | undefined): void {
  try {
    s?.proc.kill();
  } catch {
    // already gone
  }
}

/** xterm parses asynchronously: flush it, then poll the visible grid. */
export async function waitFor(s: Session, what: string, predicate: (screen: string[]) => boolean, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await new Promise<void>((resolve) => s.term.write('', resolve));
    const screen = s.screen();
    if (predicate(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function press(s: Session, key: string, what: string, predicate: (screen: string[]) => boolean) {
  await new Promise((resolve) => setTimeout(resolve, 40)); // key spacing, so the PTY does not coalesce
  s.proc.write(key);
  return waitFor(s, what, predicate);
}

/** The status line: the last line above the footer. */
/** A frame of the monitor on lab: its title, and the footer's keys. */
export const isLabFrame = (screen: string[]) => screen[0].startsWith('vmtop lab') && screen.some((l) => l.includes('q quit'));

export const statusOf = (screen: string[]) => screen.filter((l) => l.trim() !== '').at(-2) ?? '';
