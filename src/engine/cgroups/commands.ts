// Commands on containers and services: freeze, thaw, checkpoint, restore, scale, load. Each is
// carried out whole or refused with a reason; nothing is left half-done.

import { unhandled, type CommandFor, type CommandOf } from '../../profile/commands.js';
import { Container } from './container.js';
import { describeLoadCpu } from '../cpu/load-amount.js';
import { Service } from './service.js';
import type { CgroupSystem } from './system.js';

const MAX_REPLICAS = 1000;

/** Whether `target` is a container or service of this model (a `load` on it is this model's). */
export function runs(sys: CgroupSystem, target: string): boolean {
  return sys.containers.has(target) || sys.services.has(target);
}

export function apply(sys: CgroupSystem, tMs: number, c: CommandFor<'cgroups'>): void {
  const refuse = (why: string) => sys.emit(tMs, 'refused', c.target, `${c.action}: ${why}`);
  if (c.action === 'scale') return scale(sys, tMs, c.target, c.replicas, refuse);
  const ct = sys.containers.get(c.target);
  if (!ct) {
    const svc = sys.services.get(c.target);
    return refuse(svc ? `"${c.target}" is a service; ${c.action} acts on one of its replicas (${svc.replicas.map((r) => r.name).join(', ') || 'none'})` : `no container named "${c.target}"`);
  }
  switch (c.action) {
    case 'freeze':
      if (ct.state !== 'running') return refuse(ct.state === 'frozen' ? 'it is already frozen' : `it is ${ct.state}, not running`);
      ct.state = 'frozen';
      return sys.emit(tMs, 'frozen', ct.name, `cgroup.freeze 1: ${ct.tasks} task${ct.tasks === 1 ? '' : 's'} stopped, ${Math.round(ct.anon)} MiB kept`);
    case 'thaw':
      if (ct.state !== 'frozen') return refuse(`it is not frozen (it is ${ct.state})`);
      ct.state = 'running';
      return sys.emit(tMs, 'thawed', ct.name, 'cgroup.freeze 0: its tasks run again');
    case 'checkpoint':
      return checkpoint(sys, tMs, ct, refuse);
    case 'restore':
      return restore(sys, tMs, ct, c.to, refuse);
    default:
      return unhandled(c);
  }
}

/** CRIU dump: the container is frozen while its memory goes to disk, then stopped. */
function checkpoint(sys: CgroupSystem, tMs: number, c: Container, refuse: (why: string) => void): void {
  if (c.state === 'frozen') return refuse('it is frozen; thaw it first (the checkpoint freezes it itself)');
  if (c.state !== 'running') return refuse(`it is ${c.state}, not running`);
  const k = sys.where.get(c)!;
  const s = c.anon / k.host.spec.disk.bandwidthMiBs;
  c.image = c.anon;
  c.state = 'checkpointing';
  c.untilMs = tMs + Math.max(sys.quantumMs, Math.ceil(s * 1000));
  sys.emit(tMs, 'checkpoint', c.name, `frozen; writing its ${Math.round(c.anon)} MiB memory image (~${secs(s)}s)`);
}

/** Read the image back, on its kernel or another one (copied over the network first). */
function restore(sys: CgroupSystem, tMs: number, c: Container, to: string | undefined, refuse: (why: string) => void): void {
  if (c.state !== 'checkpointed') return refuse(`it has no checkpoint to restore (it is ${c.state})`);
  const from = sys.where.get(c)!;
  const k = sys.kernel(to ?? from.name);
  if (!k) return refuse(sys.noKernel(to ?? from.name));
  if (k !== from && c.parent) return refuse(`a replica stays in its service on ${from.name}; scale the service instead`);
  const mib = c.image ?? 0;
  const copy = k.host === from.host ? 0 : (mib * 8) / Math.min(k.host.spec.nicMbit, from.host.spec.nicMbit);
  const read = mib / k.host.spec.disk.bandwidthMiBs;
  if (k !== from) {
    from.nodes.splice(from.nodes.indexOf(c), 1);
    sys.place(c, k);
  }
  c.state = 'restoring';
  c.untilMs = tMs + Math.max(sys.quantumMs, Math.ceil((copy + read) * 1000));
  const where = k === from ? '' : ` on ${k.name}`;
  const copied = copy > 0 ? `copy ${secs(copy)}s, ` : '';
  sys.emit(tMs, 'restore', c.name, `restoring${where}: ${Math.round(mib)} MiB image (${copied}read ${secs(read)}s)`);
}

/** More replicas share the service's load (each gets less), fewer share it (each gets more). */
function scale(sys: CgroupSystem, tMs: number, name: string, n: number, refuse: (why: string) => void): void {
  const svc = sys.services.get(name);
  if (!svc) return refuse(sys.containers.has(name) ? `"${name}" is a container; scale acts on a service` : `no service named "${name}"`);
  if (!Number.isInteger(n) || n < 0 || n > MAX_REPLICAS) return refuse(`replicas must be a whole number 0..${MAX_REPLICAS}`);
  const cur = svc.replicas.length;
  if (n === cur) return refuse(`it already has ${n} replica${n === 1 ? '' : 's'}`);
  const k = sys.where.get(svc)!;
  const names = Array.from({ length: Math.max(0, n - cur) }, (_, i) => `${name}-${cur + i + 1}`);
  const taken = names.find((x) => sys.containers.has(x) || sys.services.has(x) ||
    sys.hosts.some((h) => h.spec.name === x || h.groups.some((g) => g.name === x)));
  if (taken) return refuse(`the name "${taken}" is taken`);
  const before = perReplica(svc);
  for (const x of names) {
    const r = new Container(x, { ...svc.template, name: x }, svc, sys.rng, tMs);
    svc.replicas.push(r);
    sys.containers.set(x, r);
    sys.where.set(r, k);
  }
  for (const r of svc.replicas.splice(n)) {
    sys.containers.delete(r.name);
    sys.where.delete(r);
  }
  sys.emit(tMs, 'scale', name, `replicas ${cur} -> ${n}: load per replica ${before} -> ${perReplica(svc)} of one CPU`);
}

function perReplica(svc: Service): string {
  const w = svc.template.workload;
  const n = svc.replicas.length;
  return n === 0 ? '-' : `${Math.round((w.cpu * w.threads * svc.n0 * 100) / n)}%`;
}

/** `load` on a container adds to its busy threads; on a service, its replicas share it. */
export function load(sys: CgroupSystem, tMs: number, c: CommandOf<'load'>): void {
  const node: Container | Service | undefined = sys.containers.get(c.target) ?? sys.services.get(c.target);
  if (!node) return;
  const spec = node instanceof Service ? node.template : node.spec;
  const threads = c.threads ?? Math.max(1, spec.workload.threads);
  const activeMiB = c.activeMiB ?? 0;
  node.workload.addLoad(c.cpu, threads, activeMiB, tMs + c.forMs);
  const what = [
    c.cpu > 0 ? describeLoadCpu(c.cpu, threads, 'thread') : '',
    activeMiB > 0 ? `+${Math.round(activeMiB)} MiB working set` : '',
  ].filter(Boolean).join(', ');
  const shared = node instanceof Service ? ', shared by its replicas' : '';
  sys.emit(tMs, 'load', c.target, `${what || 'no extra load'}${shared} for ${c.forMs / 1000}s`);
}

function secs(s: number): string {
  return s < 10 ? s.toFixed(2) : s.toFixed(0);
}
