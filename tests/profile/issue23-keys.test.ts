// The profile keys issue 23 added: ft kinds, compressible, tps and share_scan_time.
import { describe, expect, it } from 'vitest';
import { errorsOf, HOST, loadOk, yaml } from './helpers.js';

describe('ft, compressible, tps, share_scan_time', () => {
  it('ft: true | false | legacy | smp', () => {
    for (const [v, want] of [['true', true], ['false', false], ['legacy', 'legacy'], ['smp', 'smp']] as const) {
      expect(loadOk(yaml('name: x', 'hosts:', HOST, 'vms:', `  - { name: v, host: h, ft: ${v} }`)).vms[0].ft).toBe(want);
    }
    expect(errorsOf(yaml('name: x', 'hosts:', HOST, 'vms:', '  - { name: v, host: h, ft: yes-please }')).join('\n'))
      .toMatch(/ft.*expected true, false, legacy or smp/);
  });

  it('a workload\'s compressible share is a percentage', () => {
    const p = loadOk(yaml('name: x', 'hosts:', HOST, 'vms:', '  - { name: v, host: h, workload: { compressible: 30% } }'));
    expect(p.vms[0].workload.compressible).toBeCloseTo(0.3, 9);
    expect(errorsOf(yaml('name: x', 'hosts:', HOST, 'vms:', '  - { name: v, host: h, workload: { compressible: 130% } }')).join('\n'))
      .toMatch(/compressible.*0%\.\.100%/);
  });

  it('a host\'s tps and share_scan_time', () => {
    const p = loadOk(yaml('name: x', 'hosts:', '  - { name: h, hypervisor: esxi, pcpus: 4, memory: 16GiB, tps: per-vm, share_scan_time: 2m }'));
    expect(p.hosts[0]).toMatchObject({ tps: 'per-vm', shareScanTimeS: 120 });
    expect('tps' in loadOk(yaml('name: x', 'hosts:', HOST)).hosts[0]).toBe(false);
    expect(errorsOf(yaml('name: x', 'hosts:', '  - { name: h, hypervisor: esxi, pcpus: 4, memory: 16GiB, tps: salted }')).join('\n'))
      .toMatch(/tps.*expected shared \| per-vm/);
  });
});
