// One host's esxtop columns, in the order `esxtop -b` writes them: Physical Cpu Load, Physical Cpu
// (counter by counter: CPU 0..N then _Total), Memory, then each group's `Group Cpu` followed by its
// `Vcpu` worlds, every `Group Memory`, the datastore's SCSI device, each VM's world on its
// datastore's device (`Per-Device-Per-World`), `Virtual Disk` (the VM, then
// its disk) and `Network Port` (the uplink, then the VMs' ports). A group that is not running on
// the host at a sample reads 0, as esxtop shows a world that is not running.

import { cpuAlloc } from '../../fields/cpu-alloc.js';
import type { ContainerSample, HostSample, Snapshot, VcpuSample, VmSample, VServerSample } from '../../engine/snapshot.js';
import { countersOf, type EsxtopObject, KERNEL_STATE_CODE, type NumberFormat, type Sources } from './counters.js';
import {
  counterPath, deviceWorldInstance, groupInstance, scsiDeviceId, UPLINK_PORT, vcpuInstance, virtualDiskInstances, vmPortInstance,
} from './instances.js';
import { datastoreOf, type GroupRef, type HostPlan, runsOn } from './plan.js';

/** One sample indexed once per row, so each column's lookup is O(1). */
export interface Indexed {
  s: Snapshot;
  hosts: Map<string, HostSample>;
  vms: Map<number, VmSample>;
  /** by name: names are unique across the profile */
  containers: Map<string, ContainerSample>;
  vservers: Map<string, VServerSample>;
}

export function indexSample(s: Snapshot): Indexed {
  return {
    s, hosts: new Map(s.hosts.map((h) => [h.name, h])), vms: new Map(s.vms.map((v) => [v.gid, v])),
    containers: new Map(s.containers.map((c) => [c.name, c])), vservers: new Map(s.vservers.map((v) => [v.name, v])),
  };
}

export interface Column {
  host: string;
  path: string;
  format: NumberFormat;
  value: (ix: Indexed) => number;
}

/** The host's memory; balloon maxima summed over the VMs running there. */
function hostMemory(host: string): Sources<'Memory', Indexed> {
  const h = (ix: Indexed) => ix.hosts.get(host)!;
  return {
    'Machine MBytes': (ix) => h(ix).MEM_TOTAL,
    'Kernel MBytes': (ix) => h(ix).reserved,
    'NonKernel MBytes': (ix) => h(ix).MEM_TOTAL - h(ix).reserved - h(ix).MEM_FREE,
    'Free MBytes': (ix) => h(ix).MEM_FREE,
    'Kernel MinFree MBytes': (ix) => h(ix).minFree,
    'Kernel State': (ix) => KERNEL_STATE_CODE[h(ix).MEM_STATE],
    'PShare Shared MBytes': (ix) => h(ix).PSHARE_SHARED,
    'PShare Common MBytes': (ix) => h(ix).PSHARE_COMMON,
    'PShare Savings MBytes': (ix) => h(ix).PSHARE_SAVING,
    'Swap Used MBytes': (ix) => h(ix).SWAP,
    'Swap Target MBytes': (ix) => h(ix).SWAP_TGT,
    'Swap MBytes Read/sec': (ix) => h(ix)['SWR/s'],
    'Swap MBytes Write/sec': (ix) => h(ix)['SWW/s'],
    'Total Compressed MBytes': (ix) => h(ix).ZIP,
    'Memctl Current MBytes': (ix) => h(ix).MEMCTL,
    'Memctl Target MBytes': (ix) => h(ix).MEMCTL_TGT,
    'Memctl Max MBytes': (ix) => ix.s.vms.reduce((a, v) => a + (runsOn(v, host) ? v.MCTLMAX : 0), 0),
  };
}

const CPU_STATES: Sources<'Vcpu', VcpuSample | VmSample> = {
  '% Used': (v) => v['%USED'], '% Run': (v) => v['%RUN'], '% System': (v) => v['%SYS'], '% Wait': (v) => v['%WAIT'],
  '% VmWait': (v) => v['%VMWAIT'], '% Ready': (v) => v['%RDY'], '% Idle': (v) => v['%IDLE'],
  '% Overlap': (v) => v['%OVRLP'], '% CoStop': (v) => v['%CSTP'], '% Max Limited': (v) => v['%MLMTD'],
  '% Swap Wait': (v) => v['%SWPWT'],
};

const GROUP_CPU: Sources<'Group Cpu', VmSample> = {
  Members: (v) => v.NWLD,
  ...CPU_STATES,
  // the panel's and JSONL's AMIN, AMAX, ASHRS, AMLMT: one rule (fields/cpu-alloc.ts)
  'Alloc Min': (v) => cpuAlloc(v).AMIN,
  'Alloc Max': (v) => cpuAlloc(v).AMAX,
  'Alloc Shares': (v) => cpuAlloc(v).ASHRS,
  'Alloc Min Limited': (v) => cpuAlloc(v).AMLMT,
  '% Demand': (v) => v['%DMD'],
};

