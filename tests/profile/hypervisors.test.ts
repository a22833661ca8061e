// The hypervisor-traits table is what the loader, the engine and the monitor read: each trait is
// checked here through the behaviour it drives, so a row that says one thing while the code does
// another fails.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { familiesThat, HYPERVISOR_TRAITS, HYPERVISORS } from '../../src/profile/hypervisors.js';
import { readySeenAs } from '../../src/tui/entity.js';
import { errorsOf, loadOk, yaml } from './helpers.js';

const host = (hv: string, extra = '') => `  - { name: h, hypervisor: ${hv}, pcpus: 4, memory: 16GiB${extra} }`;

describe('hypervisor traits', () => {
  it('lists the families the profile accepts, in the documented order', () => {
    expect(HYPERVISORS).toEqual(['esxi', 'xen', 'hyperv', 'kvm', 'vbox', 'vserver', 'linux']);
  });

  it('only ESXi keeps an SMP VM\'s vCPUs together; Xen, KVM, Hyper-V and VirtualBox schedule each on its own', () => {
    expect(familiesThat('coschedules')).toEqual(['esxi']);
  });

  it.each(HYPERVISORS)('%s: a VM loads on it exactly when the table says it runs VMs', (hv) => {
    const text = yaml('name: x', 'hosts:', host(hv), 'vms:', '  - { name: v, host: h, vcpus: 1, memory: 1GiB }');
    if (HYPERVISOR_TRAITS[hv].runsVms) loadOk(text);
    else expect(errorsOf(text).join('\n')).toContain('cannot run VMs');
  });

  it.each(HYPERVISORS)('%s: a container loads on the host exactly when the table says it runs containers', (hv) => {
    const text = yaml('name: x', 'hosts:', host(hv), 'containers:', '  - { name: c, host: h }');
    if (HYPERVISOR_TRAITS[hv].runsContainers) loadOk(text);
    else expect(errorsOf(text).join('\n')).toContain('no Linux kernel to run containers');
  });

  it.each(HYPERVISORS)('%s: the reserved memory a host keeps by default is the table\'s', (hv) => {
    expect(loadOk(yaml('name: x', 'hosts:', host(hv))).hosts[0].reservedMiB).toBe(HYPERVISOR_TRAITS[hv].reservedMiB);
  });

  it.each(HYPERVISORS)('%s: the driver partition appears in the sample exactly when the table names one', (hv) => {
    const engine = new Engine(loadOk(yaml('name: x', 'hosts:', host(hv))));
    engine.advance(2000);
    const names = engine.sample().vms.map((v) => v.name);
    const partition = HYPERVISOR_TRAITS[hv].ioPartition;
    // a type-2 host lists its own OS as a world too (the host_os_load test below covers it)
    expect(names.filter((n) => n !== 'Host-OS')).toEqual(partition ? [partition] : []);
    expect(names.includes('Host-OS')).toBe(HYPERVISOR_TRAITS[hv].hostOs);
  });

  it.each(HYPERVISORS)('%s: host_os_load is accepted exactly on a family with a host OS', (hv) => {
    const text = yaml('name: x', 'hosts:', host(hv, ', host_os_load: 10%'));
    if (HYPERVISOR_TRAITS[hv].hostOs) expect(loadOk(text).hosts[0].hostOsLoad).toBeCloseTo(0.1);
    else expect(errorsOf(text).join('\n')).toContain('host_os_load applies only to vbox hosts');
  });

  it.each(HYPERVISORS)('%s: the details say how a guest sees ready time as the table says', (hv) => {
    const t = HYPERVISOR_TRAITS[hv];
    expect(readySeenAs(hv)).toBe(!t.runsVms ? '-' : t.stealTime ? 'steal time (st in top)' : 'not reported to the guest');
  });
});
