// What a panel row stands for in the snapshot (a VM, a container, a service, a VServer guest or
// a host), and all of its metrics as labelled values with units, from the field tables.

import type { ApplianceSample, ContainerSample, HostSample, JvmSample, ServiceSample, Snapshot, VmSample, VServerSample } from '../engine/snapshot.js';
import { CGROUP_EXTRA_FIELDS, CGROUP_FIELDS } from '../fields/cgroup.js';
import { CPU_FIELDS, levelOf, type FieldDef, type Level } from '../fields/cpu.js';
import { cpuAlloc } from '../fields/cpu-alloc.js';
import { DISK_EXTRA_FIELDS, DISK_FIELDS } from '../fields/disk.js';
import { MEM_FIELDS } from '../fields/memory.js';
import { NET_EXTRA_FIELDS, NET_FIELDS } from '../fields/network.js';
import { VSERVER_EXTRA_FIELDS, VSERVER_FIELDS } from '../fields/vserver.js';
import { historyKey } from './history.js';
import { traits, type Hypervisor } from '../profile/hypervisors.js';

export type Entity =
  | { kind: 'vm'; name: string; history: string; vm: VmSample; hypervisor?: Hypervisor }
  | { kind: 'container'; name: string; history: string; ct: ContainerSample }
  | { kind: 'service'; name: string; history: string; svc: ServiceSample }
  | { kind: 'vserver'; name: string; history: string; vs: VServerSample }
  | { kind: 'host'; name: string; history: string; host: HostSample; console?: VmSample };

/** The little a row needs to say what it is: its key, name and, for VM rows, the group id. */
export interface RowRef {
  key: string;
  name: string;
  kind?: string;
  gid?: number;
}

const vmEntity = (vm: VmSample, snap: Snapshot): Entity => ({
  kind: 'vm', name: vm.name, history: historyKey.vm(vm.gid), vm, hypervisor: snap.hosts.find((h) => h.name === vm.host)?.hypervisor,
});

/**
 * How a Linux guest sees the time its vCPUs were ready but not run: as steal time where the
 * hypervisor reports it to the guest (KVM, Xen, ESXi's vmware_steal_clock), not at all elsewhere.
 */
export function readySeenAs(hypervisor: Hypervisor | undefined): string {
  if (hypervisor === undefined || !traits(hypervisor).runsVms) return '-';
  return traits(hypervisor).stealTime ? 'steal time (st in top)' : 'not reported to the guest';
}

/** Who co-schedules a VM's vCPUs: only ESXi does; elsewhere each vCPU is scheduled on its own. */
function coscheduling(hypervisor: Hypervisor | undefined): string {
  return hypervisor !== undefined && traits(hypervisor).coschedules ? 'co-scheduled (%CSTP)' : 'each vCPU on its own (no %CSTP)';
}
const ctEntity = (ct: ContainerSample): Entity => ({ kind: 'container', name: ct.name, history: historyKey.container(ct.name), ct });

/** The entity of a row: a vCPU row stands for its VM; other rows are found by kind, then by name. */
export function entityOf(row: RowRef, snap: Snapshot): Entity | undefined {
  const kind = row.kind ?? '';
  if (row.key.startsWith('vm:') || row.key.startsWith('vcpu:') || kind === 'vm' || kind === 'vcpu') {
    const gid = row.gid ?? Number(row.key.slice(row.key.indexOf(':') + 1));
    const vm = snap.vms.find((v) => v.gid === gid);
    if (vm) return vmEntity(vm, snap);
  }
  const containers = snap.containers ?? [];
  const services = snap.services ?? [];
  const vservers = snap.vservers ?? [];
  const ct = containers.find((c) => c.name === row.name);
  const svc = services.find((c) => c.name === row.name);
  const vs = vservers.find((v) => v.name === row.name);
  const host = snap.hosts.find((h) => h.name === row.name);
  const vm = snap.vms.find((v) => v.name === row.name);
  const byKind: Record<string, Entity | undefined> = {
    container: ct && ctEntity(ct),
    service: svc && { kind: 'service', name: svc.name, history: historyKey.service(svc.name), svc },
    vserver: vs && { kind: 'vserver', name: vs.name, history: historyKey.vserver(vs.host, vs.name), vs },
    host: host && {
      kind: 'host', name: host.name, history: historyKey.host(host.name), host,
      console: snap.vms.find((v) => v.host === host.name && v.kind === 'system' && v.name === 'console'),
    },
  };
  return byKind[kind] ?? byKind.container ?? byKind.service ?? byKind.vserver ?? (vm && vmEntity(vm, snap)) ?? byKind.host;
}

export const ENTITY_WORDS: Record<Entity['kind'], string> = {
  vm: 'VM', container: 'container', service: 'service', vserver: 'VServer guest', host: 'host',
};

/** One metric line of the details pane. */
export interface Metric {
  key: string;
  value: string;
  unit: string;
  level?: Level;
}

