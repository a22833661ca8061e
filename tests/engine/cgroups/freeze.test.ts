// cgroup.freeze, and commands that are carried out whole or refused with a reason.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import type { Command } from '../../../src/profile/types.js';
import { byName, ctr, lab, linux, svc } from './helpers.js';

const at = (s: number, command: Command) => ({ atMs: s * 1000, command });

describe('freeze and thaw', () => {
  const p = lab([linux('h', 1)], [], [ctr('a', 'h', { workload: { activeMiB: 200 } }), ctr('b', 'h')], [
    at(10, { action: 'freeze', target: 'a' }),
    at(20, { action: 'thaw', target: 'a' }),
  ]);
  const e = new Engine(p);
  e.advance(10_000);
  const before = byName(e.sample());
  e.advance(10_000);
  const frozen = e.sample();
  const during = byName(frozen);
  e.advance(10_000);
  const after = byName(e.sample());

  it('a frozen container uses no CPU and keeps its memory; its neighbour gets the CPU it freed', () => {
    expect(before.get('a')!['cpu.usage%']).toBeCloseTo(50, 0);
    expect(during.get('a')!['cpu.usage%']).toBe(0);
    expect(during.get('a')!.frozen).toBe(true);
    expect(during.get('a')!['memory.current']).toBe(before.get('a')!['memory.current']);
    expect(during.get('a')!['memory.current']).toBeGreaterThan(100);
    expect(during.get('b')!['cpu.usage%']).toBeCloseTo(100, 0);
    expect(during.get('a')!.frozen_usec).toBe(10_000_000);
  });

  it('after thaw it runs again, and the events say so', () => {
    expect(after.get('a')!.frozen).toBe(false);
    expect(after.get('a')!['cpu.usage%']).toBeCloseTo(50, 0);
    expect(frozen.events.map((ev) => [ev.t, ev.kind, ev.target])).toContainEqual([10, 'frozen', 'a']);
  });
});

describe('refusals: never half-done', () => {
  function events(commands: { atMs: number; command: Command }[]) {
    const e = new Engine(lab([linux('h', 1), linux('h2', 1)], [], [ctr('a', 'h'), ...svc('web', 2, ctr('x', 'h'))], commands));
    e.advance(5000);
    return e.sample();
  }

  it.each<[string, Command[], RegExp]>([
    ['freeze a frozen container', [{ action: 'freeze', target: 'a' }, { action: 'freeze', target: 'a' }], /freeze: it is already frozen/],
    ['thaw a running one', [{ action: 'thaw', target: 'a' }], /thaw: it is not frozen \(it is running\)/],
    ['freeze an unknown target', [{ action: 'freeze', target: 'nope' }], /freeze: no container named "nope"/],
    ['freeze a service', [{ action: 'freeze', target: 'web' }], /"web" is a service; freeze acts on one of its replicas \(web-1, web-2\)/],
    ['checkpoint a frozen container', [{ action: 'freeze', target: 'a' }, { action: 'checkpoint', target: 'a' }], /thaw it first/],
    ['restore what has no checkpoint', [{ action: 'restore', target: 'a' }], /restore: it has no checkpoint/],
    ['scale a container', [{ action: 'scale', target: 'a', replicas: 2 }], /scale: "a" is a container/],
    ['scale to the same count', [{ action: 'scale', target: 'web', replicas: 2 }], /already has 2 replicas/],
  ])('%s', (_, commands, reason) => {
    const s = events(commands.map((c, i) => at(1 + i, c)));
    const refused = s.events.filter((ev) => ev.kind === 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0].detail).toMatch(reason);
  });

  it('a refused command changes nothing', () => {
    const s = events([at(1, { action: 'thaw', target: 'a' }), at(2, { action: 'restore', target: 'a', to: 'h2' })]);
    const a = byName(s).get('a')!;
    expect([a.state, a.host, a.frozen]).toEqual(['running', 'h', false]);
  });
});
