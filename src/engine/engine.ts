// PLACEHOLDER API — being implemented. The public surface below is fixed.
import type { Command, Profile } from '../profile/types.js';
import type { Snapshot } from './snapshot.js';

export interface EngineOptions {
  /** overrides the profile's seed */
  seed?: number;
}

export class Engine {
  constructor(readonly profile: Profile, _options: EngineOptions = {}) {}
  /** simulated time since start, ms */
  get timeMs(): number { return 0; }
  /** Run a command at the current simulated time (the keyboard's path); results appear as events. */
  submit(_command: Command): void {}
  /** Advance simulated time by `ms`, in whole quanta (a remainder is carried to the next call). */
  advance(_ms: number): void {}
  /** Rates and counters since the previous sample (or since start). */
  sample(): Snapshot { return { t: 0, interval: 0, hosts: [], vms: [], events: [] }; }
}