export interface MetricSection {
  title: string;
  metrics: Metric[];
}

/** esxtop's two decimals for rates, percentages and latencies; whole numbers for sizes and counts. */
const DECIMAL_UNITS = new Set(['%', 'Mbit/s', 'MiB/s', 'ms', 'IOPS', 'pkt/s', 'CPUs', 's']);
const INTEGER_UNITS = new Set(['MiB', 'count', 'µs', 'tasks', 'tokens', 'ticks', 'MHz']);

/** Units that are not worth a column: flags, plain counts, weights. */
const NO_UNIT = new Set(['flag', 'count', '1..10000']);

export function formatValue(value: unknown, unit: string): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return '-';
  if (DECIMAL_UNITS.has(unit)) return value.toFixed(2);
  if (INTEGER_UNITS.has(unit) || Number.isInteger(value)) return String(Math.round(value));
  return value.toFixed(2);
}

function section<T extends object>(title: string, fields: readonly FieldDef[], values: T, vcpus = 1): MetricSection {
  const record = values as Record<string, unknown>;
  const metrics = fields.filter((f) => f.key in record).map((f) => {
    const v = record[f.key];
    const level = typeof v === 'number' ? levelOf(f, v, vcpus) : typeof v === 'boolean' && v ? levelOf(f, 1) : undefined;
    // a limit that is not set reads `max`, as in the cgroup file; another missing value `-`
    if (v === null || v === undefined) return { key: f.key, value: /max|high/.test(f.key) ? 'max' : '-', unit: '' };
    return { key: f.key, value: formatValue(v, f.unit), unit: NO_UNIT.has(f.unit) ? '' : f.unit, level };
  });
  return { title, metrics };
}

function facts(title: string, pairs: [string, unknown, string?][]): MetricSection {
  return { title, metrics: pairs.map(([key, v, unit = '']) => ({ key, value: formatValue(v, unit), unit })) };
}

/** esxtop's CPU ALLOC group: the configured reservation, limit and shares as it names them. */
function allocSection(vm: VmSample): MetricSection {
  const a = cpuAlloc(vm);
  return facts('CPU ALLOC', [['AMIN', a.AMIN, a.AUNITS], ['AMAX', a.AMAX < 0 ? 'unlimited' : a.AMAX, a.AMAX < 0 ? '' : a.AUNITS],
    ['ASHRS', a.ASHRS], ['AMLMT', a.AMLMT, a.AUNITS], ['AUNITS', a.AUNITS]]);
}

/**
 * What the virtualization layer keeps and what it exposes: the reserve, and where management runs
 * (classic ESX's service console with its own memory and CPU, or ESXi's VMkernel with none).
 */
function managementSection(h: HostSample, console: VmSample | undefined): MetricSection {
  const t = traits(h.hypervisor);
  return facts('Virtualization layer: its memory and its attack surface', [
    ['reserved', h.reserved, 'MiB'],
    ...(console ? [['service console', console.MEMSZ, 'MiB'], ['console %USED', console['%USED'], '%']] as [string, unknown, string][] : []),
    ['management in', t.managementOs],
    ['image on disk', t.footprintMB === null ? 'not published' : `${t.footprintMB} MB`],
  ]);
}

/** A virtual appliance; a security virtual appliance with what it watches, what that costs it and its alerts. */
function applianceSection(a: ApplianceSample): MetricSection {
  if (a.role === 'appliance') {
    return facts('Virtual appliance: a guest packaged ready to run, deployed with its own resource settings', [['role', 'virtual appliance']]);
  }
  const names = a.watching.length ? a.watching.join(', ') : 'nothing now';
  return facts(`Security virtual appliance: watches its host's VMs from outside them (introspection): ${names}`, [
    ['VMs watched', a.watching.length], ['for them: CPU', a.introspectionCpu, '%'], ['for them: memory', a.introspectionMiB, 'MiB'],
    ['alerts', a.alerts],
  ]);
}

/**
 * The JVM inside the guest, as it reports itself (jstat's view): a process virtual machine — one
 * program's bytecode on its own heap — running on the system virtual machine above it.
 */
function jvmSection(j: JvmSample, vcpus: number): MetricSection {
  return facts('Process VM: a JVM in the guest (bytecode on its own heap, as jstat sees it)', [
    ['heap', j.HEAP, 'MiB'], ['heap used', j.HEAPUSED, 'MiB'],
    ['collections', j.GC], ['GC pause', j.GCPAUSE, 'ms'],
    // a stop-the-world collection keeps every vCPU busy (the parallel collector: a thread per CPU)
    ['GC threads', vcpus],
    ['JIT warm-up', j['%JIT'] > 0.5 ? `+${j['%JIT'].toFixed(0)} % CPU` : 'compiled'], ['uptime', j.UPTIME, 's'],
  ]);
}

/**
 * Site Recovery: a protected VM's replica (where, its RPO, how old its newest point is), or, once
 * its site failed, its place in the recovery plan and the data it lost.
 */
