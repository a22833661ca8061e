// The containers panel's rows (`g`): the cgroup tree of one host. Each kernel the containers run
// on is a row (the host's own kernel first, then each VM's, as systemd-cgtop shows a root), under
// it its services and lone containers, and under an expanded service (`e`) its replicas. Values
// are the engine's: a service row is its parent cgroup (usage of its replicas, its own limits and
// throttling), a kernel row the sum of what runs on it.

import type { ContainerSample, ContainerState, ServiceSample, Snapshot } from '../../../engine/snapshot.js';
import type { Level } from '../../../fields/cpu.js';
import { orderIn, type PanelRow, type PanelSorts, type SortKey } from '../rows.js';

export const CGROUP_SORTS: PanelSorts = { default: '%USED', accepts: ['%USED', 'MEMSZ', 'NAME'] };

/** The numbers a row can show; null = blank (a kernel has no limits) or `max` (see `limits`). */
export interface CgroupNumbers {
  'cpu.usage%': number;
  'throttled%': number | null;
  'cpu.weight': number | null;
  'cpu.max%': number | null;
  nr_throttled: number | null;
  throttled_usec: number | null;
  'memory.current': number;
  'memory.max': number | null;
  'memory.high': number | null;
  oom_kill: number;
  restarts: number;
  'pids.current': number;
  'cpu.pressure.avg10': number | null;
  'memory.pressure.avg10': number | null;
}

export interface CgroupRow extends PanelRow {
  kind: 'host' | 'vm' | 'service' | 'container';
  /** 0 a kernel, 1 a service or lone container, 2 a replica */
  depth: number;
  /** a service: shown with its replicas */
  open: boolean;
  /** a service: how many replicas it has */
  replicas: number;
  /** a kernel: its CPUs (host pCPUs or VM vCPUs) */
  cpus: number;
  state: { word: string; level: Level } | null;
  /** null limits read `max` (a cgroup without that limit); false on kernel rows */
  limits: boolean;
  values: CgroupNumbers;
}

const STATE_WORDS: Record<ContainerState, { word: string; level: Level }> = {
  running: { word: 'running', level: 'ok' },
  frozen: { word: 'FROZEN', level: 'warn' },
  restarting: { word: 'restart', level: 'alarm' },
  checkpointing: { word: 'dumping', level: 'warn' },
  checkpointed: { word: 'dumped', level: 'warn' },
  restoring: { word: 'restore', level: 'warn' },
};

export function stateWord(state: ContainerState): { word: string; level: Level } {
  return STATE_WORDS[state];
}

/** A service's state: `running` when every replica runs, else the count of the first other state. */
function serviceState(replicas: readonly ContainerSample[]): { word: string; level: Level } {
  const other = replicas.find((c) => c.state !== 'running');
  if (!other) return STATE_WORDS.running;
  const n = replicas.filter((c) => c.state === other.state).length;
  const s = STATE_WORDS[other.state];
  return { word: `${n} ${s.word.toLowerCase()}`, level: s.level };
}

/** A container's or a service's own cgroup files (a service is its replicas' parent cgroup). */
function cgroupValues(c: ContainerSample | ServiceSample): CgroupNumbers {
  return {
    'cpu.usage%': c['cpu.usage%'], 'throttled%': c['throttled%'], 'cpu.weight': c['cpu.weight'], 'cpu.max%': c['cpu.max%'],
    nr_throttled: c.nr_throttled, throttled_usec: c.throttled_usec, 'memory.current': c['memory.current'],
    'memory.max': c['memory.max'], 'memory.high': c['memory.high'], oom_kill: c.oom_kill, restarts: c.restarts,
    'pids.current': c['pids.current'], 'cpu.pressure.avg10': c['cpu.pressure.avg10'],
    'memory.pressure.avg10': c['memory.pressure.avg10'],
  };
}

type Node = { name: string; values: CgroupNumbers };

