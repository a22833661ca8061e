// The three ways into the full-screen monitor: live (`vmtop [PROFILE]`, optionally recorded),
// a recording played back (`vmtop replay FILE`) and a scripted demo (`vmtop demo NAME`). Ink and
// React load only here, so batch, validate and profiles start fast.

import { accessSync, constants, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { captureNotes, captureProblem, openCapture } from './capture-source.js';
import type { Engine } from '../engine/engine.js';
import type { Profile, TimedCommand } from '../profile/types.js';
import { Recorder } from '../record/recorder.js';
import type { MonitorOptions } from '../tui/run.js';
import type { ThemeName } from '../tui/theme.js';
import { DEMOS, findDemo } from '../demo/scripts.js';
import type { Demo } from '../demo/types.js';
import { loadProfileSource } from './load-profile.js';
import { loadRecording } from './replay-source.js';
import { LIMITS } from '../limits.js';
import { fileProblem, UsageError } from './usage-error.js';

export interface MonitorFlags {
  seed?: number;
  speed: number;
  delay: number;
  color: boolean;
  record?: string;
  /** --theme; else the config file's, else default (none without colour) */
  theme?: ThemeName;
  /** -d was given: it wins over the delay saved in the config file */
  delayGiven?: boolean;
}

function needTerminal(): void {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    throw new UsageError('the monitor needs a terminal; for piped or scripted output use `vmtop batch`');
  }
  // Emacs' shell, an editor's output pane, a serial console: a TTY without cursor addressing
  // nor an alternate screen, where every frame would scroll past as a new page of text.
  if (process.env.TERM === 'dumb') {
    throw new UsageError('the monitor needs a terminal that can move the cursor, and TERM=dumb cannot; ' +
      'for plain text use `vmtop batch` (e.g. `vmtop batch -d 2 -n 30`)');
  }
}

/** A recording is written at exit; a path that cannot be written is refused now, not then. */
export function checkRecordPath(path: string): void {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    accessSync(dirname(path) || '.', constants.W_OK);
  } catch (err) {
    throw new UsageError(`--record ${path}: cannot write the recording there: ${fileProblem(err)}`);
  }
}

function recordFor(path: string | undefined, engine: Engine, profileText: string): MonitorOptions['record'] {
  if (!path) return undefined;
  const recorder = new Recorder(path, profileText, engine.seed);
  return { sampled: (t) => recorder.sampled(t), finish: () => recorder.finish(engine.applied, engine.timeMs) };
}

async function start(opts: MonitorOptions): Promise<void> {
  const { runMonitor } = await import('../tui/run.js');
  await runMonitor(opts);
}

export async function runLive(profileArg: string | undefined, flags: MonitorFlags): Promise<void> {
  const { profile, text } = loadProfileSource(profileArg);
  if (flags.record) checkRecordPath(flags.record);
  needTerminal();
  const { Engine } = await import('../engine/engine.js');
  const engine = new Engine(profile, { seed: flags.seed });
  await start({
    engine, profileName: profile.name, delayS: flags.delay, speed: flags.speed, color: flags.color,
    record: recordFor(flags.record, engine, text), theme: flags.theme, delayGiven: flags.delayGiven,
  });
}

export async function runReplay(file: string, flags: Pick<MonitorFlags, 'speed' | 'color'>): Promise<void> {
  const { recording, profile } = loadRecording(file);
  needTerminal();
  const { Engine } = await import('../engine/engine.js');
  const engine = new Engine(profile, { seed: recording.seed, timeline: recording.commands });
  const first = recording.samples[0];
  await start({
    engine, profileName: profile.name, delayS: first ? first / 1000 : 2, speed: flags.speed, color: flags.color,
    mode: 'replay', schedule: recording.samples,
  });
}

/** `vmtop FILE.csv`, `vmtop replay FILE.csv`: a real esxtop capture, played like a recording. */
export async function runCapture(file: string, flags: Pick<MonitorFlags, 'speed' | 'color'>): Promise<void> {
  const stream = openCapture(file);
  let first;
  try {
    first = await stream.next();
  } catch (err) {
    throw captureProblem(file, err);
  }
  needTerminal();
  const { CapturePlayer } = await import('../capture/player.js');
  const player = new CapturePlayer(stream, first!, file);
  // the clock takes an empty schedule for a finished replay: wait for sample 2 (or the file's end)
  while (player.schedule.length === 0 && !stream.readAll) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    player.pull();
  }
  // the stream decodes ahead while sample 1 is on screen; the schedule grows with it
  const feed = setInterval(() => player.pull(), 200);
  try {
    await start({
      engine: player as unknown as Engine, profileName: `${basename(file)} (${stream.layout!.host})`, delayS: 2, speed: flags.speed,
      color: flags.color, mode: 'replay', schedule: player.schedule,
      scheduleComplete: () => { player.pull(); return player.complete; }, capture: basename(file),
    });
  } finally {
    clearInterval(feed);
    stream.close();
    process.stderr.write(captureNotes(file, stream));
  }
}

/** `vmtop demo` without a name: one line per demo, with its length at its own speed. */
export function demoList(): string {
  const w = Math.max(...DEMOS.map((d) => d.name.length));
  return DEMOS.map((d) => `${d.name.padEnd(w)}  ${formatLength(d)}  ${d.title}`).join('\n') + '\n';
}

function formatLength(d: Demo): string {
  const s = Math.round(d.endS / d.speed);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The profile's timeline plus the demo's own commands, each at its exact simulated time. */
export function demoTimeline(profile: Profile, demo: Demo): TimedCommand[] {
  const own = demo.steps.flatMap((s) => (s.command ? [{ atMs: s.at * 1000, command: s.command }] : []));
  return [...profile.events, ...own];
}

export async function runDemo(name: string | undefined, flags: Omit<MonitorFlags, 'delay' | 'seed'> & { speedGiven: boolean }): Promise<void> {
  if (name === undefined) {
    process.stdout.write(demoList());
    return;
  }
  const demo = findDemo(name);
  if (!demo) throw new UsageError(`vmtop: no demo named "${name}"; the demos are:\n${demoList().trimEnd()}`);
  const { profile, text } = loadProfileSource(demo.profile);
  if (flags.record) checkRecordPath(flags.record);
  needTerminal();
  const { Engine } = await import('../engine/engine.js');
  const { demoDirector } = await import('../demo/director.js');
  const engine = new Engine(profile, { timeline: demoTimeline(profile, demo) });
  await start({
    engine, profileName: profile.name, delayS: demo.delayS, speed: flags.speedGiven ? flags.speed : demo.speed,
    color: flags.color, mode: 'demo', director: demoDirector(demo), maxSpeed: LIMITS.demoSpeed.max,
    record: recordFor(flags.record, engine, text),
  });
}
