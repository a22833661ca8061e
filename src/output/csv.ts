// `--format csv`: the Perfmon (PDH-CSV 4.0) shape that `esxtop -b` writes, so esxplot, perfmon
// and the PDH-CSV parsers open it. Columns are fixed by the first sample's entities.

import type { ContainerSample, HostSample, Snapshot, VmSample, VServerSample } from '../engine/snapshot.js';
import { CPU_FIELDS } from '../fields/cpu.js';
import { HOST_MEM_FIELDS, MEM_FIELDS, MEM_STATE_CODE } from '../fields/memory.js';
import { cgroupColumns } from './csv-cgroup.js';
import { hostIoColumns, vmIoColumns } from './csv-io.js';
import { vserverColumns } from './csv-vserver.js';
import { round2 } from './round.js';

/** Simulated time zero, so timestamps are stable for a given seed. */
const EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

/** One sample indexed once per row, so each column's lookup is O(1). */
interface Indexed {
  hosts: Map<string, HostSample>;
  vms: Map<number, VmSample>;
  /** by name: names are unique across the profile */
  vservers: Map<string, VServerSample>;
  containers: Map<string, ContainerSample>;
}

interface Column {
  path: string;
  value: (s: Indexed) => number | undefined;
}

function quote(cell: string): string {
  return `"${cell.replace(/"/g, '""')}"`;
}

export function csvTimestamp(t: number): string {
  const d = new Date(EPOCH_MS + Math.round(t * 1000));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const ms = d.getUTCMilliseconds();
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${ms ? `.${p(ms, 3)}` : ''}`;
}

export class CsvWriter {
  private columns: Column[] | null = null;

  private build(first: Snapshot): Column[] {
    const cols: Column[] = [];
    for (const h of first.hosts) {
      const host = (s: Indexed) => s.hosts.get(h.name);
      const base = `\\\\${h.name}`;
      cols.push(
        { path: `${base}\\Physical Cpu(_Total)\\% Processor Time`, value: (s) => host(s)?.['PCPU_USED%'] },
        { path: `${base}\\Physical Cpu(_Total)\\% Util Time`, value: (s) => host(s)?.['PCPU_UTIL%'] },
      );
      for (let k = 0; k < h.pcpus; k++) {
        cols.push({ path: `${base}\\Physical Cpu(${k})\\% Util Time`, value: (s) => host(s)?.pcpuUtil[k] });
      }
      ['1', '5', '15'].forEach((m, i) => cols.push({
        path: `${base}\\Physical Cpu Load\\Cpu Load (${m} Minute Avg)`, value: (s) => host(s)?.loadAvg[i],
      }));
      for (const f of HOST_MEM_FIELDS) {
        cols.push({ path: `${base}\\${f.csv}`, value: (s) => {
          const x = host(s)?.[f.key];
          return typeof x === 'string' ? MEM_STATE_CODE[x as keyof typeof MEM_STATE_CODE] : x;
        } });
      }
      cols.push(...hostIoColumns(h, host));
    }
    for (const v of first.vms) {
      const vm = (s: Indexed) => s.vms.get(v.gid);
      const group = `\\\\${v.host}\\Group Cpu(${v.gid}:${v.name})`;
      cols.push({ path: `${group}\\Members`, value: (s) => vm(s)?.NWLD });
      for (const f of CPU_FIELDS) cols.push({ path: `${group}\\${f.csv}`, value: (s) => vm(s)?.[f.key] });
      const memGroup = `\\\\${v.host}\\Group Memory(${v.gid}:${v.name})`;
      for (const f of MEM_FIELDS) cols.push({ path: `${memGroup}\\${f.csv}`, value: (s) => vm(s)?.[f.key] });
      cols.push(...vmIoColumns(v, vm));
      for (const c of v.vcpu) {
        const world = `\\\\${v.host}\\Vcpu(${v.gid}:${v.name}:${c.wid}:vcpu-${c.index})`;
        for (const f of CPU_FIELDS) {
          cols.push({ path: `${world}\\${f.csv}`, value: (s) => vm(s)?.vcpu[c.index]?.[f.key] });
        }
      }
    }
    for (const c of first.containers) cols.push(...cgroupColumns(c, (s: Indexed) => s.containers.get(c.name)));
    for (const v of first.vservers) cols.push(...vserverColumns(v, (s: Indexed) => s.vservers.get(v.name)));
    return cols;
  }

  /** The header row, built from the first sample's entities. */
  header(first: Snapshot): string {
    this.columns = this.build(first);
    return [quote('(PDH-CSV 4.0) (UTC)(0)'), ...this.columns.map((c) => quote(c.path))].join(',');
  }

  row(s: Snapshot): string {
    if (!this.columns) throw new Error('CsvWriter.row called before header');
    const ix: Indexed = {
      hosts: new Map(s.hosts.map((h) => [h.name, h])), vms: new Map(s.vms.map((v) => [v.gid, v])),
      vservers: new Map(s.vservers.map((v) => [v.name, v])),
      containers: new Map(s.containers.map((c) => [c.name, c])),
    };
    const cells = this.columns.map((c) => {
      const x = c.value(ix);
      return quote(x === undefined ? '' : String(round2(x)));
    });
    return [quote(csvTimestamp(s.t)), ...cells].join(',');
  }
}
