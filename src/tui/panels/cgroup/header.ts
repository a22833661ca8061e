// The containers panel's header: the cgroups on the host's kernel and its VMs', and what the
// interval held back (frozen, throttled, restarting, OOM kills); CPU and memory per kernel.

import type { HostSample, Snapshot } from '../../../engine/snapshot.js';
import { memoryLevel } from '../../../fields/cgroup.js';
import type { Segment } from '../../columns.js';
import { blank, coloured, count, line, plural } from '../header-line.js';

export function cgroupLines(snap: Snapshot, host: HostSample, width: number): Segment[][] {
  const cts = snap.containers.filter((c) => c.host === host.name);
  if (cts.length === 0) return [line([[`CGROUPS: no containers on ${host.name}`]], width), blank(width)];
  const services = snap.services.filter((s) => s.host === host.name).length;
  const inVms = cts.filter((c) => c.vm !== null).length;
  const frozen = count(cts.filter((c) => c.frozen).length);
  const throttled = count(cts.filter((c) => c['throttled%'] > 0).length);
  const restarting = count(cts.filter((c) => c.state === 'restarting').length, 'alarm');
  const ooms = count(cts.reduce((n, c) => n + c.oom_kill, 0), 'alarm');
  const counts = line([
    [`CGROUPS: ${plural(cts.length, 'container')}, ${plural(services, 'service')}, ${inVms} in VMs; `, frozen, ' frozen, ', throttled,
      ' throttled by cpu.max, ', restarting, ' restarting, ', ooms, ' OOM kills'],
    [`CGROUPS: ${plural(cts.length, 'container')}; `, frozen, ' frozen, ', throttled, ' throttled, ', restarting, ' restarting, ',
      ooms, ' OOM kills'],
    [`CGROUPS: ${cts.length}; `, frozen, ' frozen, ', throttled, ' throttled, ', restarting, ' restarting, ', ooms, ' OOM'],
  ], width);
  const kernels = [...new Set(cts.map((c) => c.vm))].map((vm) => {
    const cpus = vm === null ? host.pcpus : snap.vms.find((v) => v.name === vm)?.vcpus ?? 0;
    const used = cts.filter((c) => c.vm === vm).reduce((n, c) => n + c['cpu.usage%'], 0);
    return `${used.toFixed(1)} of ${cpus * 100} (${vm ?? host.name})`;
  });
  const mem = Math.round(cts.reduce((n, c) => n + c['memory.current'], 0));
  const near = cts.filter((c) => memoryLevel(c) !== 'ok').map((c) => c.name);
  const nearSeg = near.length ? coloured(near.join(', '), 'warn') : 'none';
  const usage = line([
    [`CPU%: ${kernels.join(', ')}   MEM/MiB: ${mem} charged, near memory.max: `, nearSeg],
    [`CPU%: ${kernels.join(', ')}  MEM: ${mem} MiB, near max: `, nearSeg],
    [`MEM: ${mem} MiB, near memory.max: `, nearSeg],
  ], width);
  return [counts, usage];
}
