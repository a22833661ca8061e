// Memory behaviours an ESXi administrator knows, on small profiles kept as fixtures
// (tests/fixtures/memory/): each test names the test vector of docs/model/memory.md it checks.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { inBand } from '../../../src/engine/memory/minfree.js';
import type { Snapshot } from '../../../src/engine/snapshot.js';
import { loadProfileFile } from '../../../src/profile/index.js';
import { builtinProfile } from '../../helpers/builtin.js';

function fixture(name: string) {
  const r = loadProfileFile(new URL(`../../fixtures/memory/${name}.yaml`, import.meta.url).pathname);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.profile;
}

function run(name: string, seconds: number, stepS = 1): Snapshot[] {
  const e = new Engine(fixture(name));
  const out: Snapshot[] = [];
  for (let t = 0; t < seconds; t += stepS) {
    e.advance(stepS * 1000);
    out.push(e.sample());
  }
  return out;
}

describe('TV-M1 swap in on touch (swap-in.yaml)', () => {
  const samples = run('swap-in', 330);
  const at = (t: number) => samples.find((s) => s.t === t)!;
  const burst = (t: number) => at(t).vms.find((v) => v.name === 'burst')!;

  it('the burst is host-swapped while its working set is 3.2 GiB', () => {
    expect(Math.max(...samples.filter((s) => s.t <= 100).map((s) => s.vms[0]['SWW/s']))).toBeGreaterThan(5);
    expect(burst(100).SWCUR).toBeGreaterThan(100);
  });

  it('after the pressure ends the idle swapped pages stay out: SWR/s -> 0, SWCUR stays, %SWPWT -> 0', () => {
    for (let t = 280; t <= 330; t++) {
      const v = burst(t);
      expect(v['SWR/s']).toBeLessThan(0.05);
      expect(v['%SWPWT']).toBeLessThan(0.5);
      expect(v['SWW/s']).toBe(0);
    }
    // what was swapped is not read back: only the working set's pages came back
    expect(burst(330).SWCUR).toBeGreaterThan(0.8 * burst(150).SWCUR);
    expect(burst(330).SWCUR).toBeGreaterThan(100);
  });

  it('the state agrees with free memory at every sample and the host swaps only in hard or low', () => {
    for (const s of samples) {
      const h = s.hosts[0];
      expect(inBand(h.MEM_STATE, h.MEM_FREE, h.minFree)).toBe(true);
    }
    // a swap-out in an interval means the host was hard or low at some step of it: never with
    // the interval's start and end both above the hard/soft boundary's hysteresis
    for (let i = 1; i < samples.length; i++) {
      const [a, b] = [samples[i - 1].hosts[0], samples[i].hosts[0]];
      if (b['SWW/s'] > 0) expect(Math.min(a.MEM_FREE, b.MEM_FREE) / b.minFree).toBeLessThan(0.64 + 0.05 + 0.1);
    }
  });
});

describe('TV-M3 passthrough, consistently (passthrough.yaml)', () => {
  const samples = run('passthrough', 330);
  const events = samples.flatMap((s) => s.events);
  const dpAt = (t: number) => samples.find((s) => s.t === t)!.vms.find((v) => v.name === 'dp')!;

  it('its memory is all resident and never ballooned, compressed, swapped or shared while its host swaps the hog', () => {
    expect(Math.max(...samples.map((s) => s.vms.find((v) => v.name === 'hog')?.SWCUR ?? 0))).toBeGreaterThan(50);
    for (const s of samples) {
      const dp = s.vms.find((v) => v.name === 'dp')!;
      expect([dp.MCTLSZ, dp.SWCUR, dp.ZIP, dp.SHRD, dp.MCTLMAX]).toEqual([0, 0, 0, 0, 0]);
    }
    expect(dpAt(150).GRANT).toBe(2048);
  });

  it('its NIC is its own port outside NIOC: 800 Mbit/s with no drops while web fills the shared 1 Gbit uplink', () => {
    const dp = dpAt(150);
    expect(dp['MbTX/s']).toBeCloseTo(800, 0);
    expect(dp['%DRPTX']).toBe(0);
    const web = samples.find((s) => s.t === 150)!.vms.find((v) => v.name === 'web')!;
    expect(web['MbTX/s']).toBeGreaterThan(850);
    // the host's uplink carries web's traffic, not dp's
    expect(samples.find((s) => s.t === 150)!.hosts[0].io.nicTxMbps).toBeLessThan(1000);
  });

  it('FT, suspend and vMotion are refused with the reason', () => {
    const refused = events.filter((e) => e.kind === 'refused' && e.target === 'dp').map((e) => e.detail);
    expect(refused.some((d) => d.startsWith('ft:') && d.includes('passthrough'))).toBe(true);
    expect(refused.some((d) => d.startsWith('suspend:') && d.includes('passthrough'))).toBe(true);
    expect(refused.some((d) => d.startsWith('migrate:') && d.includes('passthrough'))).toBe(true);
    expect(events.some((e) => e.kind === 'ft-secondary' && e.target === 'dp')).toBe(false);
  });

  it('HA does not restart it elsewhere: it waits for the host with its device', () => {
    const unplaced = events.find((e) => e.kind === 'ha-unplaced' && e.target === 'dp');
    expect(unplaced?.detail).toContain('passthrough');
    expect(events.some((e) => e.kind === 'vm-restarted' && e.target === 'hog' && e.detail.includes('esx-b'))).toBe(true);
    const back = events.find((e) => e.kind === 'vm-restarted' && e.target === 'dp');
    expect(back?.t).toBeGreaterThanOrEqual(300);
    expect(back?.detail).toContain('esx-a');
  });
});

const builtin = builtinProfile;

describe('TV-M2 the built-in java-balloon: the state agrees with free memory', () => {
  it('at every second of 300 s the state is within its band; the host swaps only while hard or low', () => {
    const e = new Engine(builtin('java-balloon'));
    let swappedInHighOrClear = 0;
    for (let t = 0; t < 300; t++) {
      e.advance(1000);
      const h = e.sample().hosts[0];
      expect(inBand(h.MEM_STATE, h.MEM_FREE, h.minFree), `t=${t + 1}: ${h.MEM_STATE} at ${(h.MEM_FREE / h.minFree).toFixed(2)} x minFree`).toBe(true);
      // a whole second of swapping with the host above soft at both ends would be swapping in high or clear
      if ((h.MEM_STATE === 'high' || h.MEM_STATE === 'clear') && h['SWW/s'] > 1) swappedInHighOrClear++;
    }
    expect(swappedInHighOrClear).toBe(0);
  });
});

describe('TV-C5c the built-in migration profile: cache converges under SDPS', () => {
  it('cache (100 MiB/s over a 1 Gbit link) reaches esx-c with a sub-second switch-over, its guest slept', () => {
    const e = new Engine(builtin('migration'));
    e.advance(300_000);
    const end = e.sample().events.find((x) => x.kind === 'migrate-end' && x.target === 'cache')!;
    expect(end.detail).toMatch(/^on esx-c after/);
    expect(Number(/downtime ([\d.]+) s/.exec(end.detail)![1])).toBeLessThan(1);
    expect(end.detail).toMatch(/SDPS slowed the guest/);
  });
});
