// Turns a host's cumulative counters into esxtop's rates: every percentage is the change in a
// counter over the interval since the previous sample, divided by the interval.

import type { HostCpu } from './cpu/host-cpu.js';
import { sampleIo } from './io/sample-io.js';
import { jvmSample } from './memory/jvm.js';
import { hostMemoryFields, vmMemoryFields, type SwapBase } from './memory/sample-memory.js';
import type { GroupRuntime, HostRuntime } from './runtime.js';
import type { HostIoFields } from './io/types.js';
import type { HostSample, VcpuSample, VmSample } from './snapshot.js';

type CounterName = 'cRun' | 'cRdy' | 'cCstp' | 'cMlmtd' | 'cIdle' | 'cDmd' | 'cWork' | 'cSwpwt' | 'cSleep' | 'cBlocked';

export interface CounterBase {
  ms: number;
  counters: (Record<CounterName, Float64Array> & { pcpuBusy: Float64Array; sysG: Float64Array }) | null;
  swap?: SwapBase[];
  /** HostCpu.gangIdleMs at the sample */
  gangIdleMs?: number;
}

/** The counters now, for the next sample's deltas: into `into`'s arrays when they still fit. */
function copyCounters(cpu: HostCpu, into: CounterBase['counters']): NonNullable<CounterBase['counters']> {
  const copy = (from: Float64Array, to: Float64Array | undefined) => {
    if (to === undefined || to.length !== from.length) return from.slice();
    to.set(from);
    return to;
  };
  return {
    pcpuBusy: copy(cpu.pcpuBusy, into?.pcpuBusy), sysG: copy(cpu.cSysG, into?.sysG),
    cRun: copy(cpu.cRun, into?.cRun), cRdy: copy(cpu.cRdy, into?.cRdy), cCstp: copy(cpu.cCstp, into?.cCstp),
    cMlmtd: copy(cpu.cMlmtd, into?.cMlmtd), cIdle: copy(cpu.cIdle, into?.cIdle),
    cDmd: copy(cpu.cDmd, into?.cDmd), cWork: copy(cpu.cWork, into?.cWork), cSwpwt: copy(cpu.cSwpwt, into?.cSwpwt),
    cSleep: copy(cpu.cSleep, into?.cSleep),
    cBlocked: copy(cpu.cBlocked, into?.cBlocked),
  };
}

/**
 * A vCPU's sample: `{ index, wid }` then esxtop's state times built in one literal (same keys, same
 * order), from the counters' changes as numbers rather than a record (this runs for every vCPU).
 * The four states partition the world's time: RUN + RDY + CSTP + WAIT = 100. %MLMTD is inside
 * %RDY; %IDLE and %SWPWT inside %WAIT; %VMWAIT = %WAIT - %IDLE. No VMkernel time is charged to
 * a vCPU world itself (%SYS 0): the hypervisor's work for a VM is the group's (sample below).
 */
function vcpuSample(
  index: number, wid: number, pct: number, clock: number,
  cRun: number, cRdy: number, cCstp: number, cMlmtd: number, cIdle: number, cSwpwt: number, cSleep: number, cBlocked: number,
): VcpuSample {
  const run = cRun * pct;
  const idle = cIdle * pct;
  const swpwt = cSwpwt * pct;
  const vmwait = swpwt + cSleep * pct;
  const ovrlp = 0;
  return {
    index,
    wid,
    '%USED': (run - ovrlp) * clock,
    '%RUN': run,
    '%SYS': 0,
    '%WAIT': idle + vmwait,
    '%VMWAIT': vmwait,
    '%RDY': (cRdy + cBlocked) * pct,
    '%IDLE': idle,
    '%OVRLP': ovrlp,
    '%CSTP': cCstp * pct,
    '%MLMTD': (cMlmtd + cBlocked) * pct,
    '%SWPWT': swpwt,
  };
}

