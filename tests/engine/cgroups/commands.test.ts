// scale, checkpoint and restore, load: what they change and what they report.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import type { Command } from '../../../src/profile/types.js';
import { host, vm } from '../../helpers/profile.js';
import { byName, ctr, lab, linux, svc } from './helpers.js';

const at = (s: number, command: Command) => ({ atMs: s * 1000, command });

describe('scale', () => {
  const p = lab([linux('h', 8)], [], svc('web', 2, ctr('x', 'h', { workload: { cpu: 0.6, threads: 1, activeMiB: 50 } })), [
    at(10, { action: 'scale', target: 'web', replicas: 4 }),
    at(20, { action: 'scale', target: 'web', replicas: 1 }),
  ]);
  const e = new Engine(p);
  e.advance(10_000);
  const two = e.sample();
  e.advance(10_000);
  const four = e.sample();
  e.advance(10_000);
  const one = e.sample();

  it('more replicas share the service\'s load (each gets less); fewer share it (each gets more)', () => {
    expect(two.containers.map((c) => Math.round(c['cpu.usage%']))).toEqual([60, 60]);
    expect(four.containers.map((c) => c.name)).toEqual(['web-1', 'web-2', 'web-3', 'web-4']);
    for (const c of four.containers.slice(0, 2)) expect(c['cpu.usage%']).toBeCloseTo(30, 0);
    expect(one.containers.map((c) => c.name)).toEqual(['web-1']);
    expect(one.containers[0]['cpu.usage%']).toBeCloseTo(100, 0); // 120% of load on one thread: capped
    expect(four.events.find((ev) => ev.kind === 'scale')?.detail).toBe('replicas 2 -> 4: load per replica 60% -> 30% of one CPU');
    expect(four.services[0]).toMatchObject({ name: 'web', replicas: 4 });
  });

  it('replicas share their image\'s layers: real disk use is a fraction of a full copy each', () => {
    const c = four.containers[0];
    expect(c['disk.full']).toBeCloseTo(4, 6);
    expect(c['disk.real']).toBeCloseTo(1, 6);
  });
});

describe('checkpoint and restore', () => {
  const p = lab([linux('h', 2), linux('h2', 2, { disk: { iops: 20000, bandwidthMiBs: 100, latencyMs: 0.5 } })], [],
    [ctr('db', 'h', { workload: { activeMiB: 200, cpu: 0.5 } })], [
      at(20, { action: 'checkpoint', target: 'db' }),
      at(30, { action: 'restore', target: 'db', to: 'h2' }),
    ]);
  const e = new Engine(p);
  e.advance(20_000);
  e.sample();
  e.advance(10_000);
  const stopped = e.sample();
  e.advance(10_000);
  const restored = e.sample();

  it('checkpoint freezes, writes the memory image, stops the container', () => {
    const db = byName(stopped).get('db')!;
    expect(db.state).toBe('checkpointed');
    expect(db['memory.current']).toBe(0);
    expect(db['checkpoint.image']).toBeCloseTo(200, 6);
    expect(stopped.events.filter((ev) => ev.kind === 'checkpoint').map((ev) => ev.t)).toEqual([20, 20.2]);
  });

  it('restore on another host copies and reads the image, then it runs there with its memory back', () => {
    const db = byName(restored).get('db')!;
    expect([db.state, db.host]).toEqual(['running', 'h2']);
    expect(db['memory.current']).toBeCloseTo(200, 6);
    expect(db['cpu.usage%']).toBeGreaterThan(30);
    const ev = restored.events.filter((x) => x.kind === 'restore');
    expect(ev[0].detail).toBe('restoring on h2: 200 MiB image (copy 0.16s, read 2.00s)');
    expect(ev[1].t).toBeCloseTo(32.16, 6);
  });
});

describe('load', () => {
  it('adds CPU on a container\'s threads and working set, then ends', () => {
    const p = lab([linux('h', 4)], [], [ctr('c', 'h', { workload: { cpu: 0.2 } })], [
      at(5, { action: 'load', target: 'c', cpu: 0.5, threads: 2, forMs: 10_000, activeMiB: 100 }),
    ]);
    const e = new Engine(p);
    e.advance(5000);
    e.sample();
    e.advance(10_000);
    const s = e.sample();
    const c = byName(s).get('c')!;
    expect(c['cpu.usage%']).toBeCloseTo(120, 0);
    expect(c['memory.current']).toBeCloseTo(164, 0);
    expect(c['pids.current']).toBe(3);
    expect(s.events.map((ev) => ev.kind)).toEqual(['load']);
    e.advance(1000);
    const end = e.sample();
    expect(end.events.map((ev) => [ev.t, ev.kind])).toEqual([[15, 'load-end']]);
    expect(byName(end).get('c')!['cpu.usage%']).toBeCloseTo(20, 0);
  });

  it('a VM\'s load is still the VM\'s', () => {
    const p = lab([host('esx', { pcpus: 2 })], [vm('v', 'esx', { workload: { cpu: 0.1 } })], [ctr('c', 'v', { vm: 'v', host: 'esx' })], [
      at(1, { action: 'load', target: 'v', cpu: 0.5, forMs: 1000 }),
    ]);
    const e = new Engine(p);
    e.advance(3000);
    expect(e.sample().events.map((ev) => [ev.kind, ev.target])).toEqual([['load', 'v'], ['load-end', 'v']]);
  });
});
