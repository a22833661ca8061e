// Relaxed co-scheduling (reference §1.3): a vCPU whose skew reached the threshold is co-stopped
// until its slowest sibling catches up — for `skew` ms of this quantum (all of it if the skew is
// a quantum or more), after which it is co-started and may run the rest. The laggards are
// boosted meanwhile.

import { EPS, type CpuState } from './cpu-state.js';

export function coschedule(s: CpuState): void {
  const theta = s.skewThresholdMs;
  const { progress, want, cstpPart, boost } = s;
  for (let g = 0; g < s.ng; g++) {
    const count = s.gCount[g];
    if (!s.gOn[g] || !s.gGang[g] || count < 2) continue;
    const start = s.gStart[g];
    const end = start + count;
    let minP = Infinity;
    for (let v = start; v < end; v++) if (progress[v] < minP) minP = progress[v];
    let anyStopped = false;
    for (let v = start; v < end; v++) {
      const skew = (progress[v] -= minP); // keep progress relative: skew is all that matters
      const stop = skew >= theta - EPS && want[v] > 0 ? Math.min(want[v], skew) : 0;
      cstpPart[v] = stop;
      if (stop > 0) anyStopped = true;
    }
    for (let v = start; v < end; v++) boost[v] = anyStopped && progress[v] <= EPS ? 1 : 0;
  }
}