/**
 * A VM's group also holds its VMX and MKS worlds (esxtop's NWLD counts them). They run the
 * virtual machine's user-level process and its console; the model gives them no work of their
 * own (device emulation is charged to the group as %SYS), so they wait: 100% each of %WAIT.
 */
export const VM_AUX_WORLDS = 2;

/** The host's uplink with the cluster's own traffic (migrations, FT logging) added, keys named. */
function withClusterTraffic(h: HostIoFields, tx: number, rx: number): HostIoFields {
  return {
    NIC_Mbps: h.NIC_Mbps + tx + rx, DISK_IOPS: h.DISK_IOPS, nicSpeedMbit: h.nicSpeedMbit,
    nicTxMbps: h.nicTxMbps + tx, nicRxMbps: h.nicRxMbps + rx, nicDropTxPct: h.nicDropTxPct, nicDropRxPct: h.nicDropRxPct,
    diskMaxIops: h.diskMaxIops, diskReadMBs: h.diskReadMBs, diskWriteMBs: h.diskWriteMBs,
    diskDAVG: h.diskDAVG, diskKAVG: h.diskKAVG, diskGAVG: h.diskGAVG, siocActive: h.siocActive,
    diskDQLEN: h.diskDQLEN, diskACTV: h.diskACTV, diskQUED: h.diskQUED,
  };
}

