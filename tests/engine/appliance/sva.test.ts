// The security virtual appliance (docs/model/appliances.md, TV-A1..A4): what watching costs it,
// per VM, on its own row; whom it watches; the rule that reports a watched VM's network burst.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { BASELINE_TAU_S } from '../../../src/engine/appliance/sva.js';
import type { EngineEvent } from '../../../src/engine/snapshot.js';
import type { IntrospectionSpec } from '../../../src/profile/types.js';
import { host, profile, vm } from '../../helpers/profile.js';

const rule: IntrospectionSpec = { cpuPerVm: 0.03, memoryPerVmMiB: 64, netBurst: 1.5, netBurstMinMbit: 100 };
const sva = vm('sva', 'h', { vcpus: 2, memoryMiB: 2048, appliance: 'sva', introspection: rule, workload: { cpu: 0.05, threads: 2, activeMiB: 512 } });
const quiet = (name: string) => vm(name, 'h', { vcpus: 1, workload: { cpu: 0.2, netMbit: 50 } });
// its transmit rate a sine between 0 and 900 Mbit/s, a 20 s period
const wavy = vm('wavy', 'h', { vcpus: 1, workload: { cpu: 0.2, pattern: 'sine', periodMs: 20_000, netMbit: 900 } });

function run(vms = [sva, quiet('a'), quiet('b'), wavy], seconds = 200, other: ReturnType<typeof host>[] = []) {
  const e = new Engine(profile([host('h', { pcpus: 8, memoryMiB: 32768 }), ...other], vms));
  const events: EngineEvent[] = [];
  const samples = [];
  for (let t = 10; t <= seconds; t += 10) {
    e.advance(10_000);
    const s = e.sample();
    events.push(...s.events);
    samples.push(s);
  }
  return { e, events, samples };
}

describe('a security virtual appliance', () => {
  const { events, samples } = run();
  const last = samples.at(-1)!;
  const row = (n: string) => last.vms.find((v) => v.name === n)!;

  it('TV-A1: it watches the other VMs of its host, and says so', () => {
    expect(row('sva').appliance).toMatchObject({ role: 'sva', watching: ['a', 'b', 'wavy'] });
    const watch = events.filter((x) => x.kind === 'sva-watch');
    expect(watch.map((x) => x.detail)).toEqual(['watches 3 VMs on h (a, b, wavy): 9 % of a vCPU and 192 MiB for introspection']);
  });

  it('TV-A2: the cost on its own row: its 5 % a vCPU and 1 % housekeeping, plus 3 % of a vCPU and 64 MiB a VM watched', () => {
    expect(row('sva')['%USED']).toBeCloseTo(2 * 5 + 2 * 1 + 3 * 3, 6);
    expect([row('sva').appliance!.introspectionCpu, row('sva').appliance!.introspectionMiB]).toEqual([9, 192]);
    expect(row('sva').ACTV).toBeCloseTo(512 + 192, 6);
  });

  it('TV-A3: the rule: after a minute of learning, each rise of wavy\'s rate above 1.5x its baseline is reported once; quiet VMs never', () => {
    const alerts = events.filter((x) => x.kind === 'sva-alert');
    expect(alerts.every((x) => x.target === 'wavy')).toBe(true);
    expect(alerts[0].t).toBeGreaterThanOrEqual(BASELINE_TAU_S);
    // the sine's rate passes 1.5x its mean (450 Mbit/s) once every 20 s period: from 60 s to 200 s, 7
    expect(alerts.length).toBe(7);
    expect(alerts.map((x) => Math.floor(x.t / 20))).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(alerts[0].detail).toMatch(/^sva \(introspection\): a network burst, \d+ Mbit\/s sent, 1\.\dx its baseline of 4\d\d Mbit\/s \(rule: above 1\.5x its baseline and 100 Mbit\/s\)$/);
    expect(row('sva').appliance!.alerts).toBe(7);
  });

  it('TV-A4: it stays on its host (a refused vMotion); a VM that leaves is no longer watched or paid for', () => {
    const e = new Engine(profile([host('h', { pcpus: 8, memoryMiB: 32768 }), host('g', { pcpus: 8, memoryMiB: 32768 })], [sva, quiet('a'), quiet('b')], {
      events: [
        { atMs: 20_000, command: { action: 'migrate', target: 'sva', to: 'g' } },
        { atMs: 20_000, command: { action: 'power_off', target: 'b' } },
      ],
    }));
    e.advance(30_000);
    const s = e.sample();
    expect(s.events.find((x) => x.kind === 'refused')?.detail).toContain('sva is a security virtual appliance: it watches h\'s VMs and stays on that host');
    expect(s.events.filter((x) => x.kind === 'sva-watch').map((x) => x.detail.split(':')[0])).toEqual(['watches 2 VMs on h (a, b)', 'watches 1 VM on h (a)']);
    expect(s.vms.find((v) => v.name === 'sva')!.appliance!.introspectionMiB).toBe(64);
  });
});
