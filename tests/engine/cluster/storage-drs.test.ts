// Storage DRS in the engine, on the built-in `storage-drs` profile: a datastore past 80 % used is
// found at the first sample (a space crossing invokes it), one past 15 ms at the first run on the
// interval; manual lists the moves with their reasons, auto starts the Storage vMotions, whose copy
// takes its time and loads both datastores (TV-S6, TV-S7).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { BUILTIN_DIR } from '../../../src/profile/builtin.js';
import { loadProfileText } from '../../../src/profile/load.js';
import type { Profile } from '../../../src/profile/types.js';
import { events, run } from './helpers.js';

function storageDrs(mode: 'manual' | 'auto'): Profile {
  const text = readFileSync(`${BUILTIN_DIR}storage-drs.yaml`, 'utf8').replace('sdrs: manual', `sdrs: ${mode}`);
  const r = loadProfileText(text, 'storage-drs.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.profile;
}

describe('Storage DRS', () => {
  it('TV-S6 manual: esx-a at 82.5 % is found at 1 s, esx-b\'s 30 ms at the 120 s run; each recommendation says why, nothing moves', () => {
    const e = new Engine(storageDrs('manual'));
    const samples = run(e, 130_000, 10_000);
    const recs = events(samples, 'sdrs-recommend');
    expect(recs.map((r) => [r.t, r.target, r.detail])).toEqual([
      [1, 'files-1', 'disk esx-a → esx-c (space: esx-a 82.5% used > 80%; esx-a → 55%, esx-c 7.8% → 13.2%); H, Tab applies it'],
      [120, 'files-1', 'disk esx-a → esx-c (space: esx-a 82.5% used > 80%; esx-a → 55%, esx-c 7.8% → 13.2%); H, Tab applies it'],
      // esx-b: 1800 of 2000 IOPS at 3 ms idle -> 3 / (1 - 0.9) = 30 ms; without log's 1200, 3 / 0.7 = 4.3 ms;
      // esx-c with app's 500, files-1's 300 (the space move planned first) and log's 1200: 0.5 / (1 - 0.1) = 0.56 ms
      [120, 'log', 'disk esx-b → esx-c (latency: esx-b 90th percentile 30.0 ms > 15.0 ms; moves 1200 IOPS: esx-b → ~4.3 ms, esx-c → ~0.6 ms); H, Tab applies it'],
    ]);
    expect(events(samples, 'svmotion-start')).toEqual([]);
    const sdrs = samples.at(-1)!.cluster!.storageDrs!;
    expect(sdrs.recommendations.map((r) => `${r.vm} ${r.from}→${r.to} ${r.reason}`)).toEqual(['files-1 esx-a→esx-c space', 'log esx-b→esx-c latency']);
    const ds = Object.fromEntries(sdrs.datastores.map((d) => [d.name, d]));
    expect(ds['esx-a'].usedMiB).toBe(3 * 55 * 1024);
    expect(ds['esx-a'].overSpace).toBe(true);
    expect(ds['esx-b'].p90Ms).toBeCloseTo(30, 1);
    expect(ds['esx-b'].overLatency).toBe(true);
    expect(ds['esx-c'].p90Ms).toBeLessThan(1);
    expect(sdrs.nextRunS).toBe(240);
  });

  it('TV-S7 auto: files-1\'s 55 GiB copy at half of 1000 MiB/s ends after ~113 s; then log leaves esx-b, whose latency falls to ~4 ms', () => {
    const e = new Engine(storageDrs('auto'));
    const samples = run(e, 400_000, 10_000);
    const moves = events(samples, 'sdrs-move');
    expect(moves.map((m) => [m.t, m.target])).toEqual([[1, 'files-1'], [120, 'log']]);
    const ends = events(samples, 'svmotion-end');
    expect(ends.map((x) => x.target)).toEqual(['files-1', 'log']);
    // 56320 MiB / 500 MiB/s = 112.6 s
    expect(ends[0].t - 1).toBeGreaterThan(112.6);
    expect(ends[0].t - 1).toBeLessThan(113);
    const last = samples.at(-1)!;
    const ds = Object.fromEntries(last.cluster!.storageDrs!.datastores.map((d) => [d.name, d]));
    expect(ds['esx-a'].usedMiB / ds['esx-a'].capacityMiB).toBeCloseTo(0.55, 3);
    // web alone on esx-b: 600 of 2000 IOPS -> 3 / 0.7 = 4.29 ms
    expect(ds['esx-b'].latencyMs).toBeCloseTo(4.29, 1);
    expect(last.vms.find((v) => v.name === 'log')!.datastore).toBe('esx-c');
    // no third move: web's datastore is under the threshold once log's copy is done
    expect(events(samples, 'sdrs-move')).toHaveLength(2);
  });
});
