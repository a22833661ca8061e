// The deoptimization guard: the 1,000-vCPU bench lab run for a fixed stretch of simulated time
// in a child process under --trace-deopt, its bailouts counted. Not timed: it counts what V8
// threw away. A few bailouts while V8 learns the types are normal; a refactor that undoes one of
// the rules in docs/performance.md shows up as a function deoptimized again and again (a loop:
// optimized, thrown away, recompiled, each time the same branch or shape comes back), or as many
// more bailouts in all. `npm run bench` prints the figure; tests/engine/deopt.test.ts fails on it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * At most this many bailouts in a whole run. Seen on Node 20, memory-heavy: 26-27 before guest
 * paging became disk I/O, 32-35 since (the I/O path first runs ~40 s in, once per host); with
 * AS_DOUBLE set to 0, 80-84.
 */
export const DEOPT_CEILING = 48;
/** At most this many of one function: more is a deoptimization loop (seen: 4). */
export const DEOPT_PER_FUNCTION_CEILING = 8;

/** Bailouts of a run, in all and per function name, from a --trace-deopt log. */
export function countDeopts(log) {
  const perFunction = new Map();
  let total = 0;
  // one function is one SharedFunctionInfo (sfi); an anonymous one has no name before it
  for (const m of log.matchAll(/^\[bailout \(kind: .*?<JSFunction (?:(\S+) )?\(sfi = (0x[0-9a-f]+)\)>/gm)) {
    total++;
    const name = `${m[1] ?? '(anonymous)'} ${m[2]}`;
    perFunction.set(name, (perFunction.get(name) ?? 0) + 1);
  }
  const worst = [...perFunction].sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  return { total, worst: { name: worst[0], count: worst[1] } };
}

/** Runs the lab in a child under --trace-deopt; `heavy`: working sets 1.6x memory (balloon, swap). */
export function deoptRun(vcpus = 1000, heavy = true, simSeconds = 90) {
  const r = spawnSync(process.execPath,
    ['--trace-deopt', fileURLToPath(import.meta.url), String(vcpus), heavy ? 'heavy' : 'plentiful', String(simSeconds)],
    { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`deopt run for ${vcpus} vCPUs failed: ${r.stderr.trim()}`);
  return countDeopts(r.stdout);
}

// `node --trace-deopt bench/deopt.mjs N heavy|plentiful SECONDS`: the child
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { Engine } = await import('../dist/engine/engine.js');
  const { benchProfile } = await import('./lab.mjs');
  const e = new Engine(benchProfile(Number(process.argv[2]), process.argv[3] === 'heavy'));
  for (let t = 0; t < Number(process.argv[4]); t++) {
    e.advance(1000);
    e.sample();
  }
}
