// Terminal lifecycle of the monitor: alternate screen in, Ink render, and a restore that runs on
// every way out (docs/exits.md: each way out and its exit status). Ink 6.8's own signal hook
// re-raises the signal, so `exit` listeners would never run and the user would be left in the
// alternate screen; the monitor handles signals itself.
// Ink writes through a cell-level output layer (output.ts): it renders whole frames, and only
// the cells that changed reach the terminal.

import v8 from 'node:v8';
import chalk from 'chalk';
import { render, type Instance } from 'ink';
import { createElement } from 'react';
import type { Engine } from '../engine/engine.js';
import { App } from './App.js';
import { MonitorClock, type MonitorMode, type SimEngine } from './clock.js';
import { terminalGuard } from './terminal/escapes.js';
import { loadConfig } from './config.js';
import { fastInkOutput } from './terminal/ink-output.js';
import { cellOutput, type CellOutput } from './terminal/frame-writer.js';
import { stdioTerminals } from './terminal/lost-terminal.js';
import { filteredStdin, type FilteredStdin } from './terminal/stdin-filter.js';
import type { ScriptCue } from './script.js';
import type { Store } from './store.js';
import type { ThemeName } from './theme.js';
import { intervalTicker, type Ticker } from './ticker.js';

export interface MonitorOptions {
  engine: Engine;
  profileName: string;
  /** refresh interval, simulated seconds */
  delayS: number;
  /** simulated seconds per wall second */
  speed: number;
  color: boolean;
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  /** `replay` plays a recording (with `schedule`), `demo` runs a script (with `director`) */
  mode?: MonitorMode;
  /** a replay: the recorded sample instants, simulated ms */
  schedule?: readonly number[];
  /** a schedule that grows while it plays (a capture): whether it has all its samples */
  scheduleComplete?: () => boolean;
  /** the real capture a replay shows */
  capture?: string;
  /** a recording of the run: told every sample, finished (written) once on every way out */
  record?: MonitorRecord;
  /** a demo's director: attaches to the clock, gives the App its cues, may end the run */
  director?: (clock: MonitorClock, end: () => void) => Store<ScriptCue>;
  /** the upper speed limit (tests run demos fast) */
  maxSpeed?: number;
  /** --theme; else the config file's */
  theme?: ThemeName;
  /** -d was given on the command line: it wins over the config file's delay */
  delayGiven?: boolean;
}

export interface MonitorRecord {
  sampled(tMs: number): void;
  /** writes the recording; runs after the terminal is restored, so a failure reads as a message */
  finish(): void;
}

/** The process-level seams, replaceable in tests. */
export interface MonitorDeps {
  ticker: Ticker;
  stderr: { write(text: string): unknown };
  exit: (code: number) => void;
  process: {
    on(event: string, listener: (arg: unknown) => void): unknown;
    off(event: string, listener: (arg: unknown) => void): unknown;
  };
}

/** The signals that end the monitor, by number: it exits 128 + the number, as a shell reports a signal death. */
export const EXIT_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15 } as const;

/** The exit status when the terminal went away without a SIGHUP (EIO, end of input): as SIGHUP. */
export const LOST_TERMINAL_STATUS = 128 + EXIT_SIGNALS.SIGHUP;

/**
 * SIGUSR1 would open Node's inspector on port 9229 and print its address over the screen;
 * a listener of its own keeps Node from doing that. The monitor has no use for the signal.
 */
const ignore = () => {};

export const NOT_A_TERMINAL =
  'vmtop: the monitor needs a terminal; for piped or scripted output use `vmtop batch`\n';

/** Errors of these kinds are bugs, and a bug report needs the stack; anything else is a message. */
const BUG_KINDS = [TypeError, ReferenceError, SyntaxError, RangeError];

