// SPEC §5 invariants over random labs (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waterFill } from '../../src/engine/cpu/entitlement.js';
import { Engine } from '../../src/engine/engine.js';
import type { Snapshot } from '../../src/engine/snapshot.js';
import { PATTERNS, CPU_VIRT, IO_MODELS, type Profile } from '../../src/profile/types.js';
import { host, profile, vm } from '../helpers/profile.js';

const vmArb = fc.record({
  vcpus: fc.integer({ min: 1, max: 6 }),
  sharesPerVcpu: fc.constantFrom(500, 1000, 2000),
  reservation: fc.constantFrom(0, 0, 500, 1000),
  limit: fc.constantFrom(null, null, 700, 1500, 3000),
  cpu: fc.double({ min: 0, max: 1, noNaN: true }),
  threadsFrac: fc.double({ min: 0, max: 1, noNaN: true }),
  pattern: fc.constantFrom(...PATTERNS),
  periodMs: fc.integer({ min: 200, max: 20000 }),
  cpuVirt: fc.constantFrom(...CPU_VIRT),
  memoryMiB: fc.constantFrom(512, 1024, 2048, 4096),
  activeFrac: fc.double({ min: 0, max: 1, noNaN: true }),
  jvm: fc.boolean(),
  memReservationFrac: fc.constantFrom(0, 0, 0.5),
  memLimitFrac: fc.constantFrom(null, null, 0.6),
  guest: fc.constantFrom('a', 'b'),
  dirty: fc.constantFrom(0, 4, 50),
  io: fc.constantFrom(...IO_MODELS),
  net: fc.constantFrom(0, 0, 200, 900, 5000),
  netRx: fc.constantFrom(undefined, 0, 700),
  netShares: fc.constantFrom(25, 50, 100),
  iops: fc.constantFrom(0, 0, 500, 4000),
  housekeeping: fc.constantFrom(0.01, 0.01, 0, 0.003, 0.02),
});

const labArb = fc.record({
  seed: fc.integer({ min: 1, max: 1e6 }),
  quantumMs: fc.constantFrom(1, 3, 10, 20),
  hosts: fc.array(fc.record({
    pcpus: fc.integer({ min: 1, max: 6 }),
    memoryMiB: fc.constantFrom(2048, 4096, 8192),
    strict: fc.boolean(),
    hypervisor: fc.constantFrom('esxi' as const, 'vbox' as const, 'xen' as const, 'hyperv' as const, 'kvm' as const),
    nicMbit: fc.constantFrom(1000, 10000),
    diskIops: fc.constantFrom(2000, 20000),
    clock: fc.constantFrom(undefined, undefined, 0.55, 1.3),
    vms: fc.array(vmArb, { minLength: 0, maxLength: 5 }),
  }), { minLength: 1, maxLength: 3 }),
  loads: fc.array(fc.record({ at: fc.integer({ min: 0, max: 3000 }), cpu: fc.double({ min: 0.1, max: 1, noNaN: true }), forMs: fc.integer({ min: 10, max: 3000 }) }), { maxLength: 3 }),
});

type Lab = typeof labArb extends fc.Arbitrary<infer T> ? T : never;

function build(lab: Lab): Profile {
  const hosts = lab.hosts.map((h, i) => host(`h${i}`, {
    pcpus: h.pcpus, coscheduling: h.strict ? 'strict' : 'relaxed',
    hypervisor: h.hypervisor, hostOsLoad: h.hypervisor === 'vbox' ? 0.15 : 0, memoryMiB: h.memoryMiB,
    nicMbit: h.nicMbit, disk: { iops: h.diskIops, bandwidthMiBs: 1000, latencyMs: 0.5 },
    ...(h.clock === undefined ? {} : { clock: h.clock }),
  }));
  const vms = lab.hosts.flatMap((h, i) => h.vms.map((v, j) => vm(`vm${i}-${j}`, `h${i}`, {
    vcpus: v.vcpus, shares: v.sharesPerVcpu * v.vcpus, reservationMHz: v.reservation,
    limitMHz: v.limit === null ? null : Math.max(v.limit, v.reservation), cpuVirt: v.cpuVirt,
    io: v.io, netShares: v.netShares,
    memoryMiB: v.memoryMiB, memShares: 10 * v.memoryMiB, guest: v.guest,
    memReservationMiB: v.memReservationFrac * v.memoryMiB,
    memLimitMiB: v.memLimitFrac === null ? null : v.memLimitFrac * v.memoryMiB,
    workload: {
      cpu: v.cpu, threads: Math.round(v.threadsFrac * v.vcpus), pattern: v.pattern, periodMs: v.periodMs,
      dirtyMiBs: v.dirty, netMbit: v.net, netRxMbit: v.netRx, iops: v.iops, housekeeping: v.housekeeping,
      ...(v.jvm
        ? { type: 'jvm' as const, heapMiB: v.memoryMiB / 2, activeMiB: (v.activeFrac * v.memoryMiB) / 2 }
        : { activeMiB: v.activeFrac * v.memoryMiB }),
    },
  })));
  const events = vms.length === 0 ? [] : lab.loads.map((l, k) => ({
    atMs: l.at, command: { action: 'load' as const, target: vms[k % vms.length].name, cpu: l.cpu, forMs: l.forMs },
  }));
  return profile(hosts, vms, { seed: lab.seed, quantumMs: lab.quantumMs, events });
}

