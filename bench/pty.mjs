// Shared by the PTY benchmarks: start a program in a real pseudo-terminal of a given size, with
// the environment a user's terminal gives it (CI=0, or Ink writes nothing; production React;
// a 256-colour TERM; colour not disabled), and keep what it writes with arrival times.
import pty from '@lydell/node-pty';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TERM = 'xterm-256color';

/** The monitor as `npx vmtop` runs it: bin/vmtop.js imports the CLI in-process (one pid). */
export const vmtopCommand = (...args) => [process.execPath, 'bin/vmtop.js', ...args];

/** Whether `name` is an executable on PATH. */
export function installed(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function ptyEnv() {
  const env = { ...process.env, CI: '0', NODE_ENV: 'production', TERM };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return env;
}

/** Spawns `command` (argv array) in a `cols` x `rows` PTY; `chunks` collects output as { t ms, d }. */
export function spawnPty(command, cols, rows) {
  const p = pty.spawn(command[0], command.slice(1), { name: TERM, cols, rows, cwd: ROOT, env: ptyEnv() });
  const t0 = performance.now();
  const chunks = [];
  const listeners = [];
  p.onData((d) => {
    const chunk = { t: performance.now() - t0, d };
    chunks.push(chunk);
    for (const l of listeners) l(chunk);
  });
  const exited = new Promise((resolve) => p.onExit(resolve));
  // The first sizeable write is the first frame (before it: mode switches only).
  let frameAt;
  listeners.push((c) => {
    if (frameAt === undefined && c.d.length >= 100) frameAt = c.t;
  });
  return {
    proc: p, pid: p.pid, t0, chunks, exited,
    /** Waits for the first frame: its arrival (ms since start); throws if the program exits or is silent for `timeoutMs`. */
    async firstFrame(timeoutMs = 30000) {
      let gone = false;
      exited.then(() => {
        gone = true;
      });
      while (frameAt === undefined) {
        if (gone) throw new Error(`${command.join(' ')} exited before its first frame:\n${chunks.map((c) => c.d).join('').slice(-400)}`);
        if (performance.now() - t0 > timeoutMs) throw new Error(`${command.join(' ')}: no frame within ${timeoutMs / 1000} s`);
        await sleep(10);
      }
      return frameAt;
    },
    onChunk: (listener) => listeners.push(listener),
    /** Bytes that arrived in [fromMs, toMs) since the start. */
    bytes: (fromMs, toMs) => chunks.filter((c) => c.t >= fromMs && c.t < toMs).reduce((n, c) => n + Buffer.byteLength(c.d), 0),
    async stop() {
      try {
        p.kill();
      } catch {
        // already gone
      }
      await Promise.race([exited, sleep(2000)]);
    },
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let clkTck;
/** CPU seconds (user + system, all threads) the process `pid` has used so far. */
export function cpuSeconds(pid) {
  clkTck ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may contain spaces, in parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clkTck; // utime, stime: fields 14, 15
}

/** Resident and peak resident memory of `pid`, in MiB. */
export function memoryMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}
