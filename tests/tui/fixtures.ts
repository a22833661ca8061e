// Hand-built snapshots and fakes: tests decide every number the screen shows, and step the
// monitor's clock by hand.

import type { HostIoFields, HostMemoryFields, HostSample, Snapshot, VcpuSample, VmIo, VmMemoryFields, VmSample } from '../../src/engine/snapshot.js';
import type { SimEngine } from '../../src/tui/clock.js';
import type { Ticker } from '../../src/tui/ticker.js';

const IDLE = {
  '%USED': 0, '%RUN': 0, '%SYS': 0, '%WAIT': 100, '%VMWAIT': 0, '%RDY': 0, '%IDLE': 100,
  '%OVRLP': 0, '%CSTP': 0, '%MLMTD': 0, '%SWPWT': 0,
};

/** No memory in use: tests set the fields they look at. */
export const NO_MEMORY: VmMemoryFields = {
  MEMSZ: 0, GRANT: 0, CNSM: 0, SZTGT: 0, TCHD: 0, ACTV: 0, MCTLSZ: 0, MCTLTGT: 0, MCTLMAX: 0,
  SWCUR: 0, SWTGT: 0, 'SWR/s': 0, 'SWW/s': 0, ZIP: 0, SHRD: 0, ZERO: 0, SHRDSVD: 0, COWH: 0, OVHD: 0, GSWAP: 0,
};

/** No network or disk traffic: tests set the fields they look at. */
export const NO_IO: VmIo = {
  'MbTX/s': 0, 'MbRX/s': 0, '%DRPTX': 0, '%DRPRX': 0, 'PKTTX/s': 0, 'PKTRX/s': 0, 'CMDS/s': 0, 'READS/s': 0,
  'WRITES/s': 0, 'MBREAD/s': 0, 'MBWRTN/s': 0, DAVG: 0, KAVG: 0, GAVG: 0, WQLEN: 0, ACTV_CMDS: 0, QUED_CMDS: 0,
};

/** An idle 10 Gbit uplink and a 20000-IOPS datastore. */
export const HOST_IO: HostIoFields = {
  NIC_Mbps: 0, DISK_IOPS: 0, nicSpeedMbit: 10000, nicTxMbps: 0, nicRxMbps: 0, nicDropTxPct: 0, nicDropRxPct: 0,
  diskMaxIops: 20000, diskReadMBs: 0, diskWriteMBs: 0, diskDAVG: 0, diskKAVG: 0, diskGAVG: 0, siocActive: false,
  diskDQLEN: 64, diskACTV: 0, diskQUED: 0,
};

/** A 64 GiB host with every header number distinct, so a test can tell them apart. */
export const HOST_MEMORY: HostMemoryFields = {
  MEM_TOTAL: 65536, MEM_FREE: 40960, MEM_STATE: 'high', minFree: 1270, reserved: 1024, overcommit: 0.75, overcommitAvg: [0, 0, 0],
  PSHARE_SHARED: 700, PSHARE_COMMON: 200, PSHARE_SAVING: 500, MEMCTL: 78, MEMCTL_TGT: 90,
  SWAP: 12, SWAP_TGT: 34, 'SWR/s': 0.5, 'SWW/s': 1.25, ZIP: 56,
};

export type VmInput = Partial<Omit<VmSample, 'vcpu'>> & { gid: number; name: string; vcpu?: Partial<VcpuSample>[] };

/** A VM whose vCPUs split its group values evenly unless given. */
export function vm(input: VmInput): VmSample {
  const vcpus = input.vcpus ?? 2;
  const base = { ...IDLE, ...NO_MEMORY, ...NO_IO, ...input };
  const per = (key: keyof typeof IDLE) => base[key] / vcpus;
  const vcpu = Array.from({ length: vcpus }, (_, index): VcpuSample => ({
    ...IDLE,
    ...Object.fromEntries(Object.keys(IDLE).map((k) => [k, per(k as keyof typeof IDLE)])),
    index, wid: input.gid * 100 + index,
    ...input.vcpu?.[index],
  }));
  return {
    ...base, host: input.host ?? 'esx-a', state: input.state ?? 'running', vcpus,
    NWLD: input.NWLD ?? vcpus + 2, shares: 1000 * vcpus, reservationMHz: 0, limitMHz: null,
    '%DMD': base['%USED'], workMHz: 0, kind: input.kind ?? 'vm', vcpu,
  } as VmSample;
}

