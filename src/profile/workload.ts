// The `workload:` of a VM: what the guest asks of the host.
import { PATTERNS, WORKLOAD_TYPES, type WorkloadSpec } from './types.js';
import { num } from './errors.js';
import { atMost, integer, oneOf, positive, unit } from './values.js';
import { MapReader } from './reader.js';
import { parseBitRate, parseByteRate, parseDuration, parseFraction, parseSize } from './units.js';
import { GUEST_HOUSEKEEPING, IDLE_DEMAND } from './housekeeping.js';

export const WORKLOAD_KEYS = ['type', 'cpu', 'threads', 'pattern', 'period', 'active', 'dirty', 'net', 'net_rx', 'iops', 'heap', 'jit_warmup', 'compressible', 'housekeeping'] as const;

export const DEFAULT_PERIOD_MS = 60_000;
/** A JVM's JIT warm-up time constant when the profile does not say [assumption]: docs/model/jvm.md. */
export const DEFAULT_JIT_WARMUP_MS = 60_000;
/** Share of a VM's memory its guest touches when the profile does not say. */
export const DEFAULT_ACTIVE_FRACTION = 0.25;

export const CPU_FRACTION = unit(parseFraction, atMost(1, 'expected a percentage 0%..100% (of one pCPU per busy vCPU)'));
export const THREADS = integer(0, 128);
const PERIOD = unit(parseDuration, positive('expected a duration above 0 like 60s'));
const ACTIVE = unit(parseSize);
const DIRTY = unit(parseByteRate);
const NET = unit(parseBitRate);
const IOPS = integer(0, 100_000_000);
// at most what the scheduler still takes for an idle vCPU (docs/model/cpu.md, "Housekeeping")
const HOUSEKEEPING = unit(parseFraction, atMost(IDLE_DEMAND, `expected a percentage 0%..${IDLE_DEMAND * 100}% (of one pCPU per vCPU, the guest kernel's idle load)`));
const WARMUP = unit(parseDuration, atMost(3_600_000, 'expected a duration 0s..1h like 60s'));
const COMPRESSIBLE = unit(parseFraction, atMost(1, 'expected a percentage 0%..100% (of the pages that compress to 2 KB or less)'));

/** The defaults: a guest that is up but asks for no CPU, disk or network. */
export function idleWorkload(vcpus: number, memoryMiB: number): WorkloadSpec {
  return {
    type: 'generic', heapMiB: 0, jitWarmupMs: 0, cpu: 0, threads: vcpus, pattern: 'steady', periodMs: DEFAULT_PERIOD_MS,
    activeMiB: memoryMiB * DEFAULT_ACTIVE_FRACTION, dirtyMiBs: 0, netMbit: 0, iops: 0, housekeeping: GUEST_HOUSEKEEPING,
  };
}

/** `vcpus`/`memoryMiB` are undefined when the VM's own values were invalid: skip checks against them. */
export function readWorkload(vm: MapReader, vcpus: number | undefined, memoryMiB: number | undefined): WorkloadSpec {
  const base = idleWorkload(vcpus ?? 1, memoryMiB ?? 1024);
  if (!vm.has('workload')) return base;
  const what = 'a mapping like { cpu: 60%, threads: 2 }';
  const m = MapReader.open(vm.ctx, vm.node('workload'), vm.pos('workload'), vm.sub('workload'), WORKLOAD_KEYS, what);
  if (!m) return base;
  const threads = m.get('threads', THREADS);
  if (threads !== undefined && vcpus !== undefined && threads > vcpus) {
    m.fail('threads', `threads (${threads}) must be <= vcpus (${vcpus})`);
  }
  const active = m.get('active', ACTIVE);
  if (active !== undefined && memoryMiB !== undefined && active > memoryMiB) {
    m.fail('active', `active (${num(active)} MiB) must be <= memory (${num(memoryMiB)} MiB)`);
  }
  const type = m.get('type', oneOf(WORKLOAD_TYPES)) ?? base.type;
  const heap = m.get('heap', ACTIVE);
  if (heap !== undefined && type !== 'jvm') m.fail('heap', 'heap is only for a workload of type: jvm');
  if (type === 'jvm' && heap === undefined && !m.has('heap')) m.fail('type', 'a jvm workload needs its heap size, like heap: 2GiB', m.keyPos('type'));
  const warmup = m.get('jit_warmup', WARMUP);
  if (warmup !== undefined && type !== 'jvm') m.fail('jit_warmup', 'jit_warmup is only for a workload of type: jvm (the JVM compiles its bytecode)');
  if (heap !== undefined && memoryMiB !== undefined && heap + (active ?? 0) > memoryMiB) {
    m.fail('heap', `heap (${num(heap)} MiB) plus active (${num(active ?? 0)} MiB) must fit in memory (${num(memoryMiB)} MiB)`);
  }
  const net = m.get('net', NET) ?? base.netMbit;
  // perf: one shape: the engine's systemWorkload (src/engine/cpu/workload.ts) builds these keys
  // in this order; a new key goes in the same place in both
  return {
    type,
    heapMiB: heap ?? 0,
    jitWarmupMs: type === 'jvm' ? warmup ?? DEFAULT_JIT_WARMUP_MS : 0,
    cpu: m.get('cpu', CPU_FRACTION) ?? base.cpu,
    threads: threads ?? base.threads,
    pattern: m.get('pattern', oneOf(PATTERNS)) ?? base.pattern,
    periodMs: m.get('period', PERIOD) ?? base.periodMs,
    activeMiB: active ?? base.activeMiB,
    dirtyMiBs: m.get('dirty', DIRTY) ?? base.dirtyMiBs,
    netMbit: net,
    netRxMbit: m.get('net_rx', NET) ?? net,
    iops: m.get('iops', IOPS) ?? base.iops,
    housekeeping: m.get('housekeeping', HOUSEKEEPING) ?? base.housekeeping,
    ...(m.has('compressible') ? { compressible: m.get('compressible', COMPRESSIBLE) } : {}),
  };
}
