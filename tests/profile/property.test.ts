import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatProfileError } from '../../src/profile/errors.js';
import { familiesThat } from '../../src/profile/hypervisors.js';
import { loadProfileText } from '../../src/profile/load.js';

const VM_HYPERVISORS = familiesThat('runsVms');
const PER_VCPU = { low: 500, normal: 1000, high: 2000 } as const;

const hostArb = fc.record({
  hypervisor: fc.constantFrom(...VM_HYPERVISORS),
  pcpus: fc.integer({ min: 1, max: 1024 }),
  memoryGiB: fc.integer({ min: 8, max: 1024 }),
  mhz: fc.option(fc.integer({ min: 100, max: 5000 }), { nil: undefined }),
  count: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
});

const vmArb = fc.integer({ min: 1, max: 16 }).chain((vcpus) => fc.record({
  vcpus: fc.constant(vcpus),
  threads: fc.option(fc.integer({ min: 0, max: vcpus }), { nil: undefined }),
  cpuPct: fc.integer({ min: 0, max: 100 }),
  memoryMiB: fc.integer({ min: 1, max: 65536 }),
  shares: fc.constantFrom('low', 'normal', 'high', 1, 4000) as fc.Arbitrary<'low' | 'normal' | 'high' | number>,
  hostPick: fc.nat(),
  count: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
}));

const modelArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  hosts: fc.array(hostArb, { minLength: 1, maxLength: 4 }),
  vms: fc.array(vmArb, { maxLength: 5 }),
  eventTimes: fc.array(fc.integer({ min: 0, max: 3600 }), { maxLength: 5 }),
});
type Model = typeof modelArb extends fc.Arbitrary<infer T> ? T : never;

const clones = (name: string, count: number | undefined): string[] =>
  count === undefined ? [name] : Array.from({ length: count }, (_, i) => `${name}-${i + 1}`);

function toYaml(m: Model): { text: string; hostNames: string[]; vmNames: string[] } {
  const hostNames = m.hosts.flatMap((h, i) => clones(`h${i}`, h.count));
  const hosts = m.hosts.map((h, i) => ({
    name: `h${i}`, hypervisor: h.hypervisor, pcpus: h.pcpus, memory: `${h.memoryGiB}GiB`, mhz: h.mhz, count: h.count,
  }));
  const vms = m.vms.map((v, i) => ({
    name: `v${i}`, host: hostNames[v.hostPick % hostNames.length], vcpus: v.vcpus, memory: `${v.memoryMiB}MiB`,
    shares: v.shares, count: v.count, workload: { cpu: `${v.cpuPct}%`, threads: v.threads },
  }));
  const vmNames = m.vms.flatMap((v, i) => clones(`v${i}`, v.count));
  const events = vmNames.length === 0 ? [] : m.eventTimes.map((s, i) => ({
    at: `${s}s`, action: 'load', target: vmNames[i % vmNames.length], cpu: '50%', for: '10s',
  }));
  const text = stringify({ name: 'generated', seed: m.seed, hosts, vms, events });
  return { text, hostNames, vmNames };
}

describe('generated profiles', () => {
  it('every valid profile loads with the values it was written with', () => {
    fc.assert(fc.property(modelArb, (m) => {
      const { text, hostNames, vmNames } = toYaml(m);
      const r = loadProfileText(text, 'gen.yaml');
      if (!r.ok) throw new Error(`${text}\n${r.errors.map(formatProfileError).join('\n')}`);
      const p = r.profile;
      expect(p.seed).toBe(m.seed);
      expect(p.hosts.map((h) => h.name)).toEqual(hostNames);
      expect(p.vms.map((v) => v.name)).toEqual(vmNames);
      const firstVms = m.vms.map((_, i) => p.vms.find((v) => v.name === `v${i}` || v.name === `v${i}-1`));
      m.vms.forEach((v, i) => {
        const got = firstVms[i];
        expect(got?.workload.cpu).toBe(v.cpuPct / 100);
        expect(got?.workload.threads).toBe(v.threads ?? v.vcpus);
        expect(got?.memoryMiB).toBe(v.memoryMiB);
        expect(got?.shares).toBe(typeof v.shares === 'number' ? v.shares : PER_VCPU[v.shares] * v.vcpus);
      });
      const times = p.events.map((e) => e.atMs);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }), { numRuns: 200 });
  });

  it('damaged profiles never throw, and every error has a position and fits on one line', () => {
    const damaged = fc.tuple(modelArb, fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 12 }))
      .map(([m, at, cut, insert]) => {
        const { text } = toYaml(m);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(fc.property(damaged, (text) => {
      const r = loadProfileText(text, 'bad.yaml');
      if (r.ok) return;
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(e.line).toBeGreaterThanOrEqual(1);
        expect(e.col).toBeGreaterThanOrEqual(1);
        expect(formatProfileError(e)).not.toContain('\n');
      }
    }), { numRuns: 500 });
  });
});
