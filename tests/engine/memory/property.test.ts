// Memory invariants over random overcommitted hosts (fast-check): the state a sample shows agrees
// with its free memory, every page is in one place, and a passthrough VM's pages are never taken.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { inBand } from '../../../src/engine/memory/minfree.js';
import type { Profile } from '../../../src/profile/types.js';
import { host, profile, vm } from '../../helpers/profile.js';

const vmArb = fc.record({
  memoryMiB: fc.constantFrom(1024, 2048, 4096),
  activeFrac: fc.double({ min: 0.1, max: 1, noNaN: true }),
  jvm: fc.boolean(),
  passthrough: fc.constantFrom(false, false, false, true),
  guest: fc.constantFrom('a', 'b', 'c'),
  reservationFrac: fc.constantFrom(0, 0, 0.5),
  limitFrac: fc.constantFrom(null, null, 0.6),
  compressible: fc.constantFrom(undefined, 0.2, 0.9),
});

const labArb = fc.record({
  seed: fc.integer({ min: 1, max: 1e6 }),
  memoryMiB: fc.constantFrom(4096, 8192, 16384),
  vms: fc.array(vmArb, { minLength: 1, maxLength: 6 }),
  loads: fc.array(fc.record({ vm: fc.nat(), at: fc.integer({ min: 0, max: 60 }), activeMiB: fc.integer({ min: 256, max: 3072 }), forS: fc.integer({ min: 5, max: 80 }) }), { maxLength: 3 }),
});

type Lab = typeof labArb extends fc.Arbitrary<infer T> ? T : never;

function build(lab: Lab): Profile {
  const vms = lab.vms.map((v, i) => {
    const heap = v.jvm ? Math.round(v.memoryMiB * v.activeFrac * 0.6) : 0;
    return vm(`vm${i}`, 'h', {
      vcpus: 2, memoryMiB: v.memoryMiB, memShares: 10 * v.memoryMiB, guest: v.guest,
      io: v.passthrough ? 'passthrough' : 'paravirtual',
      memReservationMiB: v.reservationFrac * v.memoryMiB,
      memLimitMiB: v.limitFrac === null ? null : v.limitFrac * v.memoryMiB,
      workload: {
        cpu: 0.3, activeMiB: Math.round(v.memoryMiB * v.activeFrac * (v.jvm ? 0.3 : 1)), dirtyMiBs: 4,
        type: v.jvm ? 'jvm' : 'generic', heapMiB: heap, periodMs: 20000,
        ...(v.compressible === undefined ? {} : { compressible: v.compressible }),
      },
    });
  });
  const events = lab.loads.map((l) => ({
    atMs: l.at * 1000,
    command: { action: 'load' as const, target: `vm${l.vm % vms.length}`, cpu: 0, activeMiB: l.activeMiB, forMs: l.forS * 1000 },
  }));
  return profile([host('h', { pcpus: 4, memoryMiB: lab.memoryMiB, reservedMiB: 1024 })], vms, { seed: lab.seed, events });
}

describe('memory invariants at every sample of random overcommitted hosts', () => {
  it('MEM_STATE within its band of MEM_FREE vs minFree; MEMSZ = GRANT + MCTLSZ + SWCUR + untouched; passthrough never reclaimed', () => {
    fc.assert(fc.property(labArb, (lab) => {
      const p = build(lab);
      const e = new Engine(p);
      for (let t = 0; t < 150; t++) {
        e.advance(1000);
        const s = e.sample();
        const h = s.hosts[0];
        expect(inBand(h.MEM_STATE, h.MEM_FREE, h.minFree), `t=${s.t} ${h.MEM_STATE} at ${h.MEM_FREE}/${h.minFree}`).toBe(true);
        for (const v of s.vms) {
          const untouched = v.MEMSZ - v.GRANT - v.MCTLSZ - v.SWCUR;
          expect(untouched).toBeGreaterThanOrEqual(-1e-6);
          expect(v.TCHD).toBeCloseTo(v.GRANT + v.SWCUR, 6);
          const spec = p.vms.find((x) => x.name === v.name)!;
          if (spec.io === 'passthrough') {
            expect([v.MCTLSZ, v.SWCUR, v.ZIP, v.SHRD]).toEqual([0, 0, 0, 0]);
          }
        }
      }
    }), { numRuns: 12, seed: 23 });
  });
});
