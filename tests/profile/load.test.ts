import { describe, expect, it } from 'vitest';
import { loadProfileFile, loadProfileText, PROFILE_TEXT_MAX } from '../../src/profile/load.js';
import { formatProfileError } from '../../src/profile/errors.js';
import { HOST, FIXTURES, loadOk, yaml } from './helpers.js';

describe('a full profile (every SPEC key)', () => {
  const r = loadProfileFile(`${FIXTURES}full.yaml`);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const p = r.profile;

  it('reads the top-level keys', () => {
    expect([p.name, p.description, p.seed, p.quantumMs]).toEqual(['overcommit-demo', 'Nine 1 GiB VMs on an 8 GiB host', 7, 10]);
  });

  it('reads a host in the fixed units', () => {
    expect(p.hosts[0]).toEqual({
      name: 'esx-a', hypervisor: 'esxi', coscheduling: 'relaxed', pcpus: 8, mhz: 2000, memoryMiB: 8192,
      reservedMiB: 1024, nicMbit: 10000, disk: { iops: 20000, bandwidthMiBs: 1000, latencyMs: 0.5 }, hz: 1000, hostOsLoad: 0,
    });
    expect(p.hosts.find((h) => h.name === 'desk')?.hostOsLoad).toBe(0.2);
  });

  it('clones web as web-1 … web-9 with identical specs', () => {
    const web = p.vms.filter((v) => v.name.startsWith('web'));
    expect(web.map((v) => v.name)).toEqual(['web-1', 'web-2', 'web-3', 'web-4', 'web-5', 'web-6', 'web-7', 'web-8', 'web-9']);
    expect(web[8]).toEqual({ ...web[0], name: 'web-9' });
    expect(web[0].workload).not.toBe(web[1].workload);
  });

  it('reads a VM in the fixed units', () => {
    expect(p.vms[0]).toEqual({
      name: 'web-1', host: 'esx-a', vcpus: 2, memoryMiB: 1024, guest: 'ubuntu-24.04', shares: 2000,
      reservationMHz: 0, limitMHz: null, memShares: 10240, memReservationMiB: 0, memLimitMiB: null,
      io: 'paravirtual', netShares: 50, diskShares: 1000, cpuVirt: 'hardware', restartPriority: 'medium', ft: false,
      workload: { type: 'generic', heapMiB: 0, jitWarmupMs: 0, cpu: 0.6, threads: 2, pattern: 'steady', periodMs: 60000, activeMiB: 512, dirtyMiBs: 20, netMbit: 100, netRxMbit: 100, iops: 200, housekeeping: 0.01 },
    });
    const db = p.vms.find((v) => v.name === 'db');
    expect(db).toMatchObject({
      shares: 3000, reservationMHz: 1000, limitMHz: 4000, memShares: 20 * 4096, memReservationMiB: 2048,
      memLimitMiB: 3072, io: 'passthrough', cpuVirt: 'paravirtual', restartPriority: 'high', ft: true,
    });
    expect(db?.workload).toEqual({
      type: 'generic', heapMiB: 0, jitWarmupMs: 0, cpu: 0.3, threads: 4, pattern: 'sine', periodMs: 300000, activeMiB: 1024, dirtyMiBs: 0, netMbit: 0, netRxMbit: 0, iops: 0, housekeeping: 0.01,
    });
  });

  it('sorts events by time, keeping the written order for equal times', () => {
    expect(p.events).toEqual([
      { atMs: 30000, command: { action: 'load', target: 'web-1', cpu: 1, forMs: 60000 } },
      { atMs: 30000, command: { action: 'load', target: 'db', cpu: 0.9, threads: 2, forMs: 60000 } },
      { atMs: 60000, command: { action: 'migrate', target: 'web-2', to: 'esx-b' } },
      { atMs: 120000, command: { action: 'fail', target: 'esx-b' } },
      { atMs: 150000, command: { action: 'recover', target: 'esx-b' } },
    ]);
  });
});

