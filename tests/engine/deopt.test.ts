// The guard of docs/performance.md's rules: the 1,000-vCPU bench lab, memory-heavy (balloon,
// compression and swap all running), 90 simulated seconds in a child under --trace-deopt, from the
// build. It counts what V8 threw away, not how long anything took: breaking one rule (a field that
// starts as an integer, a store first run after V8 compiled the loop) multiplies the bailouts.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without types
import { countDeopts, DEOPT_CEILING, DEOPT_PER_FUNCTION_CEILING, deoptRun } from '../../bench/deopt.mjs';

describe('deoptimization guard', () => {
  it('reads bailouts from a --trace-deopt log, anonymous functions by their SharedFunctionInfo', () => {
    const line = (fn: string) => `[bailout (kind: deopt-eager, reason: wrong map): begin. deoptimizing 0x1 <JSFunction ${fn}>, 0x2 <Code TURBOFAN>, opt id 9]`;
    const log = [line('step (sfi = 0xa)'), line('(sfi = 0xb)'), line('step (sfi = 0xa)'), '[marking dependent code 0x3 for deoptimization]'].join('\n');
    expect(countDeopts(log)).toEqual({ total: 3, worst: { name: 'step 0xa', count: 2 } });
  });

  it('the 1,000-vCPU lab stays under the ceilings: no deoptimization loop', () => {
    const r = deoptRun(1000, true, 90);
    expect(r.total, `bailouts in all (worst: ${r.worst.name} x${r.worst.count})`).toBeLessThanOrEqual(DEOPT_CEILING);
    expect(r.worst.count, `bailouts of ${r.worst.name}`).toBeLessThanOrEqual(DEOPT_PER_FUNCTION_CEILING);
    // the run did reach optimized code: a trace with no bailout at all would mean nothing was traced
    expect(r.total).toBeGreaterThan(0);
  });
});