const GROUP_MEMORY: Sources<'Group Memory', VmSample> = {
  'Memory Size MBytes': (v) => v.MEMSZ,
  'Memory Granted Size MBytes': (v) => v.GRANT,
  'Memory Consumed Size MBytes': (v) => v.CNSM,
  'Target Size MBytes': (v) => v.SZTGT,
  'Touched MBytes': (v) => v.TCHD,
  '% Active Estimate': (v) => (v.MEMSZ > 0 ? (100 * v.ACTV) / v.MEMSZ : 0),
  'Memctl MBytes': (v) => v.MCTLSZ,
  'Memctl Target MBytes': (v) => v.MCTLTGT,
  'Memctl Max MBytes': (v) => v.MCTLMAX,
  'Swapped MBytes': (v) => v.SWCUR,
  'Swap Target MBytes': (v) => v.SWTGT,
  'Swap Read MBytes/sec': (v) => v['SWR/s'],
  'Swap Written MBytes/sec': (v) => v['SWW/s'],
  'Zero MBytes': (v) => v.ZERO,
  'Shared MBytes': (v) => v.SHRD,
  'Shared Saved MBytes': (v) => v.SHRDSVD,
  'Copy On Write Hint MBytes': (v) => v.COWH,
  'Overhead MBytes': (v) => v.OVHD,
  'Compressed Memory MBytes': (v) => v.ZIP,
};

const SCSI_DEVICE: Sources<'Physical Disk SCSI Device', HostSample> = {
  'Device Q Depth': (h) => h.io.diskDQLEN,
  'Active Commands': (h) => h.io.diskACTV,
  'Queued Commands': (h) => h.io.diskQUED,
  'Commands/sec': (h) => h.io.DISK_IOPS,
  'MBytes Read/sec': (h) => h.io.diskReadMBs,
  'MBytes Written/sec': (h) => h.io.diskWriteMBs,
  'Average Driver MilliSec/Command': (h) => h.io.diskDAVG,
  'Average Kernel MilliSec/Command': (h) => h.io.diskKAVG,
  'Average Guest MilliSec/Command': (h) => h.io.diskGAVG,
};

/** a VM's VMX world on a device: the VM's sample and the device's queue depth */
interface DeviceWorld { v: VmSample; deviceDQLEN: number }

// a world's row repeats its device's queue depth, as esxtop's does
const DEVICE_WORLD: Sources<'Physical Disk Per-Device-Per-World', DeviceWorld> = {
  'Device Q Depth': (w) => w.deviceDQLEN,
  'World Q Depth': (w) => w.v.WQLEN,
  'Active Commands': (w) => w.v.ACTV_CMDS,
  'Queued Commands': (w) => w.v.QUED_CMDS,
  'Commands/sec': (w) => w.v['CMDS/s'],
  'Reads/sec': (w) => w.v['READS/s'],
  'Writes/sec': (w) => w.v['WRITES/s'],
  'MBytes Read/sec': (w) => w.v['MBREAD/s'],
  'MBytes Written/sec': (w) => w.v['MBWRTN/s'],
  'Average Driver MilliSec/Command': (w) => w.v.DAVG,
  'Average Kernel MilliSec/Command': (w) => w.v.KAVG,
  'Average Guest MilliSec/Command': (w) => w.v.GAVG,
};

// Reads and writes wait in the same device queue in the model, so each sees the guest latency.
const VIRTUAL_DISK: Sources<'Virtual Disk', VmSample> = {
  'Commands/sec': (v) => v['CMDS/s'],
  'Reads/sec': (v) => v['READS/s'],
  'Writes/sec': (v) => v['WRITES/s'],
  'MBytes Read/sec': (v) => v['MBREAD/s'],
  'MBytes Written/sec': (v) => v['MBWRTN/s'],
  'Average MilliSec/Read': (v) => (v['READS/s'] > 0 ? v.GAVG : 0),
  'Average MilliSec/Write': (v) => (v['WRITES/s'] > 0 ? v.GAVG : 0),
};

/** bytes per packet from the port's own Mbit/s and packets/s */
const packetSize = (mbits: number, packets: number) => (packets > 0 ? (mbits * 1e6) / 8 / packets : 0);

const VM_PORT: Sources<'Network Port', VmSample> = {
  'Packets Transmitted/sec': (v) => v['PKTTX/s'],
  'MBits Transmitted/sec': (v) => v['MbTX/s'],
  'Average Packet Size  Transmitted (Bytes)': (v) => packetSize(v['MbTX/s'], v['PKTTX/s']),
  'Packets Received/sec': (v) => v['PKTRX/s'],
  'MBits Received/sec': (v) => v['MbRX/s'],
  'Average Packet Size  Received (Bytes)': (v) => packetSize(v['MbRX/s'], v['PKTRX/s']),
  '% Outbound Packets Dropped': (v) => v['%DRPTX'],
  '% Received Packets Dropped': (v) => v['%DRPRX'],
};