export function sampleHost(host: HostRuntime, tMs: number): { host: HostSample; vms: VmSample[] } {
  const cpu = host.cpu;
  const intervalMs = tMs - host.base.ms;
  const pct = intervalMs > 0 ? 100 / intervalMs : 0;
  const prev = host.base.counters;
  const io = sampleIo(host.io);
  // %USED counts cycles at the nominal clock, %RUN time (docs/model/cpu.md, "The clock")
  const clock = host.spec.clock ?? 1;

  const vms: VmSample[] = host.groups.map((g: GroupRuntime, gi) => {
    const start = cpu.gStart[gi];
    let sRun = 0; let sRdy = 0; let sCstp = 0; let sMlmtd = 0; let sIdle = 0;
    let sDmd = 0; let sWork = 0; let sSwpwt = 0; let sSleep = 0; let sBlocked = 0;
    // A world reports against the part of the interval it existed in (its lifetime: all of it
    // unless the VM was powered on, resumed, restarted or moved here since the last sample), so
    // its states always sum to 100; a group that is off now has no worlds and reports nothing.
    const on = cpu.gOn[gi] === 1;
    let life = 0;
    const vcpu: VcpuSample[] = [];
    for (let i = 0; i < g.vcpus; i++) {
      // each counter by name, not in a loop over the names: this runs for every vCPU of the lab
      const v = start + i;
      const dRun = cpu.cRun[v] - (prev ? prev.cRun[v] : 0);
      const dRdy = cpu.cRdy[v] - (prev ? prev.cRdy[v] : 0);
      const dCstp = cpu.cCstp[v] - (prev ? prev.cCstp[v] : 0);
      const dMlmtd = cpu.cMlmtd[v] - (prev ? prev.cMlmtd[v] : 0);
      const dIdle = cpu.cIdle[v] - (prev ? prev.cIdle[v] : 0);
      const dDmd = cpu.cDmd[v] - (prev ? prev.cDmd[v] : 0);
      const dWork = cpu.cWork[v] - (prev ? prev.cWork[v] : 0);
      const dSwpwt = cpu.cSwpwt[v] - (prev ? prev.cSwpwt[v] : 0);
      const dSleep = cpu.cSleep[v] - (prev ? prev.cSleep[v] : 0);
      const dBlocked = cpu.cBlocked[v] - (prev ? prev.cBlocked[v] : 0);
      const lived = dRun + dRdy + dCstp + dIdle + dSwpwt + dSleep + dBlocked;
      if (lived > life) life = lived;
      const wpct = on && lived > 0 ? 100 / lived : 0;
      sRun += dRun * wpct;
      sRdy += dRdy * wpct;
      sCstp += dCstp * wpct;
      sMlmtd += dMlmtd * wpct;
      sIdle += dIdle * wpct;
      sDmd += dDmd * wpct;
      sWork += dWork * wpct;
      sSwpwt += dSwpwt * wpct;
      sSleep += dSleep * wpct;
      sBlocked += dBlocked * wpct;
      vcpu.push(vcpuSample(i, g.gid * 1000 + i + 1, wpct, clock, dRun, dRdy, dCstp, dMlmtd, dIdle, dSwpwt, dSleep, dBlocked));
    }
    // Hypervisor work charged to the group as a whole (I/O), not to any vCPU: %SYS and %USED
    // only, over the group's lifetime in the interval like its worlds.
    const gpct = on && life > 0 ? 100 / life : 0;
    const sysG = (cpu.cSysG[gi] - (prev ? prev.sysG[gi] : 0)) * gpct;
    const aux = on && g.kind === 'vm' ? VM_AUX_WORLDS : 0;
    const run = sRun;
    const idle = sIdle;
    const swpwt = sSwpwt;
    const vmwait = swpwt + sSleep;
    const ovrlp = 0;
    const mf = vmMemoryFields(g.memory, host.base.swap?.[gi], intervalMs / 1000, tMs);
    // a system group's own memory (the I/O partition: the host's `reserved`; ESX's service
    // console: its own), all of it granted and in use
    const sys = g.systemMiB;
    const part = sys !== undefined;
    const r = part ? sys : 0;
    const x = io.vms[gi];
    return {
      gid: g.gid, name: g.name, host: host.spec.name, state: g.state,
      NWLD: on ? g.vcpus + aux : 0, vcpus: g.vcpus,
      shares: g.shares, reservationMHz: g.reservationMHz, limitMHz: g.limitMHz,
      '%DMD': sDmd, workMHz: (sWork * host.spec.mhz * clock) / 100,
      kind: g.kind, vcpu,
      // %WAIT adds the VMX and MKS worlds' waiting; %IDLE and %VMWAIT are the vCPU worlds'
      '%USED': (run - ovrlp + sysG) * clock, '%RUN': run, '%SYS': sysG, '%WAIT': idle + vmwait + 100 * aux, '%VMWAIT': vmwait,
      '%RDY': sRdy + sBlocked, '%IDLE': idle, '%OVRLP': ovrlp, '%CSTP': sCstp,
      '%MLMTD': sMlmtd + sBlocked, '%SWPWT': swpwt,
      // vmMemoryFields' 20 keys in its order, a system group's six sizes over the first six
      // (named, not spread, like the network's below)
      MEMSZ: part ? r : mf.MEMSZ, GRANT: part ? r : mf.GRANT, CNSM: part ? r : mf.CNSM,
      SZTGT: part ? r : mf.SZTGT, TCHD: part ? r : mf.TCHD, ACTV: part ? r : mf.ACTV,
      MCTLSZ: mf.MCTLSZ, MCTLTGT: mf.MCTLTGT, MCTLMAX: mf.MCTLMAX, SWCUR: mf.SWCUR, SWTGT: mf.SWTGT,
      'SWR/s': mf['SWR/s'], 'SWW/s': mf['SWW/s'], ZIP: mf.ZIP, SHRD: mf.SHRD, ZERO: mf.ZERO, SHRDSVD: mf.SHRDSVD,
      COWH: mf.COWH, OVHD: mf.OVHD, GSWAP: mf.GSWAP,
      // named, not spread: samples are taken often and a spread of 14 keys costs more
      'MbTX/s': x['MbTX/s'], 'MbRX/s': x['MbRX/s'], '%DRPTX': x['%DRPTX'], '%DRPRX': x['%DRPRX'],
      'PKTTX/s': x['PKTTX/s'], 'PKTRX/s': x['PKTRX/s'], 'CMDS/s': x['CMDS/s'], 'READS/s': x['READS/s'],
      'WRITES/s': x['WRITES/s'], 'MBREAD/s': x['MBREAD/s'], 'MBWRTN/s': x['MBWRTN/s'], DAVG: x.DAVG, KAVG: x.KAVG, GAVG: x.GAVG,
      WQLEN: x.WQLEN, ACTV_CMDS: x.ACTV_CMDS, QUED_CMDS: x.QUED_CMDS,
      jvm: jvmSample(g.memory, host.base.ms, tMs),
    };
  });

  const P = cpu.pcpus;
  const pcpuUtil: number[] = [];
  for (let k = 0; k < P; k++) pcpuUtil.push((cpu.pcpuBusy[k] - (prev ? prev.pcpuBusy[k] : 0)) * pct);
  const avg = pcpuUtil.reduce((a, b) => a + b, 0) / P;
  // the cluster's own traffic through the NIC: migrations and fault-tolerance logging
  const net = host.net;
  const perS = intervalMs > 0 ? 1000 / intervalMs : 0;
  const clusterTx = (net.txTotal - net.txSampled) * perS;
  const clusterRx = (net.rxTotal - net.rxSampled) * perS;
  net.txSampled = net.txTotal;
  net.rxSampled = net.rxTotal;
  const hostIo = clusterTx + clusterRx > 0 ? withClusterTraffic(io.host, clusterTx, clusterRx) : io.host;
  const m = hostMemoryFields(host.memory, vms.filter((v) => v.kind === 'vm'));
  const hostSample: HostSample = {
    // hostMemoryFields' keys named, not spread; perf: one shape
    MEM_TOTAL: m.MEM_TOTAL, MEM_FREE: m.MEM_FREE, MEM_STATE: m.MEM_STATE, minFree: m.minFree, reserved: m.reserved,
    overcommit: m.overcommit, overcommitAvg: m.overcommitAvg, PSHARE_SHARED: m.PSHARE_SHARED, PSHARE_COMMON: m.PSHARE_COMMON, PSHARE_SAVING: m.PSHARE_SAVING,
    MEMCTL: m.MEMCTL, MEMCTL_TGT: m.MEMCTL_TGT, SWAP: m.SWAP, SWAP_TGT: m.SWAP_TGT, 'SWR/s': m['SWR/s'], 'SWW/s': m['SWW/s'],
    ZIP: m.ZIP,
    NIC_Mbps: hostIo.NIC_Mbps, DISK_IOPS: io.host.DISK_IOPS, io: hostIo,
    id: host.id, name: host.spec.name, hypervisor: host.spec.hypervisor, state: host.state,
    pcpus: P, mhz: host.spec.mhz, coscheduling: host.spec.coscheduling,
    // USED counts cycles at nominal: UTIL times the clock (no hyper-threading is modelled)
    pcpuUsed: pcpuUtil.map((u) => u * clock), pcpuUtil, 'PCPU_USED%': avg * clock, 'PCPU_UTIL%': avg, clock,
    gangIdlePct: ((cpu.gangIdleMs - (host.base.gangIdleMs ?? 0)) * pct) / P,
    loadAvg: [cpu.loadAvg[0], cpu.loadAvg[1], cpu.loadAvg[2]],
    // powered-on VMs: one that is off, suspended or down has no worlds on the host
    vmCount: host.groups.filter((g) => g.kind === 'vm' && (g.state === 'running' || g.state === 'migrating')).length,
    vcpuCount: host.groups.reduce((a, g) => a + (g.kind === 'vm' && (g.state === 'running' || g.state === 'migrating') ? g.vcpus : 0), 0),
  };
  host.base = {
    ms: tMs, counters: copyCounters(cpu, prev), gangIdleMs: cpu.gangIdleMs,
    swap: host.groups.map((g) => ({ swappedIn: g.memory?.swappedIn ?? 0, swappedOut: g.memory?.swappedOut ?? 0 })),
  };
  return { host: hostSample, vms };
}
