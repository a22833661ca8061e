// Drives the engine from the wall clock: every delay/speed wall seconds it advances the
// simulation by one refresh interval, samples, and publishes the sample to the store.

import type { Engine, HostChoice } from '../engine/engine.js';
import type { EngineEvent, Snapshot } from '../engine/snapshot.js';
import { LIMITS } from '../limits.js';
import type { Command, Profile } from '../profile/types.js';
import { createStore, type Store } from './store.js';
import type { Ticker } from './ticker.js';

// from the one table of limits, which --help and the README state
export const SPEED_MIN = LIMITS.monitorSpeed.min;
export const SPEED_MAX = LIMITS.monitorSpeed.max;
export const DELAY_MIN_S = LIMITS.monitorDelayS.min;
export const DELAY_MAX_S = LIMITS.monitorDelayS.max;
/** What the status line says once a replay has played its last recorded sample. */
export const REPLAY_ENDED = 'the recording ends here: panels, hosts and sorting still work, q quits';
/** The renderer draws at most 10 frames a second; sampling faster only burns CPU. */
const MIN_PERIOD_MS = 100;
/** The events kept: the event log's capacity (E); the oldest leave first. */
export const EVENT_LOG_CAPACITY = 1000;
const EVENTS_KEPT = EVENT_LOG_CAPACITY;

export interface MonitorView {
  snapshot: Snapshot;
  /** most recent events across samples, oldest first */
  events: readonly EngineEvent[];
  paused: boolean;
  speed: number;
  delayS: number;
  /** `replay`: a recording plays back (commands refused); `demo`: a scripted story */
  mode: MonitorMode;
  /** a replay that reached its last recorded sample */
  ended: boolean;
  /** a demo's caption: what to look at and why */
  caption: string | null;
}

export type MonitorMode = 'live' | 'replay' | 'demo';

/** What the keys may do to the clock. */
export interface ClockControls {
  readonly speed: number;
  /** Returns the new paused state. */
  togglePause(): boolean;
  /** Multiplies the speed within SPEED_MIN..SPEED_MAX; returns the new speed. */
  scaleSpeed(factor: number): number;
  setDelay(seconds: number): void;
  /** While paused, one refresh forward (a replay: to the next recorded sample); false if not possible. */
  step(): boolean;
  /** A command for the simulation (the keyboard's path); false while replaying, where it is refused. */
  submit(command: Command): boolean;
  /** true while a recording plays back: keys that would change the simulation are refused */
  readonly replaying: boolean;
  /** the real capture on screen, if it is one (refusals then point to `vmtop import`) */
  readonly capture?: string | null;
  /** every host with whether the VM may migrate there and why not (the `V` picker); [] without an engine */
  migrationTargets?(vm: string): HostChoice[];
  /** every host with whether the VM's disk may move to its datastore and why not (`V`, then Tab) */
  relocationTargets?(vm: string): HostChoice[];
  /** every host with whether a VM from the template could be deployed there now and why not (`D`) */
  deployTargets?(template: string): HostChoice[];
  /** the templates a deploy can name (the `D` picker) */
  templates?(): string[];
  /** the profile the simulation runs (the `:` line reads commands against its names); undefined without one */
  profile?(): Profile | undefined;
}

export type SimEngine = Pick<Engine, 'advance' | 'sample'> & Partial<Pick<Engine, 'submit' | 'migrationTargets' | 'relocationTargets' | 'deployTargets' | 'templates' | 'profile'>>;

export interface ClockOptions {
  delayS: number;
  speed: number;
  mode?: MonitorMode;
  /** a replay's sample instants, simulated ms: ticks go from one to the next */
  schedule?: readonly number[];
  /** told the simulated ms of every sample after the first (what a recording keeps) */
  onSample?: (tMs: number) => void;
  /** the upper speed limit (a demo under test runs faster than a person would watch) */
  maxSpeed?: number;
  /**
   * A schedule still growing (a capture read while it plays): whether it has all its samples.
   * Until then the end of the schedule is a wait for the next sample, not the end of the replay.
   */
  scheduleComplete?: () => boolean;
  /** the capture file a replay shows (a real host's): what refusals point to */
  capture?: string;
}

export function clampSpeed(speed: number, max = SPEED_MAX): number {
  return Math.min(max, Math.max(SPEED_MIN, speed));
}

export class MonitorClock implements ClockControls {
  readonly store: Store<MonitorView>;
  private running = false;
  private readonly recorded: readonly number[] | null;
  /** index of the next recorded sample (replay) */
  private next = 0;
  private readonly onSample?: (tMs: number) => void;
  private readonly maxSpeed: number;
  private readonly scheduleComplete: () => boolean;
  readonly capture: string | null;

