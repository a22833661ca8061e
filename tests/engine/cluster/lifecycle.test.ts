// VM lifecycle and deploy through Engine.submit (the keyboard's path), and DRS / DPM in the engine.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import type { TemplateSpec } from '../../../src/profile/types.js';
import { events, host, lab, run, vm } from './helpers.js';

const template: TemplateSpec = { ...vm('web-template', ''), workload: { ...vm('x', '').workload, cpu: 0.3 } };
delete (template as { host?: string }).host;

describe('lifecycle', () => {
  it('power off, on, suspend, resume: states, CPU and memory follow; refusals say why', () => {
    // one host cannot tolerate a host failure: admission control off
    const e = new Engine(lab([host('a', { pcpus: 2 })], [vm('v', 'a', { workload: { cpu: 0.5, activeMiB: 512 } })], { admission: 'off' }));
    run(e, 20_000, 5000);
    e.submit({ action: 'power_off', target: 'v' });
    let s = run(e, e.timeMs + 2000)[0];
    let row = s.vms[0];
    expect(row.state).toBe('off');
    expect(row['%USED']).toBe(0);
    expect(row.GRANT).toBe(0);
    e.submit({ action: 'power_off', target: 'v' });
    e.submit({ action: 'resume', target: 'v' });
    e.submit({ action: 'power_on', target: 'v' });
    s = run(e, e.timeMs + 5000, 5000)[0];
    expect(s.events.map((x) => x.kind)).toEqual(['refused', 'refused', 'power-on']);
    expect(s.vms[0].state).toBe('running');
    expect(s.vms[0]['%USED']).toBeGreaterThan(40);
    e.submit({ action: 'suspend', target: 'v' });
    s = run(e, e.timeMs + 2000)[0];
    row = s.vms[0];
    expect(row.state).toBe('suspended');
    expect(row.GRANT).toBe(0);
    e.submit({ action: 'power_on', target: 'v' });
    e.submit({ action: 'resume', target: 'v' });
    s = run(e, e.timeMs + 2000)[0];
    expect(s.events.map((x) => x.kind)).toEqual(['refused', 'resume']);
    expect(s.vms[0].state).toBe('running');
  });

  it('power on honours admission control', () => {
    const hosts = [host('a', { pcpus: 2, memoryMiB: 4096 }), host('b', { pcpus: 2, memoryMiB: 4096 })];
    const vms = [vm('v1', 'a', { memReservationMiB: 1000 }), vm('v2', 'b', { memReservationMiB: 1000 }), vm('v3', 'a', { memReservationMiB: 1000 })];
    const e = new Engine(lab(hosts, vms, { admission: 'slots', failuresTolerated: 1 }));
    run(e, 2000);
    e.submit({ action: 'power_off', target: 'v3' });
    e.submit({ action: 'power_on', target: 'v3' });
    const s = run(e, e.timeMs + 1000);
    expect(events(s, 'refused')[0].detail).toMatch(/admission control \(slots\)/);
  });

  it('deploy: a fresh name from the template, on the given host or the least loaded one', () => {
    const hosts = [host('a', { pcpus: 2 }), host('b', { pcpus: 2 })];
    const vms = [vm('busy', 'a', { vcpus: 2, workload: { cpu: 1 } })];
    const e = new Engine(lab(hosts, vms, { drs: 'manual' }, { templates: [template] }));
    run(e, 61_000, 61_000);
    e.submit({ action: 'deploy', target: 'web-template' });
    e.submit({ action: 'deploy', target: 'web-template', to: 'a' });
    e.submit({ action: 'deploy', target: 'nope' });
    const s = run(e, e.timeMs + 3000, 3000)[0];
    expect(s.events.map((x) => [x.kind, x.target])).toEqual([['deploy', 'web-1'], ['deploy', 'web-2'], ['refused', 'nope']]);
    expect(s.vms.find((v) => v.name === 'web-1')!.host).toBe('b');
    expect(s.vms.find((v) => v.name === 'web-2')!.host).toBe('a');
    expect(s.vms.find((v) => v.name === 'web-1')!['%USED']).toBeGreaterThan(20);
    expect(s.cluster!.consolidation).toBe(1.5);
  });
});

