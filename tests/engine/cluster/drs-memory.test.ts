// DRS balances memory beside CPU (docs/model/cluster.md, TV-C4): per host the normalized memory
// entitlement, the cluster's imbalance the larger of the CPU and memory ones.
import { describe, expect, it } from 'vitest';
import { combinedImbalance, drsPriority, imbalance, memDemandMiB, recommend } from '../../../src/engine/cluster/drs.js';
import { Engine } from '../../../src/engine/engine.js';
import type { Snapshot } from '../../../src/engine/snapshot.js';
import { loadProfileFile } from '../../../src/profile/index.js';

describe('DRS memory load (TV-C4)', () => {
  it('a VM\'s memory demand: active + a quarter of idle consumed + overhead', () => {
    expect(memDemandMiB(1024, 3072, 40)).toBe(1024 + 512 + 40);
    expect(memDemandMiB(2048, 1024, 0)).toBe(2048); // consumed below active: no idle part
  });

  it('hosts even on CPU but at 0.9 and 0.1 of memory: imbalance 0.4, priority 2, a move of memory', () => {
    const mem = imbalance([0.9, 0.1]);
    expect(mem).toBeCloseTo(0.4, 9);
    expect(combinedImbalance(imbalance([0.3, 0.3]), mem)).toBeCloseTo(0.4, 9);
    expect(drsPriority(0.4, 2)).toBe(2);
    const recs = recommend(['a', 'b'], [10000, 10000], [3000, 3000], [
      { vm: 'x', host: 0, mhz: 1500, mib: 4000 }, { vm: 'y', host: 0, mhz: 1500, mib: 5000 }, { vm: 'z', host: 1, mhz: 3000, mib: 1000 },
    ], () => true, 4, [10000, 10000], [9000, 1000]);
    expect(recs[0]).toMatchObject({ vm: 'x', from: 'a', to: 'b', priority: 2 });
    expect(recs[0].after).toBeLessThan(recs[0].before);
  });

  it('without memory figures it balances CPU alone, as before', () => {
    const recs = recommend(['h1', 'h2'], [1000, 1000], [800, 200], [
      { vm: 'a', host: 0, mhz: 300 }, { vm: 'b', host: 0, mhz: 500 }, { vm: 'c', host: 1, mhz: 200 },
    ], () => true);
    expect(recs.map((r) => r.vm)).toEqual(['a']);
  });
});

describe('drs-memory.yaml: a host short of memory beside one with plenty, little CPU anywhere', () => {
  const r = loadProfileFile(new URL('../../fixtures/memory/drs-memory.yaml', import.meta.url).pathname);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const e = new Engine(r.profile);
  const samples: Snapshot[] = [];
  for (let t = 0; t < 200; t += 10) {
    e.advance(10_000);
    samples.push(e.sample());
  }
  const at = (t: number) => samples.find((s) => s.t === t)!;

  it('before DRS runs: CPU is even (imbalance 0.03), memory is not; the cluster shows both', () => {
    const c = at(60).cluster!;
    expect(c.cpuImbalance).toBeLessThan(0.05);
    expect(c.memImbalance).toBeGreaterThan(0.3);
    expect(c.imbalance).toBe(c.memImbalance);
    expect(c.hosts.find((h) => h.name === 'esx-a')!.memLoad).toBeGreaterThan(0.6);
  });

  it('its first run (60 s, automatic, threshold 3) moves a VM to the host with free memory; nobody swaps', () => {
    const moves = samples.flatMap((s) => s.events).filter((x) => x.kind === 'migrate-start');
    expect(moves[0]).toMatchObject({ t: 60, target: 'db' });
    expect(moves[0].detail).toContain('esx-a -> esx-b (DRS)');
    for (const s of samples) for (const v of s.vms) expect(v.SWCUR).toBe(0);
    expect(at(190).cluster!.memImbalance).toBeLessThan(at(60).cluster!.memImbalance);
  });
});
