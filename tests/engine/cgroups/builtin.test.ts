// The built-in `containers` profile shows what it is there to teach, with numbers.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import type { EngineEvent } from '../../../src/engine/snapshot.js';
import { loadProfileFile, resolveProfileArg } from '../../../src/profile/index.js';
import { byName } from './helpers.js';

function run() {
  const r = resolveProfileArg('containers');
  if (!r.ok) throw new Error(r.message);
  const p = loadProfileFile(r.path);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  const e = new Engine(p.profile);
  const events: EngineEvent[] = [];
  const at = new Map<number, ReturnType<typeof byName>>();
  for (let t = 10; t <= 180; t += 10) {
    e.advance(10_000);
    const s = e.sample();
    events.push(...s.events);
    at.set(t, byName(s));
  }
  return { at, events };
}

describe('built-in containers profile', () => {
  const { at, events } = run();
  const get = (t: number, n: string) => at.get(t)!.get(n)!;

  it('api is held at its cpu.max: 50% per replica, every period throttled', () => {
    expect(get(60, 'api-1')['cpu.usage%']).toBeCloseTo(50, 0);
    expect(get(60, 'api-1')['throttled%']).toBe(100);
  });

  it('the worker replicas in the VM are OOM-killed and restarted within the first minute', () => {
    expect(get(60, 'worker-1').oom_kill).toBeGreaterThanOrEqual(2);
    expect(get(60, 'worker-1').restarts).toBeGreaterThanOrEqual(2);
    expect(get(60, 'worker-1').vm).toBe('k8s-node');
  });

  it('cache sits near its memory.max without being killed; db is throttled by memory.high', () => {
    const cache = get(60, 'cache');
    expect(cache['memory.current'] / cache['memory.max']!).toBeGreaterThan(0.9);
    expect(cache.oom_kill).toBe(0);
    expect(get(60, 'db')['memory.pressure.avg10']).toBeGreaterThan(20);
    expect(get(60, 'db').oom_kill).toBe(0);
  });

  it('web-2 is frozen from 40 s to 70 s, keeping its memory; web scales to five replicas', () => {
    expect(get(60, 'web-2')).toMatchObject({ frozen: true, 'cpu.usage%': 0 });
    expect(get(60, 'web-2')['memory.current']).toBeGreaterThan(30);
    expect(get(80, 'web-2').frozen).toBe(false);
    expect(at.get(100)!.has('web-5')).toBe(true);
    const kinds = new Set(events.map((e) => e.kind));
    for (const k of ['frozen', 'thawed', 'oom_kill', 'restart', 'throttled', 'scale', 'checkpoint', 'restore']) expect(kinds).toContain(k);
    expect(events.filter((e) => e.kind === 'refused')).toEqual([]);
  });

  it('replicas of one image share its layers on their kernel', () => {
    expect(get(60, 'api-1')['disk.real']).toBeLessThan(get(60, 'api-1')['disk.full'] / 1.9);
  });
});
