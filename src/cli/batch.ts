// `vmtop batch`: like `esxtop -b`, COUNT samples DELAY simulated seconds apart, as fast as the
// engine runs unless --realtime. Output streams sample by sample; a closed reader ends quietly.

import { createWriteStream, openSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Engine } from '../engine/engine.js';
import { CsvWriter } from '../output/csv.js';
import type { Recorder } from '../record/recorder.js';
import { jsonlLine } from '../output/jsonl.js';
import { fileProblem, UsageError } from './usage-error.js';

export interface BatchOptions {
  /** simulated ms of each sample, in order; an endless schedule runs until interrupted */
  schedule: Iterable<number>;
  format: 'csv' | 'jsonl';
  output?: string;
  realtime: boolean;
  speed: number;
  recorder?: Recorder;
}

/** Samples DELAY apart, COUNT of them (or endless). */
export function* every(delayMs: number, count: number | undefined): Generator<number> {
  for (let i = 1; count === undefined || i <= count; i++) yield i * delayMs;
}

export class ClosedOutput extends Error {}

async function write(out: Writable, line: string): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new ClosedOutput();
  if (!out.write(line + '\n')) {
    try {
      await Promise.race([once(out, 'drain'), once(out, 'close').then(() => { throw new ClosedOutput(); })]);
    } catch (err) {
      throw isClosedPipe(err) ? new ClosedOutput() : err;
    }
  }
}

function isClosedPipe(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return err instanceof ClosedOutput || code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** Opened synchronously so that a bad path is a clear usage error, not a late stream error. */
function openOutput(path: string): Writable {
  try {
    return createWriteStream('', { fd: openSync(path, 'w') });
  } catch (err) {
    throw new UsageError(`-o ${path}: cannot write the file: ${fileProblem(err)}`);
  }
}

export async function runBatch(engine: Engine, opts: BatchOptions, stdout: Writable = process.stdout): Promise<void> {
  const out: Writable = opts.output ? openOutput(opts.output) : stdout;
  // A reader that goes away (`| head`) is a normal end; any other write error ends the run.
  let failure: unknown = null;
  out.on('error', (err) => { failure = err; });
  const csv = opts.format === 'csv' ? new CsvWriter() : null;
  // An interrupted endless run still ends cleanly, with its recording written.
  let stop = false;
  const onSignal = () => { stop = true; };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let i = 0;
  try {
    for (const at of opts.schedule) {
      if (stop) break;
      const step = at - engine.timeMs;
      if (opts.realtime) await new Promise((r) => setTimeout(r, step / opts.speed));
      else if (i % 64 === 63) await new Promise((r) => setImmediate(r)); // let signals in
      engine.advance(step);
      const s = engine.sample();
      opts.recorder?.sampled(engine.timeMs);
      if (failure) throw isClosedPipe(failure) ? new ClosedOutput() : failure;
      if (csv) {
        if (i === 0) await write(out, csv.header(s));
        await write(out, csv.row(s));
      } else {
        await write(out, jsonlLine(s));
      }
      i++;
    }
  } catch (err) {
    if (!(err instanceof ClosedOutput)) throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    opts.recorder?.finish(engine.applied, engine.timeMs);
    if (out !== stdout) await new Promise<void>((r) => out.end(r));
  }
}
