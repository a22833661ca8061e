// Storage DRS's rules on pictures of a datastore cluster: which datastore needs relief, which disk
// moves where, and the numbers its reason gives (docs/model/cluster.md, TV-S1..S5).
import { describe, expect, it } from 'vitest';
import { percentile, predictLatency, recommendStorage, type DatastoreView, type DiskView } from '../../../src/engine/cluster/sdrs.js';

const GiB = 1024;
const SETTINGS = { spaceThreshold: 0.8, latencyThresholdMs: 15, spaceDifference: 0.05 };
const anywhere = () => true;

function store(name: string, capacityGiB: number, usedGiB: number, over: Partial<DatastoreView> = {}): DatastoreView {
  return {
    name, up: true, capacityMiB: capacityGiB * GiB, usedMiB: usedGiB * GiB, latencyMs: 1, servedIops: 0,
    capacityIops: 20000, baseLatencyMs: 0.5, copying: false, ...over,
  };
}
const disk = (vm: string, on: number, sizeGiB: number, iops = 0): DiskView => ({ vm, on, sizeMiB: sizeGiB * GiB, iops });

describe('Storage DRS rules', () => {
  it('TV-S1: the 90th percentile is the nearest rank: the 9th of 10 samples, the 18th of 20', () => {
    expect(percentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 0.9)).toBe(9);
    expect(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 0.9)).toBe(18);
    expect(percentile([], 0.9)).toBeNull();
    // the device's M/M/1 curve: 3 ms at idle, 1800 of 2000 IOPS -> 3 / (1 - 0.9) = 30 ms; cut at 95 %
    expect(predictLatency(3, 1800, 2000)).toBeCloseTo(30, 9);
    expect(predictLatency(3, 5000, 2000)).toBeCloseTo(60, 9);
  });

  it('TV-S2: 165 of 200 GiB (82.5 %) sheds one 55 GiB disk to the emptiest member whose latency is under 15 ms', () => {
    const stores = [store('a', 200, 165), store('b', 1024, 40, { latencyMs: 30 }), store('c', 1024, 80)];
    const disks = [disk('f1', 0, 55), disk('f2', 0, 55), disk('f3', 0, 55), disk('log', 1, 20), disk('app', 2, 80)];
    const recs = recommendStorage(stores, disks, SETTINGS, anywhere);
    expect(recs).toEqual([{
      vm: 'f1', from: 'a', to: 'c', reason: 'space', sizeMiB: 55 * GiB,
      // 110 / 200 = 55 %; c (80 + 55) / 1024 = 13.2 %; b is emptier but congested
      why: 'a 82.5% used > 80%; a → 55%, c 7.8% → 13.2%',
    }]);
  });

  it('TV-S3: the smallest disk that brings the source back under is preferred; else the largest that fits', () => {
    // 170 of 200 GiB = 85 %: 10 GiB leaves 160 / 200 = 80 %, not above the threshold
    const stores = [store('a', 200, 170), store('c', 1000, 0)];
    const some = recommendStorage(stores, [disk('big', 0, 100), disk('mid', 0, 60), disk('small', 0, 10)], SETTINGS, anywhere);
    expect(some.map((r) => r.vm)).toEqual(['small']);
    // no single disk clears 95 % (190 of 200): the largest moves first, then the next until under
    const full = [store('a', 200, 190), store('c', 1000, 0)];
    const two = recommendStorage(full, [disk('x', 0, 20), disk('y', 0, 15), disk('z', 0, 155)], { ...SETTINGS }, (vm) => vm !== 'z');
    expect(two.map((r) => `${r.vm}:${r.why}`)).toEqual([
      'x:a 95% used > 80%; a → 85%, c 0% → 2%',
      'y:a 85% used > 80%; a → 77.5%, c 2% → 3.5%',
    ]);
  });

  it('TV-S4: no move below the 5 % space difference (82 % against 79 %), nor one that would fill the destination past 80 %', () => {
    const close = recommendStorage([store('a', 100, 82), store('b', 100, 79)], [disk('v', 0, 5)], SETTINGS, anywhere);
    expect(close).toEqual([]);
    const fills = recommendStorage([store('a', 100, 90), store('b', 100, 70)], [disk('v', 0, 15)], SETTINGS, anywhere);
    expect(fills).toEqual([]);
    // a down member is neither a source nor a destination
    expect(recommendStorage([store('a', 100, 90), store('b', 100, 0, { up: false })], [disk('v', 0, 20)], SETTINGS, anywhere)).toEqual([]);
  });

  it('TV-S5: 90th percentile 30 ms on a 2000-IOPS array sheds its busiest disk (1200 IOPS) to the member that stays under 15 ms', () => {
    const stores = [
      store('b', 1024, 40, { latencyMs: 30, servedIops: 1800, capacityIops: 2000, baseLatencyMs: 3 }),
      store('c', 1024, 80, { latencyMs: 0.5, servedIops: 500, capacityIops: 20000, baseLatencyMs: 0.5 }),
      store('d', 1024, 10, { latencyMs: 9, servedIops: 1400, capacityIops: 2000, baseLatencyMs: 3 }),
    ];
    const disks = [disk('log', 0, 20, 1200), disk('web', 0, 20, 600), disk('app', 1, 80, 500), disk('db', 2, 10, 1400)];
    const recs = recommendStorage(stores, disks, SETTINGS, anywhere);
    // c: 0.5 / (1 - 1700/20000) = 0.55 ms; d would be 3 / (1 - 0.95) = 60 ms; b left 3 / (1 - 600/2000) = 4.3 ms
    expect(recs).toEqual([{
      vm: 'log', from: 'b', to: 'c', reason: 'latency', sizeMiB: 20 * GiB,
      why: 'b 90th percentile 30.0 ms > 15.0 ms; moves 1200 IOPS: b → ~4.3 ms, c → ~0.5 ms',
    }]);
    // a run a space crossing invoked judges space only; a datastore a copy runs through is not judged
    expect(recommendStorage(stores, disks, SETTINGS, anywhere, false)).toEqual([]);
    expect(recommendStorage([{ ...stores[0], copying: true }, stores[1]], disks.slice(0, 3), SETTINGS, anywhere)).toEqual([]);
  });
});
