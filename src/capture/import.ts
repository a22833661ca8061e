// A capture -> a what-if profile: the host's shape and each VM's configuration and mean demand,
// so the lab can be re-run with other shares, vCPUs or hosts. Means are over samples 2..N: an
// esxtop capture's first sample covers no interval of its own. Every value's YAML comment names
// the counter it came from. Pure: the CLI feeds it the samples.

import type { CaptureLayout, GroupLayout } from './layout.js';
import type { CaptureSample } from './parser.js';
import { captureSnapshot, type CaptureWorld } from './snapshot.js';
import type { VmSample } from '../engine/snapshot.js';
import { GUEST_HOUSEKEEPING } from '../engine/cpu/workload.js';

/** vmtop's guest kernel keeps each vCPU 1% busy unless `housekeeping` says otherwise (docs/model/cpu.md) */
const HOUSEKEEPING_PCT = GUEST_HOUSEKEEPING * 100;
/** configured memory: the largest multiple of this below Memory Size MBytes, which adds the VMX's overhead */
const MEMORY_STEP_MIB = 256;

/** the idle loop of each pCPU: `1:system:65537:idle1` */
const IDLE_WORLD = /^idle\d*$/;

interface Sums { n: number; vm: Map<number, Record<string, number>>; host: Record<string, number> }

/** Running means over samples 2..N (sample 1 when it is the only one). */
export class CaptureMeans {
  private sums: Sums = { n: 0, vm: new Map(), host: {} };
  private first: Sums | null = null;
  private last: VmSample[] = [];

  constructor(private readonly layout: CaptureLayout) {}

  add(s: CaptureSample): void {
    const snap = captureSnapshot(this.layout, s.values, s.t, s.interval, { file: '', index: s.index, count: null, label: s.label });
    const into = s.index === 1 ? (this.first = { n: 0, vm: new Map(), host: {} }) : this.sums;
    into.n++;
    const h = snap.hosts[0];
    const acc = (o: Record<string, number>, k: string, x: number) => { if (!Number.isNaN(x)) o[k] = (o[k] ?? 0) + x; };
    acc(into.host, 'used', h['PCPU_USED%']);
    for (const v of snap.vms) {
      const o = into.vm.get(v.gid) ?? {};
      into.vm.set(v.gid, o);
      for (const k of ['%RUN', '%RDY', '%USED', 'MbTX/s', 'MbRX/s', 'CMDS/s', 'TCHD', 'ACTV'] as const) acc(o, k, v[k]);
      // the pCPUs' idle loops are worlds of the system group: running them is no work
      if (v.kind === 'system') {
        for (const w of v.vcpu as CaptureWorld[]) if (IDLE_WORLD.test(w.world)) { acc(o, 'IDLE_RUN', w['%RUN']); acc(o, 'IDLE_USED', w['%USED']); }
      }
    }
    this.last = snap.vms;
  }

  /** mean of `key` for a group (or the host with gid -1); NaN when no sample had it */
  mean(gid: number, key: string): number {
    const s = this.sums.n > 0 ? this.sums : this.first!;
    const o = gid < 0 ? s.host : s.vm.get(gid);
    const x = o?.[gid < 0 ? 'used' : key];
    return x === undefined ? NaN : x / s.n;
  }

  get samples(): number {
    return this.sums.n > 0 ? this.sums.n : (this.first?.n ?? 0);
  }

  /** the configuration counters (sizes, ALLOC) as the last sample has them */
  lastOf(gid: number): VmSample | undefined {
    return this.last.find((v) => v.gid === gid);
  }
}

const fixed = (x: number, d = 2) => Number(x.toFixed(d));
const pct = (x: number) => `${fixed(Math.max(0, x), 2)}%`;

/** profile names: letters, digits, `-` and `_`; a capture's may hold dots and spaces */
function profileName(name: string, taken: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'vm';
  if (!/^[A-Za-z]/.test(base)) base = `vm-${base}`;
  let n = base;
  for (let k = 2; taken.has(n); k++) n = `${base}-${k}`;
  taken.add(n);
  return n;
}