export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return `vmtop: ${String(err)}\n`;
  const stack = BUG_KINDS.some((kind) => err instanceof kind) || process.env.VMTOP_DEBUG;
  return `vmtop: ${err.message}\n` + (stack && err.stack ? `${err.stack}\n` : '');
}

// perf: monitor V8 flags. Why each and what it saved: docs/performance.md. Set at run time they
// tune V8's heuristics only, and a limit the user gave node (NODE_OPTIONS, a flag) wins.

/** V8's old-generation size the monitor asks for, MiB (the hard heap limit stays). */
export const MONITOR_OLD_SPACE_MIB = 64;

/** V8's interrupt budget: 4x its default bytes of bytecode run before a function is optimized. */
export const MONITOR_INTERRUPT_BUDGET = 4 * 67584;

/** Bytecode V8's optimizing compiler may inline into one function, in total (default 920). */
export const MONITOR_INLINE_CUMULATIVE = 150;

/** One full collection per quiet period from V8's memory reducer, not up to three. */
const MONITOR_GC_FLAGS = '--memory-reducer-single-gc';

/**
 * Whether the `>` column marks the selected row. Styles, inverse included, come from chalk, so
 * the marker is needed whenever chalk will emit none (its level 0: TERM=dumb, a CI variable), not
 * only when colour is off or the terminal says it has no colours: the two can disagree (in tmux,
 * Node sees 16M colours whatever CI says).
 */
export function selectionMarker(colorWanted: boolean, chalkLevel: number, stdout: { hasColors?: () => boolean }): boolean {
  return !colorWanted || chalkLevel === 0 || (typeof stdout.hasColors === 'function' && !stdout.hasColors());
}

