// A host's set of groups changes when VMs migrate, restart elsewhere, power on or are deployed.
// The scheduler's arrays are sized at construction, so the host gets a new HostCpu whose groups
// each bring their state along — from the host's old scheduler, or from the one they left — so
// that counters (and the rates sampled from them) carry on without a jump.

import { GROUP_ARRAYS, VCPU_ARRAYS, type CpuGroupConfig } from './cpu-state.js';
import { HostCpu } from './host-cpu.js';

/** Where a group of the new layout comes from: a scheduler and its index there; null = new. */
export interface GroupSource {
  cpu: HostCpu;
  g: number;
}

type Arrays = Record<string, Float64Array | Uint8Array>;

/** Copy group `from.g`'s per-vCPU and per-group state into group `g` of `to`. */
export function copyGroup(from: GroupSource, to: HostCpu, g: number): void {
  const src = from.cpu as unknown as Arrays;
  const dst = to as unknown as Arrays;
  const s0 = from.cpu.gStart[from.g];
  const n = Math.min(from.cpu.gCount[from.g], to.gCount[g]);
  const d0 = to.gStart[g];
  for (const k of VCPU_ARRAYS) dst[k].set(src[k].subarray(s0, s0 + n), d0);
  for (const k of GROUP_ARRAYS) dst[k][g] = src[k][from.g];
  if (to.sysDemand[g] > 0) to.sysOn = true;
}

/**
 * A new scheduler for `old`'s host with groups `configs`, group i's state taken from
 * `sources[i]`; the host's own state (pCPU busy time, load averages, quantum count) from `old`.
 */
export function relayout(old: HostCpu, configs: readonly CpuGroupConfig[], sources: readonly (GroupSource | null)[]): HostCpu {
  const cpu = new HostCpu(old.pcpus, old.mhz, old.quantumMs, old.strict, configs, old.skewThresholdMs);
  cpu.pcpuBusy.set(old.pcpuBusy);
  cpu.loadAvg.set(old.loadAvg);
  cpu.gangIdleMs = old.gangIdleMs;
  cpu.quanta = old.quanta;
  sources.forEach((s, g) => { if (s) copyGroup(s, cpu, g); });
  return cpu;
}