// Fixtures fill what the monitor's panels read (CPU and memory); the casts keep them compiling
// while the snapshot grows fields (network) that these panels do not show.
export function host(input: Partial<HostSample> & { name: string }): HostSample {
  const pcpus = input.pcpus ?? 4;
  return {
    id: 1, hypervisor: 'esxi', state: 'up', pcpus, mhz: 2000, coscheduling: 'relaxed',
    pcpuUsed: Array.from({ length: pcpus }, (_, i) => 10 + i),
    pcpuUtil: Array.from({ length: pcpus }, (_, i) => 20 + i),
    'PCPU_USED%': 11.5, 'PCPU_UTIL%': 21.5, loadAvg: [0.5, 0.25, 0.125], vmCount: 0, vcpuCount: 0,
    ...HOST_MEMORY,
    NIC_Mbps: 0, DISK_IOPS: 0, io: HOST_IO,
    ...input,
  } as HostSample;
}

/** A VM's memory with no reclamation: granted, touched and consumed all `grant`, some sharing. */
export function memory(memsz: number, grant: number): Partial<VmMemoryFields> {
  return { MEMSZ: memsz, GRANT: grant, CNSM: grant - 100, SZTGT: grant + 50, TCHD: grant, ACTV: grant / 2,
    MCTLMAX: Math.round(memsz * 0.65), SHRD: 150, ZERO: 40, SHRDSVD: 100, COWH: 20, OVHD: 30 };
}

export function snapshot(input: Partial<Snapshot> = {}): Snapshot {
  return { t: 0, interval: 2, hosts: [host({ name: 'esx-a' })], vms: [], containers: [], services: [], vservers: [], events: [], ...input };
}

/**
 * The lab most tests look at: three VMs on esx-a with distinct %USED, %RDY and names, whose
 * MEMSZ order (bravo, then alpha and charlie tied at 4 GiB) differs from every CPU order.
 */
export function lab(t = 0): Snapshot {
  return snapshot({
    t,
    hosts: [host({ name: 'esx-a', vmCount: 3, vcpuCount: 6 }), host({ name: 'esx-b', pcpus: 2 })],
    vms: [
      vm({ gid: 1001, name: 'alpha', '%USED': 150, '%RUN': 150, '%RDY': 2, ...memory(4096, 3900) }),
      vm({ gid: 1002, name: 'bravo', '%USED': 20, '%RUN': 20, '%RDY': 30, ...memory(8192, 2048) }),
      vm({ gid: 1003, name: 'charlie', '%USED': 80, '%RUN': 80, '%RDY': 12, vcpus: 2, ...memory(4096, 1024) }),
      vm({ gid: 2001, name: 'delta', host: 'esx-b', '%USED': 40, '%RUN': 40, ...memory(2048, 512) }),
    ],
  });
}

export class ManualTicker implements Ticker {
  periodMs: number | null = null;
  private tick: (() => void) | null = null;
  start(periodMs: number, tick: () => void): void {
    this.periodMs = periodMs;
    this.tick = tick;
  }
  stop(): void {
    this.periodMs = null;
    this.tick = null;
  }
  get running(): boolean {
    return this.tick !== null;
  }
  fire(): void {
    this.tick?.();
  }
}

/** Hands out the given snapshots in order (the last one repeats) and records every advance. */
export class ScriptedEngine implements SimEngine {
  readonly advanced: number[] = [];
  private next = 0;
  constructor(private readonly snapshots: readonly Snapshot[]) {}
  advance(ms: number): void {
    this.advanced.push(ms);
  }
  sample(): Snapshot {
    const s = this.snapshots[Math.min(this.next, this.snapshots.length - 1)];
    this.next++;
    return s;
  }
}