/** Sets the V8 flags the monitor is tuned with; one the user gave node (NODE_OPTIONS, a flag) wins. */
function tuneV8(): void {
  const given = (flag: string) => [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes(flag));
  if (!given('max-old-space-size')) v8.setFlagsFromString(`--max-old-space-size=${MONITOR_OLD_SPACE_MIB}`);
  if (!given('interrupt-budget')) v8.setFlagsFromString(`--interrupt-budget=${MONITOR_INTERRUPT_BUDGET}`);
  if (!given('max-inlined-bytecode-size')) v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${MONITOR_INLINE_CUMULATIVE}`);
  if (!given('memory-reducer')) v8.setFlagsFromString(MONITOR_GC_FLAGS);
}

export async function runMonitor(opts: MonitorOptions): Promise<void> {
  tuneV8();
  const stdio = stdioTerminals();
  return startMonitor(opts, {
    ticker: intervalTicker(), stderr: process.stderr, process,
    exit: (code) => {
      // a terminal gone: its descriptors closed first, or Node 20 dies in its tty reset (lost-terminal.ts)
      stdio.detach();
      process.exit(code);
    },
  });
}

export async function startMonitor(opts: Omit<MonitorOptions, 'engine'> & { engine: SimEngine }, deps: MonitorDeps): Promise<void> {
  const stdout = opts.stdout ?? process.stdout;
  const stdin = opts.stdin ?? process.stdin;
  if (!stdout.isTTY || !stdin.isTTY) {
    deps.stderr.write(NOT_A_TERMINAL);
    return;
  }
  // The view settings W saved: a demo keeps its own view; only a live run takes the saved delay.
  const config = opts.mode === 'demo' ? undefined : loadConfig();
  const savedDelay = (opts.mode ?? 'live') === 'live' && !opts.delayGiven ? config?.settings?.delay : undefined;
  const clock = new MonitorClock(opts.engine, deps.ticker, {
    delayS: savedDelay ?? opts.delayS, speed: opts.speed, mode: opts.mode, schedule: opts.schedule,
    onSample: opts.record ? (t) => opts.record?.sampled(t) : undefined, maxSpeed: opts.maxSpeed,
    scheduleComplete: opts.scheduleComplete, capture: opts.capture,
  });
  const guard = terminalGuard(stdout);
  let ink: Instance | undefined;
  let output: CellOutput | undefined;
  let keyboard: FilteredStdin | undefined;
  let tornDown = false;
  /** Restores the terminal, then writes the recording; false if that write failed (reported). Runs once. */
  const teardown = (): boolean => {
    if (tornDown) return true;
    tornDown = true;
    clock.stop();
    try {
      ink?.unmount();
    } catch {
      // Unmounting a tree that already failed can throw; the terminal still has to be restored.
    }
    guard.restore();
    output?.dispose();
    keyboard?.dispose();
    for (const [event, handler] of handlers) deps.process.off(event, handler);
    for (const [stream, event, handler] of terminalHandlers) stream.off(event, handler);
    // a write of the restore above to a terminal that is gone fails after this returns
    stdout.on('error', ignore);
    stdin.on('error', ignore);
    if (!opts.record) return true;
    try {
      opts.record.finish();
      return true;
    } catch (err) {
      deps.stderr.write(`vmtop: the recording was not written: ${err instanceof Error ? err.message : String(err)}\n`);
      return false;
    }
  };
  const end = (code: number) => {
    teardown();
    deps.exit(code);
  };
  const fail = (err: unknown) => {
    if (tornDown) return;
    teardown();
    deps.stderr.write(describeError(err));
    deps.exit(1);
  };
  const onSignal = (signal: unknown) => {
    if (tornDown) return;
    end(128 + (EXIT_SIGNALS[signal as keyof typeof EXIT_SIGNALS] ?? 0));
  };
  /** The terminal went away without a SIGHUP: writes fail (EIO), input ends. Nobody to tell. */
  const onLost = () => {
    if (tornDown) return;
    end(LOST_TERMINAL_STATUS);
  };
  const handlers: [string, (arg: unknown) => void][] = [
    ...Object.keys(EXIT_SIGNALS).map((signal): [string, (arg: unknown) => void] => [signal, onSignal]),
    ['SIGUSR1', ignore], ['uncaughtException', fail], ['unhandledRejection', fail], ['exit', guard.restore],
  ];
  for (const [event, handler] of handlers) deps.process.on(event, handler);
  const terminalHandlers: [NodeJS.EventEmitter, string, () => void][] = [
    [stdout, 'error', onLost], [stdin, 'error', onLost], [stdin, 'end', onLost],
  ];
  for (const [stream, event, handler] of terminalHandlers) stream.on(event, handler);

  guard.enter();
  try {
    const marker = selectionMarker(opts.color, chalk.level, stdout);
    // Ink's standard (non-incremental) mode hands over each frame whole, in one write.
    output = cellOutput(stdout);
    // Ink reads the keyboard through vmtop's key filter: no sequence it cannot name reaches it
    keyboard = filteredStdin(stdin);
    // Ink's frame text built without a grid row per blank line (same text; ink-output.ts);
    // VMTOP_INK_OUTPUT=ink keeps Ink's own, for comparisons
    if (process.env.VMTOP_INK_OUTPUT !== 'ink') await fastInkOutput();
    const script = opts.director?.(clock, () => ink?.unmount());
    // maxFps throttles only bursts (a refresh and a key press close together): a key that lands
    // just after a refresh waits up to 1000/maxFps ms for its frame (100 ms at 10). At 30 such a
    // press, the first of a panel not drawn before, took 45-53 ms; 60 bounds the wait at 17 ms.
    const cells = output;
    ink = render(createElement(App, { clock, profileName: opts.profileName, color: opts.color, marker, script, config, theme: opts.theme, onRedraw: () => cells.repaint() }), {
      stdout: output.stream, stdin: keyboard.stream, incrementalRendering: false, patchConsole: false, exitOnCtrlC: false, maxFps: 60,
    });
    clock.start();
    await ink.waitUntilExit();
  } catch (err) {
    fail(err);
    return;
  }
  if (!teardown()) deps.exit(1);
}
