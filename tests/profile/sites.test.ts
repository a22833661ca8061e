// The profile side of Site Recovery: a host's `site:`, a VM's `rpo:` and `recovery_priority:`, the
// `site_recovery:` section and the `fail_site` command.
import { describe, expect, it } from 'vitest';
import { errorsOf, loadOk, yaml } from './helpers.js';

const SITES = ['hosts:',
  '  - { name: a1, hypervisor: esxi, pcpus: 4, memory: 16GiB, site: dc1 }',
  '  - { name: b1, hypervisor: esxi, pcpus: 4, memory: 16GiB, site: dr, count: 2 }'];

describe('sites and Site Recovery', () => {
  it('reads site, rpo (SRM\'s default priority 3), the section\'s defaults and fail_site', () => {
    const p = loadOk(yaml('name: x', ...SITES, 'vms:',
      '  - { name: db, host: a1, rpo: 15m, recovery_priority: 1 }', '  - { name: app, host: a1, rpo: 1h }', '  - { name: tmp, host: a1 }',
      'events:', '  - { at: 120s, action: fail_site, target: dc1 }'));
    expect(p.hosts.map((h) => h.site)).toEqual(['dc1', 'dr', 'dr']);
    expect(p.vms.map((v) => [v.rpoMs, v.recoveryPriority])).toEqual([[900_000, 1], [3_600_000, 3], [undefined, undefined]]);
    expect(p.siteRecovery).toBeUndefined();
    expect(p.events).toEqual([{ atMs: 120_000, command: { action: 'fail_site', target: 'dc1' } }]);
    const q = loadOk(yaml('name: x', 'site_recovery: { link: 100Mbit, start_delay: 30s, power_on_delay: 10s }', ...SITES));
    expect(q.siteRecovery).toEqual({ linkMbit: 100, startDelayMs: 30_000, powerOnDelayMs: 10_000 });
  });

  it('a third site, a VM host without one, an rpo out of range or without a second site: errors with their place', () => {
    expect(errorsOf(yaml('name: x', 'hosts:',
      '  - { name: a1, hypervisor: esxi, pcpus: 4, memory: 16GiB, site: dc1 }',
      '  - { name: b1, hypervisor: esxi, pcpus: 4, memory: 16GiB, site: dr }',
      '  - { name: c1, hypervisor: esxi, pcpus: 4, memory: 16GiB, site: dc3 }',
      '  - { name: d1, hypervisor: esxi, pcpus: 4, memory: 16GiB }',
      '  - { name: lx, hypervisor: linux, pcpus: 4, memory: 16GiB }',
      '  - { name: e1, hypervisor: esxi, pcpus: 4, memory: 16GiB, site: a1 }',
      'vms:', '  - { name: v, host: a1, rpo: 5s }', '  - { name: w, host: a1, recovery_priority: 6 }', '  - { name: y, host: a1, recovery_priority: 2 }'))).toEqual([
      'test.yaml:5:66: hosts[2].site: Site Recovery pairs two sites, and the hosts already name dc1 and dr',
      'test.yaml:6:5: hosts[3].site: missing key "site": the other hosts are at sites (dc1, dr), so every VM host names one',
      'test.yaml:8:66: hosts[5].site: duplicate name "a1" (already used by a host at line 3)',
      'test.yaml:10:31: vms[0].rpo: expected a duration 10s..24h like 15m',
      'test.yaml:11:45: vms[1].recovery_priority: expected an integer 1..5',
      'test.yaml:12:26: vms[2].recovery_priority: recovery_priority applies to a protected VM: add rpo: (like 15m) to replicate it to the other site',
    ]);
    expect(errorsOf(yaml('name: x', 'site_recovery: { link: 0Mbit }', 'hosts:',
      '  - { name: a1, hypervisor: esxi, pcpus: 4, memory: 16GiB, site: dc1 }', 'vms:', '  - { name: v, host: a1, rpo: 5m }',
      'events:', '  - { at: 1s, action: fail_site, target: a1 }', '  - { at: 1s, action: fail_site, target: dc2 }'))).toEqual([
      'test.yaml:2:1: site_recovery: site_recovery needs two sites: give the hosts site: NAME (only dc1 is named)',
      'test.yaml:2:24: site_recovery.link: expected a rate above 0 like 1Gbit',
      'test.yaml:6:26: vms[0].rpo: rpo replicates to another site, and the hosts name one (dc1): give the recovery site\'s hosts site: NAME',
      'test.yaml:8:42: events[0].target: "a1" is a host, not a site (sites: dc1)',
      'test.yaml:9:42: events[1].target: unknown site "dc2"; did you mean "dc1"? (sites: dc1)',
    ]);
    expect(errorsOf(yaml('name: x', 'hosts:', '  - { name: a1, hypervisor: esxi, pcpus: 4, memory: 16GiB }', 'vms:', '  - { name: v, host: a1, rpo: 5m }'))).toEqual([
      'test.yaml:5:26: vms[0].rpo: rpo needs a site to replicate from: host "a1" has no site: (give the hosts site: NAME, two sites in all)',
    ]);
  });
});
