// SPEC §5 for VServer guests over random labs (fast-check), checked after every quantum:
// 0 <= tokens <= S; a held guest runs no tick; a host never hands out more CPU than it has.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/engine/rng.js';
import { buildHosts } from '../../../src/engine/runtime.js';
import { PATTERNS, type Profile, type VServerSpec } from '../../../src/profile/types.js';
import { host, profile } from '../../helpers/profile.js';
import { guest } from './helpers.js';

const guestArb = fc.record({
  R: fc.integer({ min: 1, max: 3 }),
  T: fc.integer({ min: 1, max: 60 }),
  S: fc.integer({ min: 1, max: 1500 }),
  mFrac: fc.double({ min: 0, max: 1, noNaN: true }),
  startFrac: fc.double({ min: 0, max: 1, noNaN: true }),
  soft: fc.boolean(),
  cpu: fc.double({ min: 0, max: 1, noNaN: true }),
  threads: fc.integer({ min: 0, max: 4 }),
  pattern: fc.constantFrom(...PATTERNS),
  periodMs: fc.integer({ min: 50, max: 5000 }),
});

const labArb = fc.record({
  seed: fc.integer({ min: 1, max: 1e6 }),
  quantumMs: fc.constantFrom(1, 3, 10, 20),
  hosts: fc.array(fc.record({
    pcpus: fc.integer({ min: 1, max: 4 }),
    hz: fc.constantFrom(100, 250, 300, 1000, 1200),
    guests: fc.array(guestArb, { minLength: 1, maxLength: 4 }),
  }), { minLength: 1, maxLength: 2 }),
});

/** Plain throw instead of expect: it runs per guest per quantum, millions of times. */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

type Lab = typeof labArb extends fc.Arbitrary<infer T> ? T : never;

function build(lab: Lab): Profile {
  const hosts = lab.hosts.map((h, i) => host(`lx${i}`, { hypervisor: 'vserver', pcpus: h.pcpus, hz: h.hz }));
  const vservers: VServerSpec[] = lab.hosts.flatMap((h, i) => h.guests.map((g, j) => {
    const S = g.S;
    const M = Math.floor(g.mFrac * S);
    return guest(`vs${i}-${j}`, `lx${i}`, {
      context: 100 + j, fillRate: g.R, interval: g.T, tokensMax: S, tokensMin: M,
      tokens: Math.floor(g.startFrac * S), sched: g.soft ? 'soft' : 'hard',
      workload: { cpu: g.cpu, threads: g.threads, pattern: g.pattern, periodMs: g.periodMs },
    });
  }));
  return profile(hosts, [], { seed: lab.seed, quantumMs: lab.quantumMs, vservers });
}

describe('VServer invariants', () => {
  it('tokens stay in 0..S, held guests run no tick, hosts hand out no more than they have', () => {
    // how often the interesting cases came up, so a change that hides them fails too
    const seen = { heldQuanta: 0, cappedQuanta: 0 };
    fc.assert(fc.property(labArb, (lab) => {
      const p = build(lab);
      const q = p.quantumMs;
      const hosts = buildHosts(p, new Rng(p.seed));
      const quanta = Math.ceil(3000 / q);
      for (let n = 0; n < quanta; n++) {
        const t = n * q;
        for (const h of hosts) {
          const vs = h.vservers!;
          const cpu = h.cpu;
          const heldBefore = vs.guests.map((x) => x.bucket.held);
          vs.before(t, cpu);
          cpu.step();
          vs.after(cpu, () => {});
          let used = 0;
          vs.guests.forEach((x, i) => {
            const b = x.bucket;
            const at = `${x.spec.name} at ${t} ms`;
            check(Number.isInteger(b.tokens) && b.tokens >= 0 && b.tokens <= b.p.S, `${at}: tokens ${b.tokens} outside 0..${b.p.S}`);
            // held from an empty bucket until it is back at M
            check(!b.held || b.tokens < Math.max(b.p.M, 1), `${at}: held with ${b.tokens} >= M ${b.p.M}`);
            check(b.p.hard || b.holds === 0, `${at}: a soft guest was held`);
            const { ticks, held, usedMs } = x.quantum;
            // held for the whole quantum: no CPU at all
            check(!(heldBefore[i] && held === ticks) || usedMs === 0, `${at}: ran ${usedMs} ms while held`);
            if (heldBefore[i] && held === ticks) seen.heldQuanta++;
            else if (held > 0) seen.cappedQuanta++;
            // where a quantum is a whole number of ticks, the CPU it got fits in the ticks it was not held
            const room = ((ticks - held) * x.P * 1000) / h.spec.hz;
            check((q * h.spec.hz) % 1000 !== 0 || usedMs <= room + 1e-6, `${at}: ran ${usedMs} ms in ${ticks - held} free ticks`);
            used += usedMs;
          });
          check(used <= h.spec.pcpus * q + 1e-6, `${h.spec.name} at ${t} ms: handed out ${used} ms`);
        }
      }
    }), { numRuns: 60 });
    expect(seen.heldQuanta).toBeGreaterThan(100);
    expect(seen.cappedQuanta).toBeGreaterThan(100);
  });
});