function siteSection(vm: VmSample): MetricSection[] {
  const r = vm.recovery;
  if (r) {
    return [facts(`Site Recovery (${r.from} failed; recovered at ${r.to})`, [['priority', r.priority], ['state', r.state],
      ['data lost', r.lossS, 's'], ...(r.reason ? [['why not', r.reason] as [string, unknown]] : [])])];
  }
  const p = vm.replica;
  if (!p) return [];
  return [facts(`Site Recovery (replicated to ${p.site})`, [['RPO', p.rpoS, 's'], ['point age', p.ageS, 's'],
    ['syncing', p.syncing === null ? 'no' : `${Math.round(p.syncing * 100)}%`], ['RPO met', p.ageS <= p.rpoS]])];
}

/** Every metric of the entity, grouped as its panels group them. */
export function entityMetrics(e: Entity): MetricSection[] {
  switch (e.kind) {
    case 'vm': {
      const vm = e.vm;
      return [
        facts('VM', [['host', vm.host], ['state', vm.state], ['GID', vm.gid], ['vCPUs', vm.vcpus], ['NWLD', vm.NWLD],
          ['shares', vm.shares], ['reservation', vm.reservationMHz, 'MHz'], ['limit', vm.limitMHz === null ? 'unlimited' : `${vm.limitMHz} MHz`],
          ['%DMD', vm['%DMD'], '%']]),
        ...siteSection(vm),
        section('CPU (% of the interval, summed over vCPUs)', CPU_FIELDS, vm, vm.vcpus),
        allocSection(vm),
        facts('As the guest sees it', [['guest progress', vm.workMHz, 'MHz'], ['vCPUs', coscheduling(e.hypervisor)],
          ['%RDY seen as', readySeenAs(e.hypervisor)]]),
        ...(vm.appliance ? [applianceSection(vm.appliance)] : []),
        ...(vm.jvm ? [jvmSection(vm.jvm, vm.vcpus)] : []),
        section('Memory', MEM_FIELDS, vm),
        section('Network', [...NET_FIELDS, ...NET_EXTRA_FIELDS], vm),
        section('Disk', [...DISK_FIELDS, ...DISK_EXTRA_FIELDS], vm),
      ];
    }
    case 'container': {
      const c = e.ct;
      return [
        facts('Container', [['host', c.host], ['vm', c.vm ?? '(host kernel)'], ['image', c.image], ['state', c.state],
          ['service', c.service ?? '-']]),
        section('cgroup', CGROUP_FIELDS, c),
        section('more', CGROUP_EXTRA_FIELDS, c),
      ];
    }
    case 'service': {
      const s = e.svc;
      return [
        facts('Service', [['host', s.host], ['vm', s.vm ?? '(host kernel)'], ['image', s.image], ['replicas', s.replicas]]),
        section('cgroup (its replicas together)', [...CGROUP_FIELDS, ...CGROUP_EXTRA_FIELDS], s),
      ];
    }
    case 'vserver': {
      const v = e.vs;
      return [
        // chcontext, chbind, chroot and capabilities: the four walls the textbook builds a guest from.
        facts('VServer guest', [['host', v.host], ['context', v.context], ['ip', v.ip ?? '-'], ['chroot', v.chroot],
          ['sched', v.sched], ['W', v.hz, 'Hz'],
          ['caps', v.capabilities.length ? v.capabilities.join(',') : 'default guest set']]),
        section('token bucket', [...VSERVER_FIELDS, ...VSERVER_EXTRA_FIELDS], v),
      ];
    }
    case 'host': {
      const h = e.host;
      return [
        facts('Host', [['hypervisor', h.hypervisor], ['state', h.state], ['pCPUs', h.pcpus], ['MHz', h.mhz], ['%A/MPERF', h.clock * 100, '%'],
          ['PCPU_USED%', h['PCPU_USED%'], '%'], ['PCPU_UTIL%', h['PCPU_UTIL%'], '%'], ['MEM_TOTAL', h.MEM_TOTAL, 'MiB'],
          ['MEM_FREE', h.MEM_FREE, 'MiB'], ['MEM_STATE', h.MEM_STATE], ['minFree', h.minFree, 'MiB'],
          ['PSHARE_SAVING', h.PSHARE_SAVING, 'MiB'], ['MEMCTL', h.MEMCTL, 'MiB'], ['SWAP', h.SWAP, 'MiB'], ['ZIP', h.ZIP, 'MiB'],
          ['NIC_Mbps', h.NIC_Mbps, 'Mbit/s'], ['DISK_IOPS', h.DISK_IOPS, 'IOPS']]),
        managementSection(h, e.console),
        // why a strict host idles with VMs ready: gang fragmentation
        ...(h.coscheduling === 'strict' ? [facts('Strict co-scheduling: a VM\'s busy vCPUs start only with a free pCPU each; the rest idle', [
          ['idle, gangs waiting', h.gangIdlePct, '%'],
        ])] : []),
      ];
    }
  }
}
