// The `containers:` section and the events aimed at containers.
import { describe, expect, it } from 'vitest';
import { errorsOf, HOST, loadOk, yaml } from './helpers.js';

const LINUX = '  - { name: lx, hypervisor: linux, pcpus: 4, memory: 16GiB }';
const VM = 'vms:\n  - { name: v, host: h }';

describe('containers', () => {
  it('reads limits, units and defaults; replicas clone NAME-1..N into a service', () => {
    const p = loadOk(yaml('name: x', 'hosts:', LINUX, 'containers:',
      '  - { name: api, host: lx, image: node:20, cpu_max: 50%, memory_max: 512MiB, memory_high: max, replicas: 2,',
      '      workload: { cpu: 100%, threads: 1, active: 300MiB } }',
      '  - { name: one, host: lx }'));
    expect(p.containers.map((c) => c.name)).toEqual(['api-1', 'api-2', 'one']);
    expect(p.containers[0]).toMatchObject({
      host: 'lx', vm: null, image: 'node:20', imageMiB: 1100, cpuWeight: 100, cpuMax: 0.5, memoryMaxMiB: 512,
      memoryHighMiB: null, pidsMax: null, ioWeight: 100,
      service: { name: 'api', replicas: 2, cpuWeight: 100, cpuMax: null, memoryMaxMiB: null },
    });
    expect(p.containers[0].workload).toMatchObject({ cpu: 1, threads: 1, activeMiB: 300 });
    expect(p.containers[2]).toMatchObject({ image: 'busybox', service: null, cpuMax: null });
  });

  it('inside a VM on an ESXi host: the VM\'s kernel, on that host\'s hardware', () => {
    const p = loadOk(yaml('name: x', 'hosts:', HOST, VM, 'containers:', '  - { name: c, vm: v, cpu_weight: 300, image_size: 50MiB }'));
    expect(p.containers[0]).toMatchObject({ host: 'h', vm: 'v', cpuWeight: 300, imageMiB: 50 });
  });

  it('a service\'s own limits', () => {
    const p = loadOk(yaml('name: x', 'hosts:', LINUX, 'containers:',
      '  - { name: w, host: lx, replicas: 3, service: { cpu_max: 150%, memory_max: 1GiB, cpu_weight: 50 } }'));
    expect(p.containers[2].service).toEqual({ name: 'w', replicas: 3, cpuWeight: 50, cpuMax: 1.5, memoryMaxMiB: 1024, memoryHighMiB: null, pidsMax: null });
  });

  // line 8 of: name, hosts, h (esxi), lx (linux), vms, v, containers, the entry
  const base = ['name: x', 'hosts:', HOST, LINUX, 'vms:', '  - { name: v, host: h }', 'containers:'];
  it.each([
    ['  - { name: c, host: h }', '8:22: containers[0].host: host "h" is an esxi host: its hypervisor has no Linux kernel to run containers; run them inside a VM on it (vm: NAME) or on a kvm, vserver, linux host'],
    ['  - { name: c }', '8:5: containers[0].host: missing required key "host" (or "vm" to run it inside a VM)'],
    ['  - { name: c, host: lx, vm: v }', '8:26: containers[0].vm: give either host: (the host\'s own kernel) or vm: (inside that VM), not both'],
    ['  - { name: c, vm: vx }', '8:20: containers[0].vm: unknown VM "vx"; did you mean "v"? (VMs: v)'],
    ['  - { name: c, host: lx, cpu_max: 0.5 }', '8:35: containers[0].cpu_max: expected max or a percentage like 60%'],
    ['  - { name: c, host: lx, cpu_max: 0.5% }', '8:35: containers[0].cpu_max: expected max or a percentage of one CPU, at least 1%, like 50% or 200%'],
    ['  - { name: c, host: lx, cpu_weight: 0 }', '8:38: containers[0].cpu_weight: expected an integer 1..10000'],
    ['  - { name: c, host: lx, cpu_wieght: 5 }', '8:26: containers[0].cpu_wieght: unknown key "cpu_wieght"; did you mean "cpu_weight"?'],
    ['  - { name: c, host: lx, service: { cpu_max: 50% } }', '8:26: containers[0].service: service limits apply to the parent cgroup of replicas; add replicas: N'],
    ['  - { name: v, host: lx }', '8:13: containers[0].name: duplicate name "v" (already used by a VM at line 6)'],
  ])('%s', (entry, error) => {
    expect(errorsOf(yaml(...base, entry))).toEqual([`test.yaml:${error}`]);
  });
});

describe('events on containers', () => {
  const base = ['name: x', 'hosts:', LINUX, 'containers:', '  - { name: api, host: lx, replicas: 2 }', '  - { name: db, host: lx }', 'events:'];

  it('freeze, thaw, checkpoint, restore (to a host), scale (replicas), load on a container or a service', () => {
    const p = loadOk(yaml(...base,
      '  - { at: 1s, action: freeze, target: api-1 }',
      '  - { at: 2s, action: thaw, target: api-1 }',
      '  - { at: 3s, action: checkpoint, target: db }',
      '  - { at: 4s, action: restore, target: db, to: lx }',
      '  - { at: 5s, action: scale, target: api, replicas: 4 }',
      '  - { at: 6s, action: load, target: db, cpu: 50%, threads: 2, for: 10s }',
      '  - { at: 7s, action: load, target: api, active: 100MiB, for: 10s }'));
    expect(p.events.map((e) => e.command)).toEqual([
      { action: 'freeze', target: 'api-1' },
      { action: 'thaw', target: 'api-1' },
      { action: 'checkpoint', target: 'db' },
      { action: 'restore', target: 'db', to: 'lx' },
      { action: 'scale', target: 'api', replicas: 4 },
      { action: 'load', target: 'db', cpu: 0.5, threads: 2, forMs: 10_000 },
      { action: 'load', target: 'api', cpu: 0, activeMiB: 100, forMs: 10_000 },
    ]);
  });

  it.each([
    ['  - { at: 1s, action: freeze, target: api }', '8:39: events[0].target: "api" is a service, not a container (containers: api-1, api-2, db)'],
    ['  - { at: 1s, action: thaw, target: lx }', '8:37: events[0].target: "lx" is a host, not a container (containers: api-1, api-2, db)'],
    ['  - { at: 1s, action: scale, target: db, replicas: 2 }', '8:38: events[0].target: "db" is a container, not a service (services: api); scale acts on a service (an entry with replicas:)'],
    ['  - { at: 1s, action: scale, target: api }', '8:5: events[0]: missing required key "replicas"'],
    ['  - { at: 1s, action: scale, target: api, replicas: -1 }', '8:53: events[0].replicas: expected an integer 0..1000'],
    ['  - { at: 1s, action: freeze, target: db, replicas: 2 }', '8:43: events[0].replicas: "replicas" applies only to scale events'],
    ['  - { at: 1s, action: restore, target: db, to: api-1 }', '8:48: events[0].to: "api-1" is a container, not a host (hosts: lx); restore goes to a host or a VM'],
  ])('%s', (entry, error) => {
    expect(errorsOf(yaml(...base, entry))).toEqual([`test.yaml:${error}`]);
  });
});
