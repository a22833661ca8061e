// The clock (esxtop's %A/MPERF) and a guest's own housekeeping: docs/model/cpu.md, "The clock"
// and "Housekeeping".
import { describe, expect, it } from 'vitest';
import { host, profile, sampleAfter, vm } from '../../helpers/profile.js';

const within = (x: number, want: number, tol: number) => expect(Math.abs(x - want), `${x} vs ${want}`).toBeLessThanOrEqual(tol);

describe('the clock', () => {
  it('C-1: at 60% of nominal a 50%-busy vCPU runs 50 and uses 30; PCPU USED is UTIL x 0.6; guest progress at the actual clock', () => {
    const s = sampleAfter(profile([host('h', { pcpus: 2, clock: 0.6 })], [
      vm('a', 'h', { workload: { cpu: 0.49 } }),
      vm('b', 'h', { workload: { cpu: 0 } }),
    ]), 2000, 20000);
    const h = s.hosts[0];
    const a = s.vms.find((v) => v.name === 'a')!;
    within(a['%RUN'], 50, 0.5);
    within(a['%USED'], 0.6 * a['%RUN'], 1e-9);
    within(a.vcpu[0]['%USED'], 0.6 * a.vcpu[0]['%RUN'], 1e-9);
    // time states are untouched: a world's four states still partition its time
    within(a['%RUN'] + a['%RDY'] + a['%CSTP'] + a['%WAIT'] - 200, 100, 1e-6);
    within(h['PCPU_USED%'], 0.6 * h['PCPU_UTIL%'], 1e-9);
    h.pcpuUsed.forEach((u, k) => within(u, 0.6 * h.pcpuUtil[k], 1e-9));
    // 49% of application work at 60% of 2000 MHz
    within(a.workMHz, 0.49 * 2000 * 0.6, 10);
    expect(h.clock).toBe(0.6);
  });

  it('C-2: turbo above nominal: %USED above %RUN (esxtop: a saturated pCPU can show 130 USED at 100 UTIL)', () => {
    const s = sampleAfter(profile([host('h', { clock: 1.3 })], [vm('a', 'h', { workload: { cpu: 1 } })]), 2000, 10000);
    within(s.hosts[0]['PCPU_UTIL%'], 100, 0.01);
    within(s.hosts[0]['PCPU_USED%'], 130, 0.02);
    within(s.vms[0]['%USED'], 130, 0.02);
  });

  it('without `clock`, %USED equals %RUN + %SYS and USED equals UTIL', () => {
    const s = sampleAfter(profile([host('h', { pcpus: 2 })], [vm('a', 'h', { workload: { cpu: 0.7 } })]), 2000, 10000);
    const a = s.vms[0];
    within(a['%USED'], a['%RUN'] + a['%SYS'] - a['%OVRLP'], 1e-9);
    within(s.hosts[0]['PCPU_USED%'], s.hosts[0]['PCPU_UTIL%'], 1e-9);
    expect(s.hosts[0].clock).toBe(1);
  });
});

describe('housekeeping', () => {
  it('H-1: an idle guest runs its housekeeping on each vCPU: 1% by default, 0.3% when set, 0 when 0', () => {
    const s = sampleAfter(profile([host('h', { pcpus: 4 })], [
      vm('dflt', 'h', { vcpus: 2, workload: { cpu: 0 } }),
      vm('quiet', 'h', { vcpus: 2, workload: { cpu: 0, housekeeping: 0.003 } }),
      vm('none', 'h', { workload: { cpu: 0, housekeeping: 0 } }),
    ]), 2000, 20000);
    const run = (n: string) => s.vms.find((v) => v.name === n)!['%RUN'];
    within(run('dflt'), 2, 0.01);
    within(run('quiet'), 0.6, 0.01);
    expect(run('none')).toBe(0);
  });

  it('H-2: housekeeping adds to the application\'s demand and is not guest progress', () => {
    const s = sampleAfter(profile([host('h', { pcpus: 2 })], [vm('a', 'h', { workload: { cpu: 0.5, housekeeping: 0.02 } })]), 2000, 20000);
    within(s.vms[0]['%RUN'], 52, 0.05);
    within(s.vms[0].workMHz, 0.5 * 2000, 5);
  });
});