describe('DRS and DPM in the engine', () => {
  it('auto DRS moves load off a busy host; manual lists the recommendation', () => {
    const hosts = [host('a', { pcpus: 2 }), host('b', { pcpus: 2 })];
    const vms = [vm('x', 'a', { workload: { cpu: 0.9 } }), vm('y', 'a', { workload: { cpu: 0.9 } })];
    const auto = new Engine(lab(hosts, vms, { drs: 'auto', drsThreshold: 3 }));
    const s = run(auto, 90_000, 5000);
    expect(events(s, 'migrate-start')[0].detail).toMatch(/\(DRS\)/);
    expect(new Set(s[s.length - 1].vms.map((v) => v.host))).toEqual(new Set(['a', 'b']));
    const manual = new Engine(lab(hosts, vms, { drs: 'manual' }));
    const m = run(manual, 65_000, 5000);
    expect(events(m, 'migrate-start')).toEqual([]);
    expect(m[m.length - 1].cluster!.recommendations[0]).toMatchObject({ from: 'a', to: 'b' });
    expect(events(m, 'drs-recommend')).toHaveLength(1);
  });

  it('recommendations follow a host failure and a power-off at once, not at the next DRS run', () => {
    // a and b busy, c idle: DRS (manual) proposes moves from a and b to c at 60 s
    const hosts = [host('a', { pcpus: 2 }), host('b', { pcpus: 2 }), host('c', { pcpus: 2 })];
    const vms = ['x', 'y'].flatMap((n) => [vm(`${n}1`, n === 'x' ? 'a' : 'b', { workload: { cpu: 0.9 } }), vm(`${n}2`, n === 'x' ? 'a' : 'b', { workload: { cpu: 0.9 } })]);
    const e = new Engine(lab(hosts, vms, { drs: 'manual', admission: 'off', ha: false }));
    const recs = () => e.sample().cluster!.recommendations;
    run(e, 62_000, 2000);
    expect(recs().map((r) => r.to)).toContain('c');
    const moved = recs().map((r) => r.vm);
    // c fails 5 s after the proposals: none may go there any more
    e.submit({ action: 'fail', target: 'c' });
    e.advance(2000);
    expect(recs().filter((r) => r.to === 'c' || r.from === 'c')).toEqual([]);
    // c back, empty: proposals to it again; then a proposed VM is powered off: none for it
    e.submit({ action: 'recover', target: 'c' });
    e.advance(2000);
    expect(recs().map((r) => r.to)).toContain('c');
    e.submit({ action: 'power_off', target: moved[0] });
    e.advance(2000);
    expect(recs().map((r) => r.vm)).not.toContain(moved[0]);
    expect(e.timeMs).toBeLessThan(120_000); // all before DRS runs again
  });

  it('DPM puts an idle host in standby after evacuating it, and powers it on when load rises', () => {
    const hosts = [host('a', { pcpus: 4, memoryMiB: 16384 }), host('b', { pcpus: 4, memoryMiB: 16384 })];
    const vms = [vm('x', 'a', { vcpus: 2, workload: { cpu: 0.2 } }), vm('y', 'b', { vcpus: 2, workload: { cpu: 0.2 } })];
    const e = new Engine(lab(hosts, vms, { dpm: 'auto' }));
    const s = run(e, 50 * 60_000, 60_000);
    const standby = events(s, 'host-standby');
    expect(standby).toHaveLength(1);
    const last = s[s.length - 1];
    const off = last.hosts.find((h) => h.state === 'standby')!;
    expect(last.vms.filter((v) => v.host === off.name && v.state === 'running')).toEqual([]);
    // four busy vCPUs on the one 4-pCPU host left: above 81 % for 5 minutes
    for (const v of ['x', 'y']) e.submit({ action: 'load', target: v, cpu: 1, threads: 2, forMs: 3_600_000 });
    const s2 = run(e, e.timeMs + 10 * 60_000, 60_000);
    expect(events(s2, 'host-poweron')).toHaveLength(1);
    expect(s2[s2.length - 1].hosts.every((h) => h.state === 'up')).toBe(true);
  });
});

describe('deploy placement', () => {
  it('never onto a host without a hypervisor', () => {
    const hosts = [host('lx', { hypervisor: 'linux' }), host('a', { pcpus: 2 })];
    const e = new Engine(lab(hosts, [], { admission: 'off' }, { templates: [template] }));
    e.submit({ action: 'deploy', target: 'web-template', to: 'lx' });
    e.submit({ action: 'deploy', target: 'web-template' });
    const [s] = run(e, 1000);
    expect(s.events.map((x) => x.kind)).toEqual(['refused', 'deploy']);
    expect(s.events[0].detail).toMatch(/runs no VMs/);
    expect(s.vms.find((v) => v.name === 'web-1')!.host).toBe('a');
  });
});
