// VMs come and go on a host: a migration's switch-over, an HA restart, a deploy. The host's
// scheduler, memory manager and I/O model are sized for their groups, so the host gets new ones
// in which every group keeps its state — taken from where it was, on this host or the one it
// left — and the sample base follows, so the next sample's rates carry on without a jump.

import type { VmSpec } from '../../profile/types.js';
import { containerGroupConfig } from '../cgroups/host-group.js';
import { relayout, type GroupSource } from '../cpu/layout.js';
import { HostIo } from '../io/host-io.js';
import { cpuConfigs, type GroupRuntime, type HostRuntime } from '../runtime.js';
import type { CounterBase } from '../sample.js';
import type { Profile } from '../../profile/types.js';

/** Where a group of the new layout is now: a host and its index there. */
export interface Origin {
  host: HostRuntime;
  index: number;
}

export interface LayoutContext {
  profile: Profile;
  /** every VM's spec by name, deployed ones included */
  specs: ReadonlyMap<string, VmSpec>;
  /** called after a host's groups changed (containers find their groups again) */
  reindex: (host: HostRuntime) => void;
}

/**
 * Give `host` the groups `groups` (system partitions first, as built). Each group's state comes
 * from `origin(group)` (its current place) or, when that is undefined, it starts fresh.
 */
export function setGroups(ctx: LayoutContext, host: HostRuntime, groups: GroupRuntime[], origin: (g: GroupRuntime) => Origin | undefined): void {
  if (host.vservers) throw new Error(`host ${host.spec.name} runs VServer guests; its groups are fixed`);
  const origins = groups.map((g) => origin(g) ?? null);
  const configs = cpuConfigs(groups, host.spec);
  const sources: (GroupSource | null)[] = origins.map((o) => (o ? { cpu: o.host.cpu, g: o.index } : null));
  const containers = containerGroupConfig(ctx.profile, host.spec);
  const oldContainer = host.containerGroup;
  if (containers) {
    configs.push(containers);
    sources.push(oldContainer >= 0 ? { cpu: host.cpu, g: oldContainer } : null);
  }
  const cpu = relayout(host.cpu, configs, sources);
  host.base = remapBase(host.base, cpu.nv, origins, cpu.gStart, cpu.gCount, oldContainer >= 0 && containers
    ? { from: host.cpu.gStart[oldContainer], to: cpu.gStart[configs.length - 1], n: cpu.gCount[configs.length - 1] } : null);
  const partition = host.io.partition >= 0 ? groups.indexOf(host.groups[host.io.partition]) : -1;
  const io = new HostIo(host.spec, groups, ctx.specs, cpu, partition);
  io.adopt(host.io, origins.map((o) => (o ? { io: o.host.io, g: o.index } : null)));
  host.memory.setVms(groups.flatMap((g) => (g.memory ? [g.memory] : [])));
  host.groups = groups;
  host.cpu = cpu;
  host.io = io;
  host.containerGroup = containers ? configs.length - 1 : -1;
  ctx.reindex(host);
}

type Counters = NonNullable<CounterBase['counters']>;

/** The sample base in the new layout: each group's slice from the base of the host it was on. */
function remapBase(
  base: CounterBase, nv: number, origins: readonly (Origin | null)[], gStart: Int32Array, gCount: Int32Array,
  keep: { from: number; to: number; n: number } | null,
): CounterBase {
  // All hosts are sampled together: either none has a base yet, or all have.
  if (!base.counters) return base;
  const old = base.counters;
  const counters = { pcpuBusy: old.pcpuBusy, sysG: new Float64Array(origins.length + (keep ? 1 : 0)) } as Counters;
  for (const k of Object.keys(old) as (keyof Counters)[]) {
    if (k === 'pcpuBusy' || k === 'sysG') continue;
    const arr = new Float64Array(nv);
    origins.forEach((o, i) => {
      const src = o?.host.base.counters?.[k];
      if (!o || !src) return;
      const s0 = o.host.cpu.gStart[o.index];
      arr.set(src.subarray(s0, s0 + gCount[i]), gStart[i]);
    });
    if (keep) arr.set(old[k].subarray(keep.from, keep.from + keep.n), keep.to);
    counters[k] = arr;
  }
  origins.forEach((o, i) => { counters.sysG[i] = o?.host.base.counters?.sysG[o.index] ?? 0; });
  if (keep) counters.sysG[origins.length] = old.sysG[old.sysG.length - 1];
  const swap = origins.map((o) => (o ? o.host.base.swap?.[o.index] : undefined) ?? { swappedIn: 0, swappedOut: 0 });
  return { ms: base.ms, counters, swap, gangIdleMs: base.gangIdleMs };
}
