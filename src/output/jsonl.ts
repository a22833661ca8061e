// `--format jsonl`: one JSON object per sample, keys in the SPEC's order (§3).

import type { Snapshot } from '../engine/snapshot.js';
import { CPU_FIELDS } from '../fields/cpu.js';
import { round2 } from './round.js';

export function jsonlLine(s: Snapshot): string {
  const hosts = s.hosts.map((h) => ({
    name: h.name,
    hypervisor: h.hypervisor,
    state: h.state,
    'PCPU_USED%': round2(h['PCPU_USED%']),
    'PCPU_UTIL%': round2(h['PCPU_UTIL%']),
  }));
  const vms = s.vms.map((v) => {
    const row: Record<string, string | number | null> = { name: v.name, host: v.host, state: v.state, NWLD: v.NWLD };
    for (const f of CPU_FIELDS) row[f.key] = round2(v[f.key]);
    return row;
  });
  return JSON.stringify({ t: round2(s.t), hosts, vms, containers: [], vservers: [], events: s.events });
}
