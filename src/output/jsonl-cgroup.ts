// A container in the JSONL: its batch fields in the order docs/cli.md gives, then the extras the
// containers panel shows. "max" limits are null, numbers have two decimals.

import type { ContainerSample } from '../engine/snapshot.js';
import { CGROUP_EXTRA_FIELDS, CGROUP_FIELDS } from '../fields/cgroup.js';
import { round2 } from './round.js';

export function containerRow(c: ContainerSample): Record<string, string | number | boolean | null> {
  const row: Record<string, string | number | boolean | null> = {
    name: c.name, host: c.host, vm: c.vm, image: c.image, frozen: c.frozen,
  };
  for (const f of CGROUP_FIELDS) row[f.key] = num(c[f.key]);
  row.service = c.service;
  row.state = c.state;
  for (const f of CGROUP_EXTRA_FIELDS) row[f.key] = num(c[f.key]);
  return row;
}

function num(x: number | null): number | null {
  return x === null ? null : round2(x);
}
