// `partition:` on fail, recover and restart names the host's driver partition (docs/model/io.md).
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/record/parse.js';
import { errorsOf, loadOk, yaml } from './helpers.js';

const lab = (...events: string[]) => yaml(
  'name: p',
  'hosts:',
  '  - { name: xen-1, hypervisor: xen, pcpus: 4, memory: 16GiB }',
  '  - { name: esx-1, hypervisor: esxi, pcpus: 4, memory: 16GiB }',
  'events:',
  ...events,
);

describe('partition commands in a profile', () => {
  it('reads fail, recover and restart of Domain-0, with restart\'s boot time', () => {
    const p = loadOk(lab(
      '  - { at: 10s, action: fail, target: xen-1, partition: Domain-0 }',
      '  - { at: 20s, action: recover, target: xen-1, partition: Domain-0 }',
      '  - { at: 30s, action: restart, target: xen-1, partition: Domain-0, boot: 45s }',
    ));
    expect(p.events.map((e) => e.command)).toEqual([
      { action: 'fail', target: 'xen-1', partition: 'Domain-0' },
      { action: 'recover', target: 'xen-1', partition: 'Domain-0' },
      { action: 'restart', target: 'xen-1', partition: 'Domain-0', bootMs: 45000 },
    ]);
  });

  it('says where and what was expected: the host\'s own partition, a partition for restart, boot only on restart', () => {
    expect(errorsOf(lab('  - { at: 10s, action: fail, target: xen-1, partition: Parent-Partition }')).join('\n'))
      .toMatch(/test\.yaml:6:\d+: .*partition.*xen-1's driver partition is Domain-0/);
    expect(errorsOf(lab('  - { at: 10s, action: fail, target: esx-1, partition: Domain-0 }')).join('\n'))
      .toMatch(/esx-1 is esxi, which has no driver partition/);
    expect(errorsOf(lab('  - { at: 10s, action: restart, target: xen-1 }')).join('\n')).toMatch(/add partition: Domain-0/);
    expect(errorsOf(lab('  - { at: 10s, action: fail, target: xen-1, partition: Domain-0, boot: 5s }')).join('\n'))
      .toMatch(/"boot" applies only to restart events/);
  });

  it('a recording keeps the partition and boot time, and refuses a bad one', () => {
    expect(checkCommand({ action: 'restart', target: 'xen-1', partition: 'Domain-0', bootMs: 30000 })).toEqual({ action: 'restart', target: 'xen-1', partition: 'Domain-0', bootMs: 30000 });
    expect(checkCommand({ action: 'restart', target: 'xen-1', partition: 'Domain-0', bootMs: -1 })).toMatch(/bootMs must be a positive number/);
    expect(checkCommand({ action: 'restart', target: 'xen-1', bootMs: 30000 })).toBe('restart: "partition" must be a partition\'s name (Domain-0, Parent-Partition)');
    expect(checkCommand({ action: 'fail', target: 'xen-1' })).toEqual({ action: 'fail', target: 'xen-1' });
  });
});

describe('nic_offload and ioat on a host', () => {
  it('reads them, and says what was expected', () => {
    const p = loadOk(yaml('name: p', 'hosts:', '  - { name: h, hypervisor: esxi, pcpus: 4, memory: 16GiB, nic_offload: [tso, lro, toe], ioat: true }'));
    expect([p.hosts[0].nicOffload, p.hosts[0].ioat]).toEqual([['tso', 'lro', 'toe'], true]);
    expect(errorsOf(yaml('name: p', 'hosts:', '  - { name: h, hypervisor: esxi, pcpus: 4, memory: 16GiB, nic_offload: [tso, gro] }')).join('\n'))
      .toMatch(/nic_offload.*expected a NIC offload: tso, lro, toe/);
  });
});