const UPLINK: Sources<'Network Port', HostSample> = {
  'MBits Transmitted/sec': (h) => h.io.nicTxMbps,
  'MBits Received/sec': (h) => h.io.nicRxMbps,
  '% Outbound Packets Dropped': (h) => h.io.nicDropTxPct,
  '% Received Packets Dropped': (h) => h.io.nicDropRxPct,
};

export function hostColumns(p: HostPlan): Column[] {
  const cols: Column[] = [];
  const hostOf = (ix: Indexed) => ix.hosts.get(p.name)!;
  const add = <O extends EsxtopObject, S>(object: O, instance: string | null, sources: Sources<O, S>, get: (ix: Indexed) => S | undefined) => {
    for (const c of countersOf(object, sources)) {
      cols.push({
        host: p.name, path: counterPath(p.name, object, instance, c.name), format: c.format,
        value: (ix) => {
          const x = get(ix);
          return x === undefined ? 0 : c.value(x);
        },
      });
    }
  };

  add('Memory', null, {
    'Memory Overcommit (1 Minute Avg)': (h: HostSample) => h.overcommitAvg[0],
    'Memory Overcommit (5 Minute Avg)': (h: HostSample) => h.overcommitAvg[1],
    'Memory Overcommit (15 Minute Avg)': (h: HostSample) => h.overcommitAvg[2],
  }, hostOf);
  add('Physical Cpu Load', null, {
    'Cpu Load (1 Minute Avg)': (h: HostSample) => h.loadAvg[0],
    'Cpu Load (5 Minute Avg)': (h: HostSample) => h.loadAvg[1],
    'Cpu Load (15 Minute Avg)': (h: HostSample) => h.loadAvg[2],
  }, hostOf);
  // counter by counter, each over CPU 0..N and then _Total, as esxtop groups them
  const pcpus = countersOf<'Physical Cpu', { h: HostSample; k: number }>('Physical Cpu', {
    '% Processor Time': (x) => (x.k < 0 ? x.h['PCPU_USED%'] : x.h.pcpuUsed[x.k]),
    '% Util Time': (x) => (x.k < 0 ? x.h['PCPU_UTIL%'] : x.h.pcpuUtil[x.k]),
  });
  const cpus = [...Array.from({ length: p.pcpus }, (_, k) => k), -1];
  for (const c of pcpus) {
    for (const k of cpus) {
      cols.push({
        host: p.name, path: counterPath(p.name, 'Physical Cpu', k < 0 ? '_Total' : String(k), c.name), format: c.format,
        value: (ix) => c.value({ h: hostOf(ix), k }),
      });
    }
  }
  add('Memory', null, hostMemory(p.name), (ix) => ix);

  const groups = [...p.groups.values()].sort((a, b) => a.gid - b.gid);
  const present = (g: GroupRef) => (ix: Indexed) => {
    const v = ix.vms.get(g.gid);
    return v && runsOn(v, p.name) ? v : undefined;
  };
  for (const g of groups) {
    const here = present(g);
    add('Group Cpu', groupInstance(g.gid, g.name), GROUP_CPU, here);
    g.wids.forEach((wid, i) => add('Vcpu', vcpuInstance(g.gid, g.name, wid, i), CPU_STATES, (ix) => here(ix)?.vcpu[i]));
  }
  for (const g of groups) add('Group Memory', groupInstance(g.gid, g.name), GROUP_MEMORY, present(g));
  add('Physical Disk SCSI Device', scsiDeviceId(p.id), SCSI_DEVICE, hostOf);
  const vms = groups.filter((g) => g.kind === 'vm');
  // each VM's VMX world on the device of each datastore its disk was on while it ran here
  const worlds = vms.flatMap((g) => [...g.datastores].map(([ds, index]) => ({ g, ds, device: scsiDeviceId(index) })))
    .sort((a, b) => (a.device < b.device ? -1 : a.device > b.device ? 1 : a.g.gid - b.g.gid));
  for (const { g, ds, device } of worlds) {
    const here = present(g);
    add('Physical Disk Per-Device-Per-World', deviceWorldInstance(device, g.gid), DEVICE_WORLD, (ix) => {
      const v = here(ix);
      return v && datastoreOf(v) === ds ? { v, deviceDQLEN: ix.hosts.get(ds)?.io.diskDQLEN ?? 0 } : undefined;
    });
  }
  for (const g of vms) for (const d of virtualDiskInstances(g.name)) add('Virtual Disk', d, VIRTUAL_DISK, present(g));
  add('Network Port', UPLINK_PORT, UPLINK, hostOf);
  for (const g of vms) add('Network Port', vmPortInstance(g.gid, g.name), VM_PORT, present(g));
  return cols;
}