describe('defaults', () => {
  const p = loadOk(yaml(
    'name: d',
    'hosts:',
    '  - { name: a, hypervisor: esxi, pcpus: 8, memory: 64GiB }',
    '  - { name: b, hypervisor: xen, pcpus: 8, memory: 64GiB }',
    '  - { name: c, hypervisor: hyperv, pcpus: 8, memory: 64GiB }',
    '  - { name: d, hypervisor: kvm, pcpus: 8, memory: 64GiB }',
    '  - { name: e, hypervisor: vbox, pcpus: 8, memory: 64GiB }',
    '  - { name: f, hypervisor: vserver, pcpus: 8, memory: 64GiB }',
    '  - { name: g, hypervisor: linux, pcpus: 8, memory: 64GiB }',
    'vms:',
    '  - { name: v, host: a }',
  ));

  it('profile: seed 1, quantum 10ms, empty description and events', () => {
    expect([p.seed, p.quantumMs, p.description, p.events]).toEqual([1, 10, '', []]);
  });

  it('host: relaxed, 2000 MHz, 10 Gbit, 20000 IOPS / 1000 MiB/s / 0.5 ms, HZ 1000', () => {
    expect(p.hosts[0]).toMatchObject({
      coscheduling: 'relaxed', mhz: 2000, nicMbit: 10000, hz: 1000, hostOsLoad: 0,
      disk: { iops: 20000, bandwidthMiBs: 1000, latencyMs: 0.5 },
    });
  });

  it('reserved memory per hypervisor; host OS load only on vbox', () => {
    expect(p.hosts.map((h) => [h.hypervisor, h.reservedMiB, h.hostOsLoad])).toEqual([
      ['esxi', 1024, 0], ['xen', 2048, 0], ['hyperv', 2048, 0], ['kvm', 1024, 0],
      ['vbox', 4096, 0.15], ['vserver', 512, 0], ['linux', 512, 0],
    ]);
  });

  it('VM: 1 vCPU, 1 GiB, linux, normal shares, no reservation or limit, idle workload', () => {
    expect(p.vms[0]).toEqual({
      name: 'v', host: 'a', vcpus: 1, memoryMiB: 1024, guest: 'linux', shares: 1000,
      reservationMHz: 0, limitMHz: null, memShares: 10240, memReservationMiB: 0, memLimitMiB: null,
      io: 'paravirtual', netShares: 50, diskShares: 1000, cpuVirt: 'hardware', restartPriority: 'medium', ft: false,
      workload: { type: 'generic', heapMiB: 0, jitWarmupMs: 0, cpu: 0, threads: 1, pattern: 'steady', periodMs: 60000, activeMiB: 256, dirtyMiBs: 0, netMbit: 0, iops: 0, housekeeping: 0.01 },
    });
  });

  it('a partial disk mapping keeps the other defaults', () => {
    const q = loadOk(yaml('name: q', 'hosts:', '  - { name: h, hypervisor: esxi, pcpus: 1, memory: 4GiB, disk: { iops: 500 } }'));
    expect(q.hosts[0].disk).toEqual({ iops: 500, bandwidthMiBs: 1000, latencyMs: 0.5 });
  });

  it('empty vms: and events: sections are empty lists', () => {
    const q = loadOk(yaml('name: q', 'hosts:', HOST, 'vms:', 'events:'));
    expect([q.vms, q.events]).toEqual([[], []]);
  });
});

describe('shares resolution', () => {
  const vm = (extra: string): string => yaml('name: s', 'hosts:', HOST, 'vms:', `  - { name: v, host: h, ${extra} }`);
  it.each([
    ['vcpus: 2, shares: normal', 2000],
    ['vcpus: 1, shares: high', 2000],
    ['vcpus: 4, shares: low', 2000],
    ['vcpus: 4', 4000],
    ['vcpus: 4, shares: 1234', 1234],
  ])('%s -> %d CPU shares', (extra, shares) => {
    expect(loadOk(vm(extra)).vms[0].shares).toBe(shares);
  });

  it.each([
    ['memory: 2GiB, mem_shares: low', 10240],
    ['memory: 2GiB', 20480],
    ['memory: 2GiB, mem_shares: high', 40960],
    ['memory: 2GiB, mem_shares: 777', 777],
  ])('%s -> %d memory shares', (extra, shares) => {
    expect(loadOk(vm(extra)).vms[0].memShares).toBe(shares);
  });
});

