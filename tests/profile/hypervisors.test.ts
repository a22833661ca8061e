// The hypervisor-traits table is what the loader, the engine and the monitor read: each trait is
// checked here through the behaviour it drives, so a row that says one thing while the code does
// another fails.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { familiesThat, HYPERVISOR_TRAITS, HYPERVISORS } from '../../src/profile/hypervisors.js';
import { readySeenAs } from '../../src/tui/entity.js';
import { DEFAULT_CONSOLE_MIB } from '../../src/profile/hosts.js';
import { errorsOf, loadOk, yaml } from './helpers.js';

const host = (hv: string, extra = '') => `  - { name: h, hypervisor: ${hv}, pcpus: 4, memory: 16GiB${extra} }`;

describe('hypervisor traits', () => {
  it('lists the families the profile accepts, in the documented order', () => {
    expect(HYPERVISORS).toEqual(['esxi', 'esx', 'xen', 'hyperv', 'kvm', 'vbox', 'vserver', 'linux']);
  });

  it('only the VMkernel (ESXi, classic ESX) keeps an SMP VM\'s vCPUs together; Xen, KVM, Hyper-V and VirtualBox schedule each on its own', () => {
    expect(familiesThat('coschedules')).toEqual(['esxi', 'esx']);
  });

  it('only classic ESX has a service console', () => {
    expect(familiesThat('serviceConsole')).toEqual(['esx']);
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

  it.each(HYPERVISORS)('%s: the reserved memory a host keeps by default is the table\'s (and a service console\'s 272 MiB)', (hv) => {
    const console = HYPERVISOR_TRAITS[hv].serviceConsole ? DEFAULT_CONSOLE_MIB : 0;
    expect(DEFAULT_CONSOLE_MIB).toBe(272);
    expect(loadOk(yaml('name: x', 'hosts:', host(hv))).hosts[0].reservedMiB).toBe(HYPERVISOR_TRAITS[hv].reservedMiB + console);
  });

  it.each(HYPERVISORS)('%s: the service console is a world in the sample exactly when the table says, console_memory and console_load accepted only there', (hv) => {
    const t = HYPERVISOR_TRAITS[hv];
    const engine = new Engine(loadOk(yaml('name: x', 'hosts:', host(hv))));
    engine.advance(2000);
    const console = engine.sample().vms.find((v) => v.name === 'console');
    expect(console !== undefined).toBe(t.serviceConsole);
    if (console) expect([console.kind, console.vcpus, console.MEMSZ, console['%USED']]).toEqual(['system', 1, 272, 5]);
    const text = yaml('name: x', 'hosts:', host(hv, ', console_memory: 512MiB, console_load: 10%'));
    if (t.serviceConsole) expect(loadOk(text).hosts[0].console).toEqual({ memoryMiB: 512, load: 0.1 });
    else expect(errorsOf(text).join('\n')).toContain(`console_memory applies only to esx hosts, whose service console it sizes (${hv} has none)`);
  });

  it.each(HYPERVISORS)('%s: VMs move only between hosts of one platform (ESX and ESXi share the VMkernel)', (hv) => {
    const text = yaml('name: x', 'hosts:', '  - { name: a, hypervisor: esxi, pcpus: 4, memory: 16GiB }',
      host(hv).replace('name: h', 'name: b'), 'vms:', '  - { name: v, host: a, vcpus: 1, memory: 1GiB }',
      'events:', '  - { at: 1s, action: migrate, target: v, to: b }');
    const engine = new Engine(loadOk(text));
    engine.advance(2000);
    const kinds = engine.sample().events.map((e) => e.kind);
    const same = HYPERVISOR_TRAITS[hv].platform === HYPERVISOR_TRAITS.esxi.platform;
    expect(kinds.includes('migrate-start')).toBe(same);
    expect(kinds.includes('refused')).toBe(!same);
  });

  it.each(HYPERVISORS)('%s: the driver partition appears in the sample exactly when the table names one', (hv) => {
    const engine = new Engine(loadOk(yaml('name: x', 'hosts:', host(hv))));
    engine.advance(2000);
    const names = engine.sample().vms.map((v) => v.name);
    const partition = HYPERVISOR_TRAITS[hv].ioPartition;
    // a type-2 host lists its own OS as a world too (the host_os_load test below covers it), ESX
    // its service console (above)
    expect(names.filter((n) => n !== 'Host-OS' && n !== 'console')).toEqual(partition ? [partition] : []);
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
