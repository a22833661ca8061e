// `--format jsonl`: one JSON object per sample, keys in the order docs/cli.md gives.

import type { Snapshot } from '../engine/snapshot.js';
import { containerRow } from './jsonl-cgroup.js';
import { CPU_FIELDS } from '../fields/cpu.js';
import { cpuAlloc } from '../fields/cpu-alloc.js';
import { DISK_FIELDS, DISK_QUEUE_FIELDS, HOST_DISK_QUEUE_FIELDS } from '../fields/disk.js';
import { HOST_MEM_FIELDS, MEM_FIELDS } from '../fields/memory.js';
import { NET_FIELDS } from '../fields/network.js';
import { VSERVER_FIELDS } from '../fields/vserver.js';
import { round2 } from './round.js';

export function jsonlLine(s: Snapshot): string {
  const hosts = s.hosts.map((h) => {
    const row: Record<string, string | number | null> = {
      name: h.name, hypervisor: h.hypervisor, state: h.state,
      'PCPU_USED%': round2(h['PCPU_USED%']), 'PCPU_UTIL%': round2(h['PCPU_UTIL%']),
    };
    for (const f of HOST_MEM_FIELDS) {
      const x = h[f.key];
      row[f.key] = typeof x === 'number' ? round2(x) : x;
    }
    row.NIC_Mbps = round2(h.NIC_Mbps);
    row.DISK_IOPS = round2(h.DISK_IOPS);
    // the device's queue, after the format's first keys (docs/cli.md)
    for (const f of HOST_DISK_QUEUE_FIELDS) row[f.json] = round2(h.io[f.key]);
    return row;
  });
  const vms = s.vms.map((v) => {
    const row: Record<string, string | number | null> = { name: v.name, host: v.host, state: v.state, NWLD: v.NWLD };
    for (const f of CPU_FIELDS) row[f.key] = round2(v[f.key]);
    for (const f of MEM_FIELDS) {
      row[f.key] = round2(v[f.key]);
      // the network and disk fields follow OVHD (docs/cli.md's order); CNSM and GSWAP are extras,
      // kept last
      if (f.key === 'OVHD') for (const g of [...NET_FIELDS, ...DISK_FIELDS]) row[g.key] = round2(v[g.key]);
    }
    // the VM's queue at the device, after the format's first keys
    for (const f of DISK_QUEUE_FIELDS) row[f.key] = round2(v[f.key]);
    // esxtop's CPU ALLOC fields, after every key the format had before them
    const alloc = cpuAlloc(v);
    row.AMIN = alloc.AMIN;
    row.AMAX = alloc.AMAX;
    row.ASHRS = alloc.ASHRS;
    row.AMLMT = alloc.AMLMT;
    row.AUNITS = alloc.AUNITS;
    // a JVM in the guest, as the JVM reports itself: only on a jvm workload's VM, after the rest
    const j = v.jvm;
    if (j) {
      row.HEAP = round2(j.HEAP);
      row.HEAPUSED = round2(j.HEAPUSED);
      row.GC = j.GC;
      row.GCPAUSE = round2(j.GCPAUSE);
      row['%JIT'] = round2(j['%JIT']);
    }
    return row;
  });
  const vservers = s.vservers.map((v) => {
    const row: Record<string, string | number | boolean> = { name: v.name, host: v.host, context: v.context };
    for (const f of VSERVER_FIELDS) {
      const x = v[f.key];
      row[f.key] = typeof x === 'number' ? round2(x) : x;
    }
    return row;
  });
  return JSON.stringify({ t: round2(s.t), hosts, vms, containers: s.containers.map(containerRow), vservers, events: s.events });
}
