// A VServer host's guests as samples: counters are cumulative, %USED and %HELD cover the interval
// since the previous sample, and each sample appends the bucket level to a short history.

import type { VServerHost } from './host.js';
import { VSERVER_HISTORY, type VServerSample } from './types.js';

export function sampleVServers(vs: VServerHost, hostName: string, intervalMs: number): VServerSample[] {
  const pct = intervalMs > 0 ? 100 / intervalMs : 0;
  const W = vs.hz;
  return vs.guests.map((x) => {
    const { spec, bucket: b } = x;
    const heldMs = ((b.heldTicks - x.base.heldTicks) * 1000) / W;
    const usedPct = (x.usedMs - x.base.usedMs) * pct;
    x.base = { usedMs: x.usedMs, heldTicks: b.heldTicks };
    x.history.push(b.tokens);
    if (x.history.length > VSERVER_HISTORY) x.history.shift();
    return {
      name: spec.name, host: hostName, context: spec.context,
      R: b.p.R, T: b.p.T, S: b.p.S, M: b.p.M, tokens: b.tokens, held: b.held,
      '%USED': usedPct, holds: b.holds, held_s: b.heldTicks / W,
      sched: spec.sched, share: b.p.R / b.p.T, hz: W, ip: spec.ip, chroot: spec.chroot,
      capabilities: [...spec.capabilities], threads: x.workload.vcpus,
      '%HELD': Math.min(100, heldMs * pct), prio: x.prio, history: [...x.history],
    };
  });
}