describe('count cloning', () => {
  it('names clones NAME-1 … NAME-N and VMs name a clone of a counted host', () => {
    const p = loadOk(yaml(
      'name: c',
      'hosts:',
      '  - { name: esx, hypervisor: esxi, pcpus: 4, memory: 16GiB, count: 2 }',
      'vms:',
      '  - { name: a, host: esx-2, count: 3 }',
      '  - { name: b, host: esx-1 }',
    ));
    expect(p.hosts.map((h) => h.name)).toEqual(['esx-1', 'esx-2']);
    expect(p.vms.map((v) => [v.name, v.host])).toEqual([['a-1', 'esx-2'], ['a-2', 'esx-2'], ['a-3', 'esx-2'], ['b', 'esx-1']]);
  });

  it('count: 1 still suffixes, so adding clones later renames nothing', () => {
    const p = loadOk(yaml('name: c', 'hosts:', '  - { name: esx, hypervisor: esxi, pcpus: 4, memory: 16GiB, count: 1 }'));
    expect(p.hosts.map((h) => h.name)).toEqual(['esx-1']);
  });
});

describe('quantities where the SPEC writes them', () => {
  it('bare numbers for pcpus, mhz, hz and iops; GHz for mhz; 0 without a unit', () => {
    const p = loadOk(yaml(
      'name: u',
      'quantum: 1ms',
      'hosts:',
      '  - { name: h, hypervisor: vserver, pcpus: 2, mhz: 2.6GHz, memory: 1TB, reserved: 0, hz: 250, nic: 1Gbit/s }',
      '  - { name: k, hypervisor: kvm, pcpus: 1, memory: 2GiB }',
      'vms:',
      '  - { name: v, host: k, memory: 100MB, reservation: 0, workload: { iops: 50, net: 0, active: 0 } }',
      'events:',
      '  - { at: 0, action: power_off, target: v }',
    ));
    expect(p.quantumMs).toBe(1);
    expect(p.hosts[0]).toMatchObject({ mhz: 2600, memoryMiB: 953674.31640625, reservedMiB: 0, hz: 250, nicMbit: 1000 });
    expect(p.vms[0].memoryMiB).toBe(95.367431640625);
    expect(p.vms[0].workload).toMatchObject({ iops: 50, netMbit: 0, activeMiB: 0 });
    expect(p.events).toEqual([{ atMs: 0, command: { action: 'power_off', target: 'v' } }]);
  });

  it('follows YAML anchors and aliases', () => {
    const p = loadOk(yaml(
      'name: a',
      'hosts:',
      '  - &big { name: big, hypervisor: esxi, pcpus: 16, memory: 64GiB }',
      'vms:',
      '  - { name: v, host: big, workload: &busy { cpu: 90% } }',
      '  - { name: w, host: big, workload: *busy }',
    ));
    expect(p.vms.map((v) => v.workload.cpu)).toEqual([0.9, 0.9]);
  });
});

describe('the size of a lab', () => {
  it('counts clones: more vCPUs, VMs or hosts than LAB_MAX in all is refused at the section, with the total', () => {
    const text = [
      'name: big', 'hosts:', '  - { name: h, hypervisor: esxi, pcpus: 4, memory: 64GiB, count: 1000 }',
      'vms:', '  - { name: v, host: h-1, memory: 1GiB, vcpus: 128, count: 1000 }',
    ].join('\n');
    const r = loadProfileText(text, 'big.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map(formatProfileError)).toEqual(['big.yaml:4:1: vms: the lab has 128,000 vCPUs in all (count: included); at most 100,000']);
  });

  it('refuses a profile text over 1 MiB before parsing it', () => {
    const r = loadProfileText(`name: x\n# ${'x'.repeat(PROFILE_TEXT_MAX)}\n`, 'long.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProfileError(r.errors[0])).toBe('long.yaml:1:1: the profile is 1.0 MiB; at most 1 MiB is read (count: N clones an entry)');
  });
});