function runSamples(p: Profile, steps: number[]): Snapshot[] {
  const e = new Engine(p);
  return steps.map((ms) => { e.advance(ms); return e.sample(); });
}

const STEPS = [700, 1300, 2000, 30000, 60000];

describe('invariants (SPEC §5)', () => {
  it('per vCPU RUN + RDY + CSTP + WAIT = 100; MLMTD <= RDY; parts of WAIT; nothing negative or NaN', () => {
    fc.assert(fc.property(labArb, (lab) => {
      for (const s of runSamples(build(lab), STEPS)) {
        for (const v of s.vms) {
          // a VM whose reservation and overhead did not fit was refused at start: off, no vCPU time
          const on = v.state !== 'off';
          for (const c of v.vcpu) {
            const sum = c['%RUN'] + c['%RDY'] + c['%CSTP'] + c['%WAIT'];
            expect(Math.abs(sum - (on ? 100 : 0))).toBeLessThan(0.5);
            expect(c['%MLMTD']).toBeLessThanOrEqual(c['%RDY'] + 1e-9);
            expect(c['%IDLE'] + c['%VMWAIT']).toBeLessThanOrEqual(c['%WAIT'] + 1e-9);
            expect(c['%SWPWT']).toBeLessThanOrEqual(c['%VMWAIT'] + 1e-9);
          }
          // the group: its vCPU worlds and, for a VM, its VMX and MKS worlds; none while off
          const sum = v['%RUN'] + v['%RDY'] + v['%CSTP'] + v['%WAIT'];
          expect(Math.abs(sum - 100 * v.NWLD)).toBeLessThan(0.5 * Math.max(1, v.NWLD));
          if (v.NWLD > 0) expect(v.NWLD).toBe(v.vcpus + (v.kind === 'vm' ? 2 : 0));
          expect(v['%VMWAIT']).toBeLessThanOrEqual(v['%WAIT'] - v['%IDLE'] + 1e-6);
          for (const x of Object.values(v)) {
            if (typeof x === 'number') {
              expect(Number.isFinite(x)).toBe(true);
              expect(x).toBeGreaterThanOrEqual(-1e-9);
            }
          }
        }
      }
    }), { numRuns: 60 });
  });

  it('memory: MEMSZ = GRANT + MCTLSZ + SWCUR + untouched; host memory in use never exceeds physical', () => {
    fc.assert(fc.property(labArb, (lab) => {
      for (const s of runSamples(build(lab), STEPS)) {
        for (const v of s.vms.filter((x) => x.kind === 'vm')) {
          const untouched = v.MEMSZ - v.GRANT - v.MCTLSZ - v.SWCUR;
          expect(untouched).toBeGreaterThanOrEqual(-1e-6);
          expect(untouched).toBeLessThanOrEqual(v.MEMSZ + 1e-6);
          expect(v.SHRDSVD).toBeLessThanOrEqual(v.SHRD + 1e-6);
          expect(v.ZERO).toBeLessThanOrEqual(v.SHRD + 1e-6);
          expect(v.MCTLSZ).toBeLessThanOrEqual(v.MCTLMAX + 1e-6);
          expect(v.ZIP).toBeLessThanOrEqual(0.1 * v.MEMSZ + 1e-6);
        }
        for (const h of s.hosts) expect(h.MEM_FREE).toBeGreaterThanOrEqual(-1e-6);
      }
    }), { numRuns: 40 });
  });

  // %SYS includes the hypervisor work charged to a group as a whole (its I/O), and the driver
  // partitions (Domain-0, Parent-Partition) are rows of their own: both count as handed out.
  it('CPU handed out per host never exceeds pcpus x interval', () => {
    fc.assert(fc.property(labArb, (lab) => {
      for (const s of runSamples(build(lab), STEPS)) {
        for (const h of s.hosts) {
          const rows = s.vms.filter((v) => v.host === h.name);
          // %USED counts cycles at nominal: time states times the host's clock
          for (const v of rows) {
            expect(v['%USED']).toBeCloseTo((v['%RUN'] + v['%SYS'] - v['%OVRLP']) * h.clock, 6);
            for (const w of v.vcpu) expect(w['%USED']).toBeCloseTo(w['%RUN'] * h.clock, 6);
          }
          expect(h['PCPU_USED%']).toBeCloseTo(h['PCPU_UTIL%'] * h.clock, 6);
          const used = rows.reduce((a, v) => a + v['%RUN'] + v['%SYS'], 0);
          expect(used).toBeLessThanOrEqual(h.pcpus * 100 + 1e-6);
          expect(h['PCPU_UTIL%']).toBeLessThanOrEqual(100 + 1e-6);
          for (const u of h.pcpuUtil) expect(u).toBeLessThanOrEqual(100 + 1e-6);
          expect(Math.abs(h['PCPU_UTIL%'] * h.pcpus - used)).toBeLessThan(1e-6);
        }
      }
    }), { numRuns: 60 });
  });

  it('same profile, seed and commands give identical samples', () => {
    fc.assert(fc.property(labArb, (lab) => {
      const p = build(lab);
      expect(JSON.stringify(runSamples(p, STEPS))).toBe(JSON.stringify(runSamples(p, STEPS)));
    }), { numRuns: 25 });
  });

  // Demand above capacity on a relaxed ESXi host: no pCPU idles and every VM gets what
  // water-filling over its shares, reservation, limit and demand entitles it to.
  it('work conservation: a relaxed host with demand above capacity is >= 95% used and every VM within 2 points of its entitlement', () => {
    const arb = fc.record({
      pcpus: fc.integer({ min: 1, max: 8 }),
      quantumMs: fc.constantFrom(1, 3, 10, 20),
      seed: fc.integer({ min: 1, max: 1e6 }),
      vms: fc.array(fc.record({
        vcpusFrac: fc.double({ min: 0, max: 1, noNaN: true }),
        shares: fc.integer({ min: 1, max: 100000 }),
        res: fc.constantFrom(0, 0, 0.1, 0.3),
        lim: fc.constantFrom(null, null, 0.3, 0.8),
        cpu: fc.double({ min: 0.4, max: 1, noNaN: true }),
        threadsFrac: fc.double({ min: 0.3, max: 1, noNaN: true }),
      }), { minLength: 2, maxLength: 6 }),
    });
    const mhz = 2000;
    fc.assert(fc.property(arb, (lab) => {
      const P = lab.pcpus;
      const cap = P * mhz;
      const specs = lab.vms.map((v) => {
        const vcpus = 1 + Math.floor(v.vcpusFrac * (P - 0.001));
        const threads = Math.round(v.threadsFrac * vcpus);
        const reservationMHz = (v.res * cap) / lab.vms.length;
        const limitMHz = v.lim === null ? null : Math.max(v.lim * vcpus * mhz, reservationMHz);
        return { vcpus, threads, reservationMHz, limitMHz, shares: v.shares, cpu: v.cpu };
      });
      // each thread's demand plus every vCPU's 1% housekeeping, as workload.ts adds them
      const want = specs.map((x) => Math.min(
        (x.threads * Math.min(1, x.cpu + 0.01) + (x.vcpus - x.threads) * 0.01) * mhz, x.vcpus * mhz, x.limitMHz ?? Infinity,
      ));
      fc.pre(want.reduce((a, b) => a + b, 0) > cap * 1.05);
      const ent = new Float64Array(specs.length);
      waterFill(specs.length, want, specs.map((x) => x.reservationMHz), specs.map((x) => x.shares), cap, ent);
      const p = profile([host('h', { pcpus: P, mhz })], specs.map((x, i) => vm(`v${i}`, 'h', {
        vcpus: x.vcpus, shares: x.shares, reservationMHz: x.reservationMHz, limitMHz: x.limitMHz,
        workload: { cpu: x.cpu, threads: x.threads },
      })), { quantumMs: lab.quantumMs, seed: lab.seed });
      const e = new Engine(p);
      e.advance(3000);
      e.sample();
      e.advance(10000);
      const s = e.sample();
      expect(s.hosts[0]['PCPU_UTIL%']).toBeGreaterThanOrEqual(95);
      s.vms.forEach((v, i) => expect(Math.abs(v['%USED'] - (ent[i] / mhz) * 100)).toBeLessThan(2));
    }), { numRuns: 60, maxSkipsPerRun: 1000 });
  });
});
