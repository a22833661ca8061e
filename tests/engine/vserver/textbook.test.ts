// TV-5a and TV-5b end to end: the profile's share/burst/hold through the loader, the engine's
// quanta and the host's fair scheduler, read back from samples and hold/unhold events.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import type { EngineEvent } from '../../../src/engine/snapshot.js';
import type { Profile } from '../../../src/profile/types.js';
import { loadOk, yaml } from '../../profile/helpers.js';

const TICK_S = 0.001; // W = 1000

function lab(guest: string, hz = 1000, quantum = '10ms'): Profile {
  return loadOk(yaml(
    'name: tv', `quantum: ${quantum}`,
    'hosts:', `  - { name: lx, hypervisor: vserver, pcpus: 1, memory: 4GiB, hz: ${hz} }`,
    'vservers:', `  - { name: g, host: lx, context: 101, workload: { cpu: 100% }, ${guest} }`,
  ));
}

function run(p: Profile, seconds: number): EngineEvent[] {
  const e = new Engine(p);
  e.advance(seconds * 1000);
  return e.sample().events;
}

describe('TV-5a: half a CPU, 30 s burst, 5 s hold, W = 1000', () => {
  const p = lab('share: 50%, burst: 30s, hold: 5s');

  it('gives M = 2500 and S = 15000 (R/T = 1/2)', () => {
    expect(p.vservers[0]).toMatchObject({ fillRate: 1, interval: 2, tokensMin: 2500, tokensMax: 15000, tokens: 15000 });
  });

  it('an always-busy guest alone on one CPU is first held at 30 s, for 5 s', () => {
    const ev = run(p, 40);
    const hold = ev.find((x) => x.kind === 'hold');
    const unhold = ev.find((x) => x.kind === 'unhold');
    expect(hold && unhold).toBeTruthy();
    expect(Math.abs(hold!.t - 30)).toBeLessThanOrEqual(TICK_S + 1e-9);
    expect(Math.abs(unhold!.t - hold!.t - 5)).toBeLessThanOrEqual(TICK_S + 1e-9);
  });

  it('uses 50% of the CPU over the long run, and the counters add up', () => {
    const e = new Engine(p);
    e.advance(40_000);
    const first = e.sample();
    e.advance(1_000_000);
    const s = e.sample();
    const g = s.vservers[0];
    expect(Math.abs(g['%USED'] - 50)).toBeLessThanOrEqual(1);
    expect(Math.abs(g['%HELD'] - 50)).toBeLessThanOrEqual(1);
    // one hold per 10 s cycle after the first 30 s burst, 5 s each; every one an event
    const holds = [...first.events, ...s.events].filter((x) => x.kind === 'hold');
    expect(g.holds).toBe(holds.length);
    expect(Math.abs(g.holds - (1 + (1040 - 30) / 10))).toBeLessThanOrEqual(1);
    const ended = g.held ? g.holds - 1 : g.holds;
    expect(Math.abs(g.held_s - ended * 5)).toBeLessThanOrEqual(5 + g.holds * TICK_S);
    expect(s.hosts[0]['PCPU_USED%']).toBeCloseTo(g['%USED'], 6);
  });

  it('the same at hz 250 with quanta of a fractional number of ticks (2.5)', () => {
    const q = lab('share: 50%, burst: 30s, hold: 5s', 250);
    expect(q.vservers[0]).toMatchObject({ tokensMin: 625, tokensMax: 3750 });
    const ev = run(q, 40);
    const hold = ev.find((x) => x.kind === 'hold')!;
    const unhold = ev.find((x) => x.kind === 'unhold')!;
    expect(Math.abs(hold.t - 30)).toBeLessThanOrEqual(1 / 250 + 1e-9);
    expect(Math.abs(unhold.t - hold.t - 5)).toBeLessThanOrEqual(1 / 250 + 1e-9);
  });
});

describe('TV-5b: the kernel\'s defaults (no bucket keys: fill 1 every 4 ticks, 15..125)', () => {
  it('takes the defaults; from empty the guest is held 60 jiffies, then bursts ~167 ticks', () => {
    const p = lab('tokens: 0', 1000, '1ms');
    expect(p.vservers[0]).toMatchObject({ fillRate: 1, interval: 4, tokensMin: 15, tokensMax: 125, tokens: 0 });
    const ev = run(p, 1);
    expect(ev[0]).toMatchObject({ t: 0, kind: 'hold' });
    expect(ev[1].kind).toBe('unhold');
    expect(ev[1].t).toBeCloseTo(0.06, 9);
    const full = run(lab('', 1000, '1ms'), 1).find((x) => x.kind === 'hold')!;
    expect(Math.abs(full.t - 0.167)).toBeLessThanOrEqual(TICK_S + 1e-9);
  });

  it('uses 25% of the CPU over the long run', () => {
    const e = new Engine(lab(''));
    e.advance(2000);
    e.sample();
    e.advance(100_000);
    expect(Math.abs(e.sample().vservers[0]['%USED'] - 25)).toBeLessThanOrEqual(1);
  });
});

describe('soft scheduling: never held, the bucket level moves the priority (§5.1)', () => {
  it('of two busy guests the one whose bucket keeps up gets most of the CPU', () => {
    const p = loadOk(yaml(
      'name: soft', 'hosts:', '  - { name: lx, hypervisor: vserver, pcpus: 1, memory: 4GiB }', 'vservers:',
      '  - { name: small, host: lx, context: 2, sched: soft, share: 10%, burst: 2s, hold: 100ms, workload: { cpu: 100% } }',
      '  - { name: big, host: lx, context: 3, sched: soft, share: 80%, burst: 2s, hold: 100ms, workload: { cpu: 100% } }',
    ));
    const e = new Engine(p);
    e.advance(20_000);
    e.sample();
    e.advance(40_000);
    const s = e.sample();
    const [small, big] = s.vservers;
    expect(small.holds + big.holds).toBe(0);
    expect(s.events.filter((x) => x.kind === 'hold')).toEqual([]);
    expect(small.prio).toBeGreaterThan(big.prio);
    expect(big['%USED']).toBeGreaterThan(70);
    expect(small['%USED'] + big['%USED']).toBeCloseTo(100, 0);
  });
});
