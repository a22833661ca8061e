// The I/O keys: a workload's `net_rx`, and a VM's `net_shares` and `disk_shares`.
import { describe, expect, it } from 'vitest';
import { errorsOf, HOST, loadOk, yaml } from './helpers.js';

const vmWith = (line: string) => yaml('name: p', 'hosts:', HOST, 'vms:', line);

describe('I/O keys', () => {
  it('net_rx is the receive demand; without it receive equals transmit', () => {
    const p = loadOk(yaml('name: p', 'hosts:', HOST, 'vms:',
      '  - { name: a, host: h, workload: { net: 1Gbit, net_rx: 200Mbit } }',
      '  - { name: b, host: h, workload: { net: 300Mbit } }'));
    expect(p.vms.map((v) => [v.workload.netMbit, v.workload.netRxMbit])).toEqual([[1000, 200], [300, 300]]);
  });

  it('net_shares and disk_shares take presets or integers; presets are per device', () => {
    const p = loadOk(yaml('name: p', 'hosts:', HOST, 'vms:',
      '  - { name: a, host: h, vcpus: 4, net_shares: high, disk_shares: low }',
      '  - { name: b, host: h, net_shares: 10, disk_shares: 3000 }',
      '  - { name: c, host: h }'));
    expect(p.vms.map((v) => [v.netShares, v.diskShares])).toEqual([[100, 500], [10, 3000], [50, 1000]]);
  });

  it('rejects bad values with the expected forms', () => {
    expect(errorsOf(vmWith('  - { name: a, host: h, net_shares: 500 }'))[0]).toMatch(/net_shares: expected low \| normal \| high or an integer 1\.\.100/);
    expect(errorsOf(vmWith('  - { name: a, host: h, disk_shares: huge }'))[0]).toMatch(/disk_shares: expected low \| normal \| high or an integer 1\.\.4000/);
    expect(errorsOf(vmWith('  - { name: a, host: h, workload: { net_rx: fast } }'))[0]).toMatch(/net_rx/);
  });
});
