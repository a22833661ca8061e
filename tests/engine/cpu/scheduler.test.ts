import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import type { VmSample } from '../../../src/engine/snapshot.js';
import { host, profile, vm } from '../../helpers/profile.js';

function run(p: ReturnType<typeof profile>, warmMs = 2000, measureMs = 20000): Map<string, VmSample> {
  const e = new Engine(p);
  e.advance(warmMs);
  e.sample();
  e.advance(measureMs);
  return new Map(e.sample().vms.map((v) => [v.name, v]));
}

describe('CPU scheduling test vectors (reference §1)', () => {
  it('TV-1.1a: High 2-vCPU VM runs 200%, Normal neighbours run 100% and are ready 100%', () => {
    const vms = run(profile([host('h', { pcpus: 4 })], [
      vm('vm1', 'h', { vcpus: 2, shares: 4000 }),
      vm('vm2', 'h', { vcpus: 2 }),
      vm('vm3', 'h', { vcpus: 2 }),
    ]));
    expect(vms.get('vm1')!['%RUN']).toBeCloseTo(200, 0);
    expect(vms.get('vm1')!['%RDY']).toBeLessThan(1);
    for (const n of ['vm2', 'vm3']) {
      expect(vms.get(n)!['%RUN']).toBeGreaterThan(98);
      expect(vms.get(n)!['%RUN']).toBeLessThan(102);
      expect(vms.get(n)!['%RDY']).toBeGreaterThan(98);
      expect(vms.get(n)!['%RDY']).toBeLessThan(102);
    }
  });

  it('TV-1.1b: three equal 2-vCPU VMs on 4 pCPUs: %RUN 133.3, %RDY 66.7 each', () => {
    const vms = run(profile([host('h', { pcpus: 4 })], [
      vm('a', 'h', { vcpus: 2 }), vm('b', 'h', { vcpus: 2 }), vm('c', 'h', { vcpus: 2 }),
    ]), 3000, 30000);
    for (const v of vms.values()) {
      expect(Math.abs(v['%RUN'] - 133.3)).toBeLessThan(2);
      expect(Math.abs(v['%RDY'] + v['%CSTP'] - 66.7)).toBeLessThan(2);
    }
  });

  it('TV-1.1c: a 1500 MHz reservation gets 75% of one 2000 MHz pCPU, the other VM 25%', () => {
    const vms = run(profile([host('h')], [
      vm('a', 'h', { reservationMHz: 1500 }), vm('b', 'h'),
    ]));
    expect(Math.abs(vms.get('a')!['%RUN'] - 75)).toBeLessThan(1.5);
    expect(Math.abs(vms.get('b')!['%RUN'] - 25)).toBeLessThan(1.5);
  });

  it('TV-1.1d: a 1000 MHz limit on a 2000 MHz core: %RUN 50, %MLMTD 50 inside %RDY 50, %WAIT 0', () => {
    const v = run(profile([host('h', { pcpus: 2 })], [vm('a', 'h', { limitMHz: 1000 })])).get('a')!;
    expect(v['%RUN']).toBeCloseTo(50, 0);
    expect(v['%RDY']).toBeCloseTo(50, 0);
    expect(v['%MLMTD']).toBeCloseTo(50, 0);
    expect(v['%WAIT']).toBeLessThan(0.5);
  });

  it('TV-1.3a: relaxed co-scheduling, 4 busy vCPUs on 2 pCPUs, θ = quantum = 3 ms', () => {
    const v = run(profile([host('h', { pcpus: 2 })], [vm('a', 'h', { vcpus: 4 })], { quantumMs: 3 }), 300, 3000).get('a')!;
    for (const c of v.vcpu) {
      expect(c['%RUN']).toBeCloseTo(50, 0);
      expect(c['%RDY']).toBeCloseTo(25, 0);
      expect(c['%CSTP']).toBeCloseTo(25, 0);
    }
    expect(v['%RDY']).toBeCloseTo(100, 0);
    expect(v['%CSTP']).toBeCloseTo(100, 0);
  });

  it('TV-1.3b: strict co-scheduling never finds 4 free pCPUs on a 2-pCPU host: all ready', () => {
    const v = run(profile([host('h', { pcpus: 2, coscheduling: 'strict' })], [vm('a', 'h', { vcpus: 4 })], { quantumMs: 3 })).get('a')!;
    for (const c of v.vcpu) {
      expect(c['%RUN']).toBe(0);
      expect(c['%RDY']).toBeCloseTo(100, 6);
    }
  });

  it('two busy 1-vCPU VMs with equal shares on one pCPU: %USED 50 and %RDY 50 each', () => {
    const vms = run(profile([host('h')], [vm('a', 'h'), vm('b', 'h')]));
    for (const v of vms.values()) {
      expect(Math.abs(v['%USED'] - 50)).toBeLessThan(2);
      expect(Math.abs(v['%RDY'] - 50)).toBeLessThan(2);
    }
  });
});
