// The profile side of Storage vMotion: a VM's `disk_size` and the `relocate` command.
import { describe, expect, it } from 'vitest';
import { errorsOf, HOST, loadOk, yaml } from './helpers.js';

const HOSTS = ['hosts:', HOST, '  - { name: h2, hypervisor: esxi, pcpus: 4, memory: 16GiB }'];

describe('disk_size and relocate', () => {
  it('reads disk_size with units (absent: the engine\'s 16 GiB); relocate names a VM and a host', () => {
    const p = loadOk(yaml('name: x', ...HOSTS, 'vms:',
      '  - { name: v, host: h, disk_size: 40GiB }', '  - { name: w, host: h }',
      'templates:', '  - { name: t, disk_size: 1TB }',
      'events:', '  - { at: 60s, action: relocate, target: v, to: h2 }'));
    expect(p.vms[0].diskSizeMiB).toBe(40 * 1024);
    expect('diskSizeMiB' in p.vms[1]).toBe(false);
    expect(p.templates![0].diskSizeMiB).toBeCloseTo(1e12 / 1048576);
    expect(p.events).toEqual([{ atMs: 60_000, command: { action: 'relocate', target: 'v', to: 'h2' } }]);
  });

  it('a bad size, a missing or wrong target are errors with their place', () => {
    const errs = errorsOf(yaml('name: x', ...HOSTS, 'vms:',
      '  - { name: v, host: h, disk_size: 0GiB }', '  - { name: w, host: h, disk_size: big }',
      'events:',
      '  - { at: 1s, action: relocate, target: v }',
      '  - { at: 1s, action: relocate, target: h, to: h2 }',
      '  - { at: 1s, action: relocate, target: v, to: v }'));
    expect(errs).toEqual([
      'test.yaml:6:36: vms[0].disk_size: expected a size above 0 like 16GiB',
      'test.yaml:7:36: vms[1].disk_size: expected a size like 512MiB or 8GiB',
      'test.yaml:9:5: events[0]: missing required key "to"',
      'test.yaml:10:41: events[1].target: "h" is a host, not a VM (VMs: v, w)',
      'test.yaml:11:48: events[2].to: "v" is a VM, not a host (hosts: h, h2)',
    ]);
  });
});
