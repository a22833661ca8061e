// Containers inside a VM share its vCPUs: their demand is the VM's demand, and they can only
// ever divide what the VM's vCPUs actually ran.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { host, vm } from '../../helpers/profile.js';
import { ctr, lab, measure } from './helpers.js';

describe('containers in a VM', () => {
  it('a VM idle on its own is as busy as its containers', () => {
    const p = lab([host('esx', { pcpus: 4 })], [vm('v', 'esx', { vcpus: 2, workload: { cpu: 0 } })], [
      ctr('a', 'v', { vm: 'v', host: 'esx', workload: { cpu: 0.8 } }),
      ctr('b', 'v', { vm: 'v', host: 'esx', workload: { cpu: 0.6 } }),
    ]);
    const e = new Engine(p);
    e.advance(2000);
    e.sample();
    e.advance(10_000);
    const s = e.sample();
    expect(s.containers.map((c) => Math.round(c['cpu.usage%']))).toEqual([80, 60]);
    expect(s.vms[0]['%RUN']).toBeCloseTo(140 + 2, 0); // plus the guest kernel's housekeeping
  });

  it('weights divide the VM\'s vCPUs when the containers want more than it has', () => {
    const p = lab([host('esx', { pcpus: 4 })], [vm('v', 'esx', { vcpus: 1, workload: { cpu: 0 } })], [
      ctr('a', 'v', { vm: 'v', host: 'esx' }),
      ctr('b', 'v', { vm: 'v', host: 'esx', cpuWeight: 300 }),
    ]);
    const cs = measure(p, 2000, 10_000);
    expect(cs.get('a')!['cpu.usage%']).toBeCloseTo(24.75, 0);
    expect(cs.get('b')!['cpu.usage%']).toBeCloseTo(74.25, 0);
  });

  it('never use more CPU than the VM\'s vCPUs receive (random labs)', () => {
    const arb = fc.record({
      pcpus: fc.integer({ min: 1, max: 4 }),
      vcpus: fc.integer({ min: 1, max: 4 }),
      own: fc.double({ min: 0, max: 1, noNaN: true }),
      rivals: fc.integer({ min: 0, max: 3 }),
      quantumMs: fc.constantFrom(1, 3, 10, 20),
      containers: fc.array(fc.record({
        cpu: fc.double({ min: 0, max: 1, noNaN: true }),
        threads: fc.integer({ min: 0, max: 6 }),
        weight: fc.integer({ min: 1, max: 10000 }),
        cpuMax: fc.constantFrom(null, 0.1, 0.5, 1.5),
        freezeAt: fc.constantFrom(null, 700, 2500),
      }), { minLength: 1, maxLength: 5 }),
    });
    fc.assert(fc.property(arb, (l) => {
      const vms = [vm('v', 'esx', { vcpus: l.vcpus, workload: { cpu: l.own } }),
        ...Array.from({ length: l.rivals }, (_, i) => vm(`r${i}`, 'esx', { vcpus: 2 }))];
      const cs = l.containers.map((c, i) => ctr(`c${i}`, 'esx', {
        vm: 'v', cpuWeight: c.weight, cpuMax: c.cpuMax, workload: { cpu: c.cpu, threads: c.threads },
      }));
      const events = l.containers.flatMap((c, i) => c.freezeAt === null ? [] : [{ atMs: c.freezeAt, command: { action: 'freeze' as const, target: `c${i}` } }]);
      const p = { ...lab([host('esx', { pcpus: l.pcpus })], vms, cs, events), quantumMs: l.quantumMs };
      const e = new Engine(p);
      let from = 0;
      for (const ms of [500, 1300, 3000]) {
        e.advance(ms);
        const s = e.sample();
        const used = s.containers.reduce((a, c) => a + c['cpu.usage%'], 0);
        const run = s.vms.find((v) => v.name === 'v')!['%RUN'];
        expect(used).toBeLessThanOrEqual(run + 1e-6);
        // frozen for the whole interval: not a microsecond of CPU
        l.containers.forEach((c, i) => {
          if (c.freezeAt !== null && c.freezeAt <= from) expect(s.containers[i]['cpu.usage%']).toBe(0);
        });
        from += ms;
      }
    }), { numRuns: 60 });
  });
});