function order(sort: SortKey): (a: Node, b: Node) => number {
  const byName = (a: Node, b: Node) => a.name.localeCompare(b.name);
  if (sort === 'NAME') return byName;
  const key = sort === 'MEMSZ' ? 'memory.current' : 'cpu.usage%';
  return (a, b) => b.values[key] - a.values[key] || byName(a, b);
}

const base = { vcpus: 1, open: false, replicas: 0, cpus: 0, limits: true } as const;

/** The cgroup tree of one host, kernels in a fixed order, siblings in the panel's sort. */
export function cgroupRows(snap: Snapshot, host: string | undefined, sort: SortKey, openServices: readonly string[]): CgroupRow[] {
  const by = order(orderIn(CGROUP_SORTS, sort));
  const containers = snap.containers.filter((c) => c.host === host);
  const services = snap.services.filter((s) => s.host === host);
  const hostSample = snap.hosts.find((h) => h.name === host);
  const kernels = [...new Set(containers.map((c) => c.vm))]
    .sort((a, b) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)));
  const rows: CgroupRow[] = [];
  for (const vmName of kernels) {
    const mine = containers.filter((c) => c.vm === vmName);
    const vm = vmName === null ? undefined : snap.vms.find((v) => v.name === vmName);
    const gid = vm?.gid ?? 0;
    const sum = (key: 'cpu.usage%' | 'memory.current' | 'oom_kill' | 'restarts' | 'pids.current') =>
      mine.reduce((n, c) => n + c[key], 0);
    rows.push({
      ...base, key: vm ? `vm:${gid}` : `host:${host}`, kind: vm ? 'vm' : 'host', id: gid,
      name: vmName ?? host ?? '', gid, depth: 0, cpus: vm ? vm.vcpus : hostSample?.pcpus ?? 0, state: null, limits: false,
      values: {
        'cpu.usage%': sum('cpu.usage%'), 'throttled%': null, 'cpu.weight': null, 'cpu.max%': null, nr_throttled: null,
        throttled_usec: null, 'memory.current': sum('memory.current'), 'memory.max': null, 'memory.high': null,
        oom_kill: sum('oom_kill'), restarts: sum('restarts'), 'pids.current': sum('pids.current'),
        'cpu.pressure.avg10': null, 'memory.pressure.avg10': null,
      },
    });
    const mySvcs = services.filter((s) => s.vm === vmName);
    const top: (Node & { svc?: ServiceSample; ct?: ContainerSample })[] = [
      ...mySvcs.map((svc) => ({ name: svc.name, values: cgroupValues(svc), svc })),
      ...mine.filter((c) => c.service === null).map((ct) => ({ name: ct.name, values: cgroupValues(ct), ct })),
    ].sort(by);
    for (const node of top) {
      if (node.ct) {
        rows.push({ ...base, key: `ct:${node.name}`, kind: 'container', id: 0, name: node.name, gid, depth: 1,
          state: stateWord(node.ct.state), values: node.values });
        continue;
      }
      const replicas = mine.filter((c) => c.service === node.name);
      const open = openServices.includes(node.name);
      rows.push({ ...base, key: `svc:${node.name}`, kind: 'service', id: 0, name: node.name, gid, depth: 1, open,
        replicas: node.svc?.replicas ?? replicas.length, state: serviceState(replicas), values: node.values });
      if (!open) continue;
      const children = replicas.map((ct) => ({ name: ct.name, values: cgroupValues(ct), ct })).sort(by);
      for (const child of children) {
        rows.push({ ...base, key: `ct:${child.name}`, kind: 'container', id: 0, name: child.name, gid, depth: 2,
          parent: `svc:${node.name}`, state: stateWord(child.ct.state), values: child.values });
      }
    }
  }
  return rows;
}

/** Hosts that run containers (on their kernel or in their VMs), in the snapshot's host order. */
export function hostsWithContainers(snap: Snapshot): string[] {
  const used = new Set(snap.containers.map((c) => c.host));
  return snap.hosts.map((h) => h.name).filter((h) => used.has(h));
}
