// Renders the monitor with ink-testing-library inside act(), so each key and tick has been
// committed and drawn when the call returns; the terminal size is injected.

import { render } from 'ink-testing-library';
import { act } from 'react';
import { App } from '../../src/tui/App.js';
import { MonitorClock, type SimEngine } from '../../src/tui/clock.js';
import type { ConfigLoad } from '../../src/tui/config.js';
import type { ThemeName } from '../../src/tui/theme.js';
import type { TerminalSize } from '../../src/tui/terminal-size.js';
import { lab, ManualTicker, ScriptedEngine } from './fixtures.js';
import { mouseId, namedEvent, type MouseEvent } from '../../src/tui/named-events.js';
import type { Snapshot } from '../../src/engine/snapshot.js';

export const KEY = {
  up: '\u001B[A', down: '\u001B[B', pgup: '\u001B[5~', pgdn: '\u001B[6~', home: '\u001B[H',
  end: '\u001B[F', esc: '\u001B', enter: '\r', tab: '\t', space: ' ', ctrlC: '\u0003', backspace: '\u007F',
  ctrlL: '\u000C',
  // what the key filter hands Ink for keys Ink cannot name (src/tui/named-events.ts)
  f1: namedEvent('f1'), f10: namedEvent('f10'),
} as const;

/** Tab presses from the first host of `s` to `host`. */
export const tabsTo = (s: Snapshot, host: string): string[] => Array<string>(s.hosts.findIndex((h) => h.name === host)).fill(KEY.tab);

/** A mouse event as the key filter hands it to Ink: 1-based column and row, as xterm reports them. */
export const mouse = (kind: MouseEvent['kind'], x: number, y: number) => namedEvent(mouseId({ kind, x, y }));

// eslint-disable-next-line no-control-regex
export const stripAnsi = (text: string) => text.replace(/\u001B\[[0-9;]*m/g, '');

export interface TuiOptions {
  snapshots?: readonly Snapshot[];
  size?: TerminalSize;
  color?: boolean;
  marker?: boolean;
  delayS?: number;
  speed?: number;
  /** a real engine instead of the scripted snapshots (keys that send commands need one) */
  sim?: SimEngine;
  /** the view settings file as read at start */
  config?: ConfigLoad;
  theme?: ThemeName;
  /** play these recorded instants (ms) as a replay */
  replay?: readonly number[];
}

export async function renderTui(opts: TuiOptions = {}) {
  const engine = new ScriptedEngine(opts.snapshots ?? [lab(0), lab(2), lab(4)]);
  const ticker = new ManualTicker();
  const clock = new MonitorClock(opts.sim ?? engine, ticker, { delayS: opts.delayS ?? 2, speed: opts.speed ?? 1,
    ...(opts.replay ? { mode: 'replay' as const, schedule: opts.replay } : {}) });
  let size = opts.size ?? { columns: 100, rows: 30 };
  let quits = 0;
  let redraws = 0;
  const app = () => (
    <App clock={clock} profileName="lab" color={opts.color ?? false} marker={opts.marker} size={size}
      config={opts.config} theme={opts.theme}
      onQuit={() => { quits++; }} onRedraw={() => { redraws++; }} />
  );
  let r!: ReturnType<typeof render>;
  await act(async () => {
    r = render(<></>);
  });
  // ink-testing-library fixes columns at 100; Ink lays out at stdout.columns, so follow the size.
  Object.defineProperty(r.stdout, 'columns', { get: () => size.columns, configurable: true });
  await act(async () => {
    r.rerender(app());
    clock.start();
  });
  return {
    engine, ticker, clock,
    frame: () => stripAnsi(r.lastFrame() ?? ''),
    rawFrame: () => r.lastFrame() ?? '',
    lines: () => stripAnsi(r.lastFrame() ?? '').split('\n'),
    quits: () => quits,
    redraws: () => redraws,
    press: async (...keys: string[]) => {
      for (const k of keys) await act(async () => { r.stdin.write(k); });
    },
    tick: async (n = 1) => {
      for (let i = 0; i < n; i++) await act(async () => { ticker.fire(); });
    },
    resize: async (next: TerminalSize) => {
      size = next;
      await act(async () => { r.rerender(app()); });
    },
    unmount: async () => act(async () => { r.unmount(); }),
  };
}

export type Tui = Awaited<ReturnType<typeof renderTui>>;

/** Names of the panel's data rows in screen order. */
export function rowNames(t: Tui): string[] {
  return t.lines().map((l) => /^[> ] +\d+ +(\S+)/.exec(l)?.[1]).filter((n): n is string => !!n);
}

/** Name on the row with the `>` marker (needs the marker column: colour off). */
export const selectedName = (t: Tui) => /^> +\d+ +(\S+)/m.exec(t.frame())?.[1];

/** The status line sits just above the footer. */
export const statusLine = (t: Tui) => t.lines().at(-2) ?? '';