  constructor(
    private readonly engine: SimEngine,
    private readonly ticker: Ticker,
    options: ClockOptions,
  ) {
    this.recorded = options.schedule ?? null;
    this.onSample = options.onSample;
    this.maxSpeed = Math.max(SPEED_MAX, options.maxSpeed ?? SPEED_MAX);
    this.scheduleComplete = options.scheduleComplete ?? (() => true);
    this.capture = options.capture ?? null;
    const snapshot = engine.sample();
    // a recording without samples has nothing to play: it starts at its end
    const ended = this.recorded !== null && this.recorded.length === 0 && this.scheduleComplete();
    this.store = createStore<MonitorView>({
      snapshot,
      events: snapshot.events.slice(-EVENTS_KEPT),
      paused: ended,
      speed: clampSpeed(options.speed, this.maxSpeed),
      delayS: options.delayS,
      mode: options.mode ?? 'live',
      ended,
      caption: null,
    });
  }

  get replaying(): boolean {
    return this.recorded !== null;
  }

  /** simulated ms of the sample on screen */
  get timeMs(): number {
    return Math.round(this.store.get().snapshot.t * 1000);
  }

  setCaption(caption: string | null): void {
    if (caption !== this.store.get().caption) this.store.set({ ...this.store.get(), caption });
  }

  start(): void {
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.ticker.stop();
  }

  /** One refresh: advance, sample, publish. */
  tick(): void {
    if (this.store.get().paused) return;
    this.refresh();
  }

  step(): boolean {
    const view = this.store.get();
    if (!view.paused || view.ended) return false;
    return this.refresh();
  }

  submit(command: Command): boolean {
    if (this.replaying || !this.engine.submit) return false;
    this.engine.submit(command);
    return true;
  }

  migrationTargets(vm: string): HostChoice[] {
    return this.engine.migrationTargets?.(vm) ?? [];
  }

  relocationTargets(vm: string): HostChoice[] {
    return this.engine.relocationTargets?.(vm) ?? [];
  }

  deployTargets(template: string): HostChoice[] {
    return this.engine.deployTargets?.(template) ?? [];
  }

  templates(): string[] {
    return this.engine.templates?.() ?? [];
  }

  profile(): Profile | undefined {
    return this.engine.profile;
  }

  /** false when nothing moved: the replay's end, or its next sample not read yet */
  private refresh(): boolean {
    const view = this.store.get();
    if (view.ended) return false;
    let ended = false;
    if (this.recorded) {
      if (this.next >= this.recorded.length) {
        // played all it has: the source reads on (ticks poll until a sample arrives), or that was all
        if (!this.scheduleComplete()) return false;
        this.store.set({ ...view, ended: true, paused: true });
        this.schedule();
        return false;
      }
      const at = this.recorded[this.next++];
      this.engine.advance(at - this.timeMs);
      ended = this.next >= this.recorded.length && this.scheduleComplete();
    } else {
      this.engine.advance(this.stepMs(view));
    }
    const snapshot = this.engine.sample();
    this.onSample?.(Math.round(snapshot.t * 1000));
    const events = snapshot.events.length
      ? [...view.events, ...snapshot.events].slice(-EVENTS_KEPT)
      : view.events;
    const paused = ended || this.store.get().paused;
    // a replay's refresh interval is the recorded one
    const delayS = this.recorded ? snapshot.interval : this.store.get().delayS;
    this.store.set({ ...this.store.get(), snapshot, events, ended, paused, delayS });
    if (ended) this.schedule();
    return true;
  }

  get speed(): number {
    return this.store.get().speed;
  }

  togglePause(): boolean {
    const view = this.store.get();
    if (view.ended) return true;
    const paused = !view.paused;
    this.update({ paused });
    return paused;
  }

  scaleSpeed(factor: number): number {
    const speed = clampSpeed(this.store.get().speed * factor, this.maxSpeed);
    this.update({ speed });
    return speed;
  }

  setDelay(seconds: number): void {
    this.update({ delayS: seconds });
  }

  private update(patch: Partial<MonitorView>): void {
    this.store.set({ ...this.store.get(), ...patch });
    this.schedule();
  }

  private periodMs(view: MonitorView): number {
    if (this.recorded) {
      // a replay keeps the recorded instants; the wall period follows the gap to the next one
      const gap = (this.recorded[this.next] ?? 0) - this.timeMs;
      return Math.max(MIN_PERIOD_MS, gap / view.speed);
    }
    return Math.max(MIN_PERIOD_MS, (view.delayS * 1000) / view.speed);
  }

  /** One delay normally; more when the period hit the frame-rate floor, so speed stays true. */
  private stepMs(view: MonitorView): number {
    const exact = (view.delayS * 1000) / view.speed;
    return exact >= MIN_PERIOD_MS ? view.delayS * 1000 : MIN_PERIOD_MS * view.speed;
  }

  private schedule(): void {
    const view = this.store.get();
    if (!this.running || view.paused) this.ticker.stop();
    else if (this.recorded) this.ticker.start(this.periodMs(view), () => { this.tick(); this.schedule(); });
    else this.ticker.start(this.periodMs(view), () => this.tick());
  }
}
