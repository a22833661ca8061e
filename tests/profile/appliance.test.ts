// The appliance and introspection keys of a VM or template: values, defaults, errors.
import { describe, expect, it } from 'vitest';
import { errorsOf, HOST, loadOk, yaml } from './helpers.js';

const vmWith = (...lines: string[]) => yaml('name: x', 'hosts:', HOST, 'vms:', '  - name: v', '    host: h', ...lines);

describe('appliance: and introspection:', () => {
  it('true: a virtual appliance; sva: a security one, with the default cost and rule; false or absent: an ordinary VM', () => {
    expect(loadOk(vmWith('    appliance: true')).vms[0]).toMatchObject({ appliance: 'appliance' });
    expect(loadOk(vmWith('    appliance: true')).vms[0].introspection).toBeUndefined();
    expect(loadOk(vmWith('    appliance: sva')).vms[0]).toMatchObject({
      appliance: 'sva', introspection: { cpuPerVm: 0.02, memoryPerVmMiB: 32, netBurst: 3, netBurstMinMbit: 100 },
    });
    expect(loadOk(vmWith('    appliance: false')).vms[0].appliance).toBeUndefined();
  });

  it('a template marked appliance gives them to the VMs deployed from it', () => {
    const p = loadOk(yaml('name: x', 'hosts:', HOST, 'templates:',
      '  - { name: sva-template, appliance: sva, introspection: { cpu_per_vm: 3%, memory_per_vm: 64MiB, net_burst: 2.5, net_burst_min: 1Gbit } }'));
    expect(p.templates?.[0]).toMatchObject({ appliance: 'sva', introspection: { cpuPerVm: 0.03, memoryPerVmMiB: 64, netBurst: 2.5, netBurstMinMbit: 1000 } });
  });

  it('errors with file:line:column', () => {
    expect(errorsOf(vmWith('    appliance: yes'))).toEqual([
      'test.yaml:7:16: vms[0].appliance: expected true (a virtual appliance), sva (a security virtual appliance) or false',
    ]);
    expect(errorsOf(vmWith('    appliance: true', '    introspection: { cpu_per_vm: 3% }'))).toEqual([
      'test.yaml:8:5: vms[0].introspection: introspection is only for a security virtual appliance (appliance: sva)',
    ]);
    expect(errorsOf(vmWith('    appliance: sva', '    introspection: { net_burst: 0.5, cpu_per_vm: 150%, colour: red }'))).toEqual([
      'test.yaml:8:33: vms[0].introspection.net_burst: expected a factor 1..1000 like 3',
      'test.yaml:8:50: vms[0].introspection.cpu_per_vm: expected a percentage 0%..100% (of one of the appliance\'s vCPUs per VM watched)',
      'test.yaml:8:56: vms[0].introspection.colour: unknown key "colour"',
    ]);
  });
});
