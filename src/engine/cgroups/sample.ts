// The cgroup model's state as samples: counters as the kernel keeps them, rates over the interval
// since the previous sample.

import type { Container, SampleBase } from './container.js';
import { diskUse } from './images.js';
import type { Kernel } from './kernel.js';
import { Service } from './service.js';
import type { CgroupSystem } from './system.js';
import type { ContainerSample, ServiceSample } from './types.js';

/** Rates since the previous sample; moves the base forward. */
function rates(node: { usageMs: number; bw: { nrPeriods: number; nrThrottled: number }; base: SampleBase }, intervalMs: number) {
  const b = node.base;
  const periods = node.bw.nrPeriods - b.nrPeriods;
  const out = {
    usage: intervalMs > 0 ? ((node.usageMs - b.usageMs) * 100) / intervalMs : 0,
    throttled: periods > 0 ? ((node.bw.nrThrottled - b.nrThrottled) * 100) / periods : 0,
  };
  node.base = { usageMs: node.usageMs, nrPeriods: node.bw.nrPeriods, nrThrottled: node.bw.nrThrottled };
  return out;
}

function pct(fraction: number | null): number | null {
  return fraction === null ? null : fraction * 100;
}

/** Containers per image on each kernel: they share its read-only layers. */
function sharers(sys: CgroupSystem): Map<Kernel, Map<string, number>> {
  const out = new Map<Kernel, Map<string, number>>();
  for (const c of sys.containers.values()) {
    const k = sys.where.get(c)!;
    const m = out.get(k) ?? new Map<string, number>();
    m.set(c.spec.image, (m.get(c.spec.image) ?? 0) + 1);
    out.set(k, m);
  }
  return out;
}

function containerSample(sys: CgroupSystem, c: Container, intervalMs: number, shared: Map<Kernel, Map<string, number>>): ContainerSample {
  const k = sys.where.get(c)!;
  const s = c.spec;
  const r = rates(c, intervalMs);
  const disk = diskUse(c.upper, s.imageMiB, shared.get(k)?.get(s.image) ?? 1);
  return {
    name: c.name, host: k.host.spec.name, vm: k.vm?.name ?? null, image: s.image,
    // cgroup.events frozen: also while a checkpoint holds it
    frozen: c.state === 'frozen' || c.state === 'checkpointing',
    'cpu.usage%': r.usage, 'cpu.weight': s.cpuWeight, 'cpu.max%': pct(s.cpuMax),
    nr_throttled: c.bw.nrThrottled, throttled_usec: Math.round(c.bw.throttledMs * 1000),
    'memory.current': c.anon, 'memory.max': s.memoryMaxMiB, 'memory.high': s.memoryHighMiB,
    oom_kill: c.events.oomKill, 'pids.current': c.tasks,
    service: c.parent?.name ?? null, state: c.state, restarts: c.restarts,
    usage_usec: Math.round(c.usageMs * 1000), nr_periods: c.bw.nrPeriods, 'throttled%': r.throttled,
    'memory.peak': c.peak, 'memory.events.high': c.events.high, 'memory.events.max': c.events.max,
    'memory.events.oom': c.events.oom, 'pids.max': s.pidsMax, 'pids.events.max': c.forkFails, 'io.weight': s.ioWeight,
    'cpu.pressure.avg10': c.cpuPsi.avg10, 'cpu.pressure.avg60': c.cpuPsi.avg60,
    'memory.pressure.avg10': c.memPsi.avg10, 'memory.pressure.avg60': c.memPsi.avg60,
    'cpu.pressure.full.avg10': c.cpuFullPsi.avg10, 'memory.pressure.full.avg10': c.memFullPsi.avg10,
    frozen_usec: Math.round(c.frozenMs * 1000),
    'disk.upper': disk.upper, 'disk.real': disk.real, 'disk.full': disk.full, 'checkpoint.image': c.image,
  };
}

function serviceSample(sys: CgroupSystem, svc: Service, intervalMs: number, replicas: ContainerSample[]): ServiceSample {
  const k = sys.where.get(svc)!;
  const s = svc.spec;
  const r = rates(svc, intervalMs);
  const sum = (key: 'memory.current' | 'pids.current' | 'oom_kill' | 'restarts' | 'disk.real' | 'disk.full') =>
    replicas.reduce((a, x) => a + x[key], 0);
  return {
    name: svc.name, host: k.host.spec.name, vm: k.vm?.name ?? null, image: svc.template.image,
    replicas: svc.replicas.length, 'cpu.usage%': r.usage, 'cpu.weight': s.cpuWeight, 'cpu.max%': pct(s.cpuMax),
    nr_throttled: svc.bw.nrThrottled, throttled_usec: Math.round(svc.bw.throttledMs * 1000), 'throttled%': r.throttled,
    'memory.current': sum('memory.current'), 'memory.max': s.memoryMaxMiB, 'memory.high': s.memoryHighMiB,
    // memory.events are hierarchical: the parent counts its children's kills with its own
    oom_kill: sum('oom_kill'), restarts: sum('restarts'), 'pids.current': sum('pids.current'),
    'cpu.pressure.avg10': svc.cpuPsi.avg10, 'memory.pressure.avg10': svc.memPsi.avg10,
    'disk.real': sum('disk.real'), 'disk.full': sum('disk.full'),
  };
}

export function sampleCgroups(sys: CgroupSystem, intervalMs: number): { containers: ContainerSample[]; services: ServiceSample[] } {
  const shared = sharers(sys);
  const containers: ContainerSample[] = [];
  const services: ServiceSample[] = [];
  for (const n of sys.order) {
    if (n instanceof Service) {
      const replicas = n.replicas.map((c) => containerSample(sys, c, intervalMs, shared));
      containers.push(...replicas);
      services.push(serviceSample(sys, n, intervalMs, replicas));
    } else if (sys.containers.has(n.name)) {
      containers.push(containerSample(sys, n, intervalMs, shared));
    }
  }
  return { containers, services };
}
