// The CPU of a `load` command has one meaning everywhere (profile, recording, engine): `cpu` is
// what each busy thread adds, a fraction of one vCPU (0..1, a profile's 0%..100%), on `threads`
// of them (a VM's vCPUs by default). A person thinks of the total instead, as esxtop's %USED sums
// a VM's vCPUs (200 % = two vCPUs busy): the L dialog takes that total and splits it here, and
// the event log states the total first, then the split, so that a load says what it does.

/** The fewest threads that carry `totalPct` (% of one vCPU), each equally busy. */
export function splitLoad(totalPct: number): { cpu: number; threads: number } {
  const threads = Math.max(1, Math.ceil(totalPct / 100));
  return { cpu: totalPct / 100 / threads, threads };
}

/** `+150% CPU (75% on each of 2 vCPUs)`, `+100% CPU on 1 vCPU`; `unit` names a thread's place. */
export function describeLoadCpu(cpu: number, threads: number, unit: 'vCPU' | 'thread'): string {
  const total = Math.round(cpu * threads * 100);
  if (threads === 1) return `+${total}% CPU on 1 ${unit}`;
  return `+${total}% CPU (${Math.round(cpu * 100)}% on each of ${threads} ${unit}s)`;
}
