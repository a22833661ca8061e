// A capture played in the monitor through the replay path: the clock asks it to advance and to
// sample, as it asks a re-run recording, and its schedule is the capture's own sample instants
// (samples 2..N, growing as the stream decodes them). Keys that would command a simulation find
// no `submit` here and are refused as in any replay.

import type { CaptureSample } from './parser.js';
import { captureSnapshot, type CaptureSnapshot } from './snapshot.js';
import type { CaptureStream } from './stream.js';

/**
 * Decoded samples held ahead of the one on screen. The clock plays at most 10 samples a second
 * and the monitor pulls every 200 ms, so a few are enough; the stream stops reading while they
 * wait, which bounds the memory of a capture of any length (draining it all here decoded a
 * 2,000-sample, 260 MB file into a gigabyte).
 */
const LOOKAHEAD = 32;

export class CapturePlayer {
  /** simulated ms of samples 2..N decoded so far: the clock's replay schedule */
  readonly schedule: number[] = [];
  private current: CaptureSample;
  private readonly pending: CaptureSample[] = [];

  constructor(private readonly stream: CaptureStream, first: CaptureSample, private readonly file: string) {
    this.current = first;
    this.pull();
  }

  /** moves decoded samples into the schedule, up to LOOKAHEAD waiting; the stream reads on behind them */
  pull(): void {
    while (this.pending.length < LOOKAHEAD) {
      const s = this.stream.shift();
      if (!s) return;
      this.pending.push(s);
      this.schedule.push(Math.round(s.t * 1000));
    }
  }

  /** every sample of the file is in the schedule: none will be added */
  get complete(): boolean {
    return this.stream.done;
  }

  advance(): void {
    this.pull();
    const next = this.pending.shift();
    if (next) this.current = next;
  }

  sample(): CaptureSnapshot {
    const s = this.current;
    return captureSnapshot(this.stream.layout!, s.values, s.t, s.interval, {
      file: this.file, index: s.index, count: this.stream.count, label: s.label,
    });
  }
}
