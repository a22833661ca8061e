// Drives the engine from the wall clock: every delay/speed wall seconds it advances the
// simulation by one refresh interval, samples, and publishes the sample to the store.

import type { Engine } from '../engine/engine.js';
import type { EngineEvent, Snapshot } from '../engine/snapshot.js';
import { createStore, type Store } from './store.js';
import type { Ticker } from './ticker.js';

export const SPEED_MIN = 0.25;
export const SPEED_MAX = 64;
export const DELAY_MIN_S = 0.5;
export const DELAY_MAX_S = 3600;
/** The renderer draws at most 10 frames a second; sampling faster only burns CPU. */
const MIN_PERIOD_MS = 100;
/** Enough history for the event line to show the latest event even after quiet samples. */
const EVENTS_KEPT = 50;

export interface MonitorView {
  snapshot: Snapshot;
  /** most recent events across samples, oldest first */
  events: readonly EngineEvent[];
  paused: boolean;
  speed: number;
  delayS: number;
}

/** What the keys may do to the clock. */
export interface ClockControls {
  readonly speed: number;
  /** Returns the new paused state. */
  togglePause(): boolean;
  /** Multiplies the speed within SPEED_MIN..SPEED_MAX; returns the new speed. */
  scaleSpeed(factor: number): number;
  setDelay(seconds: number): void;
}

export type SimEngine = Pick<Engine, 'advance' | 'sample'>;

export function clampSpeed(speed: number): number {
  return Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
}

export class MonitorClock implements ClockControls {
  readonly store: Store<MonitorView>;
  private running = false;

  constructor(
    private readonly engine: SimEngine,
    private readonly ticker: Ticker,
    options: { delayS: number; speed: number },
  ) {
    const snapshot = engine.sample();
    this.store = createStore<MonitorView>({
      snapshot,
      events: snapshot.events.slice(-EVENTS_KEPT),
      paused: false,
      speed: clampSpeed(options.speed),
      delayS: options.delayS,
    });
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
    const view = this.store.get();
    if (view.paused) return;
    this.engine.advance(this.stepMs(view));
    const snapshot = this.engine.sample();
    const events = snapshot.events.length
      ? [...view.events, ...snapshot.events].slice(-EVENTS_KEPT)
      : view.events;
    this.store.set({ ...this.store.get(), snapshot, events });
  }

  get speed(): number {
    return this.store.get().speed;
  }

  togglePause(): boolean {
    const paused = !this.store.get().paused;
    this.update({ paused });
    return paused;
  }

  scaleSpeed(factor: number): number {
    const speed = clampSpeed(this.store.get().speed * factor);
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
    else this.ticker.start(this.periodMs(view), () => this.tick());
  }
}
