// Collects what a run needs to be replayed and writes it when the run ends, atomically, so that
// an interrupted write never leaves a half file behind a good name.

import { writeFileAtomic } from '../files/atomic-write.js';
import type { TimedCommand } from '../profile/types.js';
import { formatRecording } from './format.js';

export class Recorder {
  private readonly samples: number[] = [];

  constructor(readonly path: string, readonly profileText: string, readonly seed: number) {}

  sampled(tMs: number): void {
    this.samples.push(tMs);
  }

  /** Writes the recording; `applied` is the engine's log of commands, `endMs` its final time. */
  finish(applied: readonly TimedCommand[], endMs: number): void {
    writeFileAtomic(this.path, formatRecording({
      profileText: this.profileText, seed: this.seed, commands: [...applied], samples: this.samples, endMs,
    }));
  }
}
