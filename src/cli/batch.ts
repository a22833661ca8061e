// `vmtop batch`: like `esxtop -b`, COUNT samples DELAY simulated seconds apart, as fast as the
// engine runs unless --realtime. Output streams sample by sample; a closed reader ends quietly.

import { createWriteStream, openSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Engine } from '../engine/engine.js';
import { RunPlan } from '../output/esxtop/plan.js';
import type { PdhFile } from '../output/esxtop/pdh-file.js';
import { csvFile } from '../output/esxtop/writer.js';
import type { Recorder } from '../record/recorder.js';
import { jsonlLine } from '../output/jsonl.js';
import { csvTargets } from './csv-targets.js';
import { fileProblem, UsageError } from './usage-error.js';

export interface BatchOptions {
  /**
   * simulated ms of each sample, in order: an array when the run has an end (a CSV run then
   * observes it once first, so its header has every VM the run will show); else endless
   */
  schedule: readonly number[] | Iterable<number>;
  format: 'csv' | 'csv-vmtop' | 'jsonl';
  output?: string;
  /** CSV: the one host of the file, or every host in one file */
  host?: string;
  allHosts?: boolean;
  realtime: boolean;
  speed: number;
  recorder?: Recorder;
}

/** Samples DELAY apart, COUNT of them (or endless). */
export function* every(delayMs: number, count: number | undefined): Generator<number> {
  for (let i = 1; count === undefined || i <= count; i++) yield i * delayMs;
}

/** `first` on the first call (already built, its seed read), then a new engine on each. */
export function firstThenFresh(first: Engine, make: () => Engine): () => Engine {
  let given = false;
  return () => {
    if (given) return make();
    given = true;
    return first;
  };
}

export class ClosedOutput extends Error {}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

async function write(out: Writable, line: string): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new ClosedOutput();
  if (!out.write(line + '\n')) {
    // the waiter that loses the race is removed, or every full buffer would leave two listeners
    const done = new AbortController();
    try {
      await Promise.race([
        once(out, 'drain', { signal: done.signal }),
        once(out, 'close', { signal: done.signal }).then(() => { throw new ClosedOutput(); }),
      ]);
    } catch (err) {
      throw isClosedPipe(err) ? new ClosedOutput() : err;
    } finally {
      done.abort();
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

const yieldToSignals = () => new Promise((r) => setImmediate(r));

/** A first run over the whole schedule: which groups each host will show. */
async function planRun(engine: Engine, schedule: readonly number[]): Promise<RunPlan> {
  const plan = new RunPlan();
  for (let i = 0; i < schedule.length; i++) {
    if (i % 64 === 63) await yieldToSignals();
    engine.advance(schedule[i] - engine.timeMs);
    plan.observe(engine.sample());
  }
  return plan;
}

/** One output: JSONL, or one CSV file (with its header written before its first row). */
interface Sink {
  out: Writable;
  csv?: PdhFile;
  headed?: boolean;
}

export async function runBatch(makeEngine: () => Engine, opts: BatchOptions, stdout: Writable = process.stdout): Promise<void> {
  const engine = makeEngine();
  const csvFormat = opts.format === 'jsonl' ? null : opts.format;
  const targets = csvFormat
    ? csvTargets(engine.profile.hosts.map((h) => h.name), { format: csvFormat, host: opts.host, allHosts: opts.allHosts ?? false, output: opts.output })
    : [{ hosts: [], output: opts.output }];
  const finite = Array.isArray(opts.schedule);
  let plan: RunPlan | null = csvFormat && finite ? await planRun(makeEngine(), opts.schedule as readonly number[]) : null;
  const sinks: Sink[] = targets.map((t) => ({ out: t.output ? openOutput(t.output) : stdout }));
  if (targets.length > 1) process.stderr.write(`vmtop: one file per host: ${targets.map((t) => t.output).join(', ')}\n`);
  // A reader that goes away (`| head`) is a normal end; any other write error ends the run.
  let failure: unknown = null;
  for (const s of sinks) s.out.on('error', (err) => { failure = err; });
  // An interrupted endless run still ends cleanly, with its recording written: also when its
  // terminal hangs up (SIGHUP: an ssh drop under `vmtop batch ... --record`).
  let stop = false;
  const onSignal = () => { stop = true; };
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  let i = 0;
  try {
    for (const at of opts.schedule) {
      if (stop) break;
      const step = at - engine.timeMs;
      if (opts.realtime) await new Promise((r) => setTimeout(r, step / opts.speed));
      else if (i % 64 === 63) await yieldToSignals();
      engine.advance(step);
      const s = engine.sample();
      opts.recorder?.sampled(engine.timeMs);
      if (failure) throw isClosedPipe(failure) ? new ClosedOutput() : failure;
      if (!csvFormat) {
        await write(sinks[0].out, jsonlLine(s));
      } else {
        if (!plan) {
          // endless: the header is fixed by the first sample, as esxtop's is
          plan = new RunPlan();
          plan.observe(s);
          targets.forEach((t, k) => { sinks[k].csv = csvFile(plan!, t.hosts, csvFormat); });
        } else if (!finite) {
          for (const a of plan.observe(s)) {
            if (targets.some((t) => t.hosts.includes(a.host))) {
              process.stderr.write(`vmtop: ${a.what} arrived on ${a.host} at ${s.t} s, after the CSV header was written: ` +
                'it has no columns in this file (give -n COUNT for a header with every VM of the run; JSONL has it)\n');
            }
          }
        }
        for (let k = 0; k < sinks.length; k++) {
          const sink = sinks[k];
          sink.csv ??= csvFile(plan, targets[k].hosts, csvFormat);
          if (!sink.headed) {
            await write(sink.out, sink.csv.header());
            sink.headed = true;
          }
          const row = sink.csv.row(s);
          if (row !== null) await write(sink.out, row);
        }
      }
      i++;
    }
  } catch (err) {
    if (err instanceof ClosedOutput) return;
    // one message for a failed write (a full disk): this one, main.ts's stdout listener stays quiet
    if (err === failure) throw new Error(`cannot write the output${opts.output ? ` to ${opts.output}` : ''}: ${(err as Error).message}`);
    throw err;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    opts.recorder?.finish(engine.applied, engine.timeMs);
    for (const s of sinks) if (s.out !== stdout) await new Promise<void>((r) => s.out.end(r));
  }
}
