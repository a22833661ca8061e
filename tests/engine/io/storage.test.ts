// Storage: a datastore with IOPS, bandwidth and base latency; latency rises with load (DAVG),
// queueing shows as KAVG, GAVG = DAVG + KAVG; SIOC divides by disk shares past 30 ms (§6.2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { SIOC_THRESHOLD_MS } from '../../../src/engine/io/constants.js';
import { Datastore } from '../../../src/engine/io/datastore.js';
import { IO_MODELS } from '../../../src/profile/types.js';
import { host, profile, vm } from '../../helpers/profile.js';
import { measure } from './run.js';

const DISK = { iops: 3500, bandwidthMiBs: 1000, latencyMs: 0.5 };

describe('SIOC (TV-6.2)', () => {
  it('a saturated 3500-IOPS datastore past 30 ms: shares 2000/1000/500 give 2000/1000/500 IOPS', () => {
    const ds = new Datastore(DISK, 3);
    const offered = Float64Array.of(3500, 3500, 3500);
    const shares = Float64Array.of(2000, 1000, 500);
    const served = new Float64Array(3);
    ds.step(offered, shares, 100, served);
    // first come first served until the queues build and the latency passes the threshold
    expect([...served].map(Math.round)).toEqual([1167, 1167, 1167]);
    expect(ds.sioc).toBe(true);
    for (let i = 0; i < 5; i++) ds.step(offered, shares, 100, served);
    expect([...served].map(Math.round)).toEqual([2000, 1000, 500]);
  });

  it('three VMs with disk shares high/normal/low on one host end up at 2000/1000/500', () => {
    const p = profile([host('h', { pcpus: 4, disk: DISK })],
      [2000, 1000, 500].map((s, i) => vm(`d${i}`, 'h', { diskShares: s, workload: { cpu: 0.1, iops: 3000 } })));
    const { vms, snap } = measure(p);
    expect(vms.get('d0')!['CMDS/s']).toBeCloseTo(2000, -1);
    expect(vms.get('d1')!['CMDS/s']).toBeCloseTo(1000, -1);
    expect(vms.get('d2')!['CMDS/s']).toBeCloseTo(500, -1);
    expect(snap.hosts[0].DISK_IOPS).toBeCloseTo(3500, -1);
    expect(snap.hosts[0].io.siocActive).toBe(true);
    // the low-share disk waits longest in the kernel
    expect(vms.get('d2')!.KAVG).toBeGreaterThan(vms.get('d0')!.KAVG);
    expect(vms.get('d0')!.GAVG).toBeGreaterThan(SIOC_THRESHOLD_MS);
  });

  it('below the threshold SIOC stays out of the way', () => {
    const p = profile([host('h', { pcpus: 4, disk: DISK })],
      [2000, 500].map((s, i) => vm(`d${i}`, 'h', { diskShares: s, workload: { cpu: 0.1, iops: 1000 } })));
    const { vms, snap } = measure(p);
    expect(vms.get('d0')!['CMDS/s']).toBeCloseTo(1000, 0);
    expect(vms.get('d1')!['CMDS/s']).toBeCloseTo(1000, 0);
    expect(snap.hosts[0].io.siocActive).toBe(false);
  });
});

describe('disk latency', () => {
  it('rises as the datastore nears its IOPS limit, then queues in the kernel past it', () => {
    const at = (iops: number) => {
      const p = profile([host('h', { pcpus: 4, disk: { iops: 10000, bandwidthMiBs: 1000, latencyMs: 2 } })],
        [vm('a', 'h', { workload: { cpu: 0.1, iops } })]);
      return measure(p).vms.get('a')!;
    };
    const loads = [1000, 5000, 8000, 9500, 12000].map(at);
    const davg = loads.map((v) => v.DAVG);
    for (let i = 1; i < 4; i++) expect(davg[i]).toBeGreaterThan(davg[i - 1]);
    expect(davg[4]).toBeGreaterThanOrEqual(davg[3]); // the device is as busy as it gets
    for (let i = 1; i < loads.length; i++) expect(loads[i].GAVG).toBeGreaterThan(loads[i - 1].GAVG);
    expect(davg[0]).toBeCloseTo(2 / 0.9, 1); // M/M/1 at 10 % busy
    expect(davg[3]).toBeGreaterThan(25); // near the limit: the array is the bottleneck
    expect(loads[3].KAVG).toBeLessThan(0.1);
    expect(loads[4].KAVG).toBeGreaterThan(2); // over it: commands queue in the kernel
    expect(loads[4]['CMDS/s']).toBeCloseTo(10000, -1);
    expect(loads[2]['MBREAD/s']).toBeCloseTo((8000 * 0.7 * 32) / 1024, 0);
    expect(loads[2]['MBWRTN/s']).toBeCloseTo((8000 * 0.3 * 32) / 1024, 0);
  });

  it('a bandwidth-bound datastore serves bandwidth / I/O size', () => {
    const p = profile([host('h', { pcpus: 4, disk: { iops: 100000, bandwidthMiBs: 100, latencyMs: 0.5 } })],
      [vm('a', 'h', { workload: { cpu: 0.1, iops: 10000 } })]);
    expect(measure(p).vms.get('a')!['CMDS/s']).toBeCloseTo(3200, -1);
  });

  it('GAVG = DAVG + KAVG in every sample (property)', () => {
    const lab = fc.record({
      seed: fc.integer({ min: 1, max: 1e6 }),
      iops: fc.integer({ min: 100, max: 30000 }),
      latency: fc.constantFrom(0.2, 0.5, 5),
      vms: fc.array(fc.record({
        iops: fc.integer({ min: 0, max: 20000 }),
        shares: fc.constantFrom(500, 1000, 2000),
        io: fc.constantFrom(...IO_MODELS),
        cpu: fc.double({ min: 0, max: 1, noNaN: true }),
        pattern: fc.constantFrom('steady' as const, 'sine' as const, 'bursty' as const),
      }), { minLength: 1, maxLength: 5 }),
    });
    fc.assert(fc.property(lab, (l) => {
      const p = profile([host('h', { pcpus: 2, hypervisor: l.seed % 2 ? 'xen' : 'esxi', disk: { iops: l.iops, bandwidthMiBs: 1000, latencyMs: l.latency } })],
        l.vms.map((v, i) => vm(`v${i}`, 'h', { io: v.io, diskShares: v.shares, workload: { cpu: v.cpu, pattern: v.pattern, periodMs: 4000, iops: v.iops } })),
        { seed: l.seed });
      const e = new Engine(p);
      for (const ms of [300, 1700, 2000, 5000]) {
        e.advance(ms);
        const s = e.sample();
        for (const v of s.vms) {
          expect(v.GAVG).toBeCloseTo(v.DAVG + v.KAVG, 9);
          if (v['CMDS/s'] > 0) expect(v.DAVG).toBeGreaterThanOrEqual(l.latency - 1e-9);
        }
        expect(s.hosts[0].io.diskGAVG).toBeCloseTo(s.hosts[0].io.diskDAVG + s.hosts[0].io.diskKAVG, 9);
      }
    }), { numRuns: 40 });
  });
});
