// A host's `clock` and a workload's `housekeeping`.
import { describe, expect, it } from 'vitest';
import { errorsOf, HOST, loadOk, yaml } from './helpers.js';

const hostWith = (extra: string) => yaml('name: p', 'hosts:', `  - { name: h, hypervisor: esxi, pcpus: 2, memory: 8GiB${extra} }`, 'vms:', '  - { name: a, host: h }');
const vmWith = (line: string) => yaml('name: p', 'hosts:', HOST, 'vms:', line);

describe('clock and housekeeping keys', () => {
  it('clock is a percentage of nominal; absent means nominal', () => {
    expect(loadOk(hostWith(', clock: 63%')).hosts[0].clock).toBeCloseTo(0.63, 10);
    expect(loadOk(hostWith(', clock: 130%')).hosts[0].clock).toBeCloseTo(1.3, 10);
    expect(loadOk(hostWith('')).hosts[0].clock).toBeUndefined();
  });

  it('refuses a clock of 0 or above 200%, saying what was expected', () => {
    expect(errorsOf(hostWith(', clock: 0%'))[0]).toMatch(/:3:65: hosts\[0\].clock: expected a percentage above 0% and at most 200%/);
    expect(errorsOf(hostWith(', clock: 250%'))[0]).toMatch(/clock: expected a percentage above 0% and at most 200%/);
  });

  it('housekeeping is a percentage of one pCPU per vCPU, at most the 2% an idle vCPU may ask', () => {
    const p = loadOk(vmWith('  - { name: a, host: h, workload: { housekeeping: 0.3% } }'));
    expect(p.vms[0].workload.housekeeping).toBeCloseTo(0.003, 10);
    expect(loadOk(vmWith('  - { name: a, host: h }')).vms[0].workload.housekeeping).toBe(0.01);
    expect(errorsOf(vmWith('  - { name: a, host: h, workload: { housekeeping: 5% } }'))[0])
      .toMatch(/housekeeping: expected a percentage 0%\.\.2% \(of one pCPU per vCPU, the guest kernel's idle load\)/);
  });
});
