// `vmtop batch`: like `esxtop -b`, COUNT samples DELAY simulated seconds apart, as fast as the
// engine runs unless --realtime. Output streams sample by sample; a closed reader ends quietly.

import { createWriteStream, openSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Engine } from '../engine/engine.js';
import type { Profile } from '../profile/types.js';
import { CsvWriter } from '../output/csv.js';
import { jsonlLine } from '../output/jsonl.js';
import { UsageError } from './usage-error.js';

export interface BatchOptions {
  delayS: number;
  count: number | undefined;
  format: 'csv' | 'jsonl';
  output?: string;
  realtime: boolean;
  speed: number;
  seed?: number;
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
    throw new UsageError(`-o ${path}: cannot write the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

export async function runBatch(profile: Profile, opts: BatchOptions, stdout: Writable = process.stdout): Promise<void> {
  const out: Writable = opts.output ? openOutput(opts.output) : stdout;
  // A reader that goes away (`| head`) is a normal end; any other write error ends the run.
  let failure: unknown = null;
  out.on('error', (err) => { failure = err; });
  const engine = new Engine(profile, { seed: opts.seed });
  const csv = opts.format === 'csv' ? new CsvWriter() : null;
  try {
    for (let i = 0; opts.count === undefined || i < opts.count; i++) {
      if (opts.realtime) await new Promise((r) => setTimeout(r, (opts.delayS * 1000) / opts.speed));
      engine.advance(opts.delayS * 1000);
      const s = engine.sample();
      if (failure) throw isClosedPipe(failure) ? new ClosedOutput() : failure;
      if (csv) {
        if (i === 0) await write(out, csv.header(s));
        await write(out, csv.row(s));
      } else {
        await write(out, jsonlLine(s));
      }
    }
  } catch (err) {
    if (!(err instanceof ClosedOutput)) throw err;
    return;
  } finally {
    if (out !== stdout) await new Promise<void>((r) => out.end(r));
  }
}