export function importProfile(layout: CaptureLayout, m: CaptureMeans, source: string, lastValues: Float32Array): string {
  const snap = captureSnapshot(layout, lastValues, 0, 0, { file: source, index: 0, count: null, label: '' });
  const h = snap.hosts[0];
  const taken = new Set<string>();
  const host = profileName(layout.host, taken);
  const lines: string[] = [];
  const out = (s: string) => lines.push(s);
  const vms = layout.groups.filter((g) => g.kind === 'vm');
  const others = layout.groups.filter((g) => g.kind === 'system');
  const busy = (g: GroupLayout, key: string, idle: string) => m.mean(g.gid, key) - (Number.isNaN(m.mean(g.gid, idle)) ? 0 : m.mean(g.gid, idle));
  const runOf = (g: GroupLayout) => busy(g, '%RUN', 'IDLE_RUN');
  const usedOf = (g: GroupLayout) => busy(g, '%USED', 'IDLE_USED');
  const sumOf = (gs: GroupLayout[], f: (g: GroupLayout) => number) => gs.reduce((a, g) => a + (Number.isNaN(f(g)) ? 0 : f(g)), 0);
  const run = sumOf(layout.groups, runOf);
  const used = sumOf(layout.groups, usedOf);

  // %USED counts cycles at nominal, %RUN time: their ratio over every group is the mean clock
  const clock = run > 0 && used > 0 ? used / run : NaN;
  out(`# Imported by vmtop import from ${source}: host ${layout.host}, ${m.samples} sample(s) averaged (samples 2..N).`);
  out('# A what-if lab: change shares, vCPUs or add a host and run it (vmtop, vmtop batch).');
  out(`name: ${profileName(`${layout.host}-import`, new Set())}`);
  out(`description: what-if lab from an esxtop capture of ${layout.host}`);
  out('hosts:');
  out(`  - name: ${host}`);
  out('    hypervisor: esxi');
  out(`    pcpus: ${layout.pcpus.length}  # Physical Cpu instances other than _Total`);
  if (!Number.isNaN(h.mhz)) out(`    mhz: ${Math.round(h.mhz)}  # Power(0)\\P-State MHZ, the top P-state`);
  if (!Number.isNaN(h.MEM_TOTAL)) out(`    memory: ${Math.round(h.MEM_TOTAL)}MiB  # Memory\\Machine MBytes`);
  if (!Number.isNaN(clock)) {
    out(`    clock: ${pct(clock * 100)}  # the groups' Group Cpu\\% Used ${fixed(used)} over their % Run ${fixed(run)} (idle loops left out):`);
    out('    # %USED counts cycles at the nominal clock; power management (P-states, C1E) ran this host below it');
  }
  out('vms:');
  for (const g of vms) {
    const v = m.lastOf(g.gid)!;
    const name = profileName(g.name, taken);
    const vcpus = Math.max(1, v.vcpus);
    out(`  - name: ${name}${name !== g.name ? `  # ${g.name}` : ''}`);
    out(`    host: ${host}`);
    out(`    vcpus: ${vcpus}  # its vmx-vcpu-N worlds (Members counts ${v.NWLD} worlds with vmx, mks, svga)`);
    const memsz = v.MEMSZ;
    const memory = Number.isNaN(memsz) ? NaN : Math.max(MEMORY_STEP_MIB, Math.floor(memsz / MEMORY_STEP_MIB) * MEMORY_STEP_MIB);
    if (!Number.isNaN(memory)) out(`    memory: ${memory}MiB  # Group Memory\\Memory Size MBytes ${fixed(memsz)}, with overhead: down to a multiple of ${MEMORY_STEP_MIB} MiB`);
    if (!Number.isNaN(v.shares)) out(`    shares: ${Math.round(v.shares)}  # Group Cpu\\Alloc Shares`);
    if (v.reservationMHz > 0) out(`    reservation: ${Math.round(v.reservationMHz)}MHz  # Group Cpu\\Alloc Min`);
    if (v.limitMHz !== null && !Number.isNaN(v.limitMHz) && v.limitMHz > 0) out(`    limit: ${Math.round(v.limitMHz)}MHz  # Group Cpu\\Alloc Max`);
    const r = runOf(g);
    const rdy = m.mean(g.gid, '%RDY');
    const perVcpu = r / vcpus;
    const ready = Number.isNaN(rdy) ? '' : `; its % Ready (${fixed(rdy)}) is what the host made it wait, not demand vmtop adds`;
    out('    workload:');
    if (perVcpu < HOUSEKEEPING_PCT) {
      // an idle guest: its kernel's own load is all the capture shows
      out(`      cpu: 0%  # Group Cpu\\% Run mean ${fixed(r)} over ${vcpus} vCPU(s): below vmtop's ${HOUSEKEEPING_PCT}% guest housekeeping a vCPU${ready}`);
      out(`      housekeeping: ${pct(Math.max(0, perVcpu))}  # this idle guest's kernel load a vCPU, from the same mean`);
    } else {
      out(`      cpu: ${pct(perVcpu - HOUSEKEEPING_PCT)}  # Group Cpu\\% Run mean ${fixed(r)} over ${vcpus} vCPU(s), less vmtop's ${HOUSEKEEPING_PCT}% guest housekeeping a vCPU${ready}`);
    }
    out(`      threads: ${vcpus}`);
    const actv = m.mean(g.gid, 'ACTV');
    const tchd = m.mean(g.gid, 'TCHD');
    const active = !Number.isNaN(actv) ? actv : tchd;
    if (!Number.isNaN(active) && !Number.isNaN(memory)) {
      out(`      active: ${Math.round(Math.min(active, memory))}MiB  # ${!Number.isNaN(actv) ? 'Group Memory\\% Active Estimate x Memory Size MBytes' : 'Group Memory\\Touched MBytes'}, mean`);
    }
    const tx = m.mean(g.gid, 'MbTX/s');
    const rx = m.mean(g.gid, 'MbRX/s');
    if (!Number.isNaN(tx) && tx > 0) out(`      net: ${fixed(tx, 3)}Mbit  # Network Port\\MBits Transmitted/sec, mean over its ports`);
    if (!Number.isNaN(rx) && rx > 0) out(`      net_rx: ${fixed(rx, 3)}Mbit  # Network Port\\MBits Received/sec, mean`);
    const iops = m.mean(g.gid, 'CMDS/s');
    if (!Number.isNaN(iops) && iops >= 0.5) out(`      iops: ${Math.round(iops)}  # Virtual Disk\\Commands/sec, mean`);
  }
  const bg = sumOf(others, runOf);
  if (others.length > 0 && bg > 0) {
    const vcpus = Math.max(1, layout.pcpus.length);
    out(`  # The host's own groups (${others.length}: system, helper, drivers, user worlds such as hostd) ran ${fixed(bg)}% of %RUN (idle loops left out),`);
    out(`  # ${run > 0 ? Math.round((100 * bg) / run) : 0}% of the capture's: a background load standing in for them.`);
    out('  - name: esxi-system');
    out(`    host: ${host}`);
    out(`    vcpus: ${vcpus}`);
    out('    memory: 256MiB');
    out('    workload:');
    out(`      cpu: ${pct(bg / vcpus)}  # the non-VM groups' Group Cpu\\% Run, mean ${fixed(bg)}, spread over ${vcpus} vCPUs`);
    out(`      threads: ${vcpus}`);
    out('      housekeeping: 0%  # the VMkernel\'s own worlds: no guest kernel of their own');
  }
  return `${lines.join('\n')}\n`;
}
