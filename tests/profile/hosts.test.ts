// The hosts section's service-console keys (classic ESX): their values, defaults and errors.
import { describe, expect, it } from 'vitest';
import { errorsOf, loadOk, yaml } from './helpers.js';

const esx = (extra: string) => yaml('name: x', 'hosts:', '  - name: h', '    hypervisor: esx', '    pcpus: 4', '    memory: 8GiB', extra);

describe('console_memory and console_load (classic ESX)', () => {
  it('default: 272 MiB and 5 % of the console\'s vCPU, the memory added to the VMkernel\'s 1024 MiB', () => {
    const h = loadOk(yaml('name: x', 'hosts:', '  - { name: h, hypervisor: esx, pcpus: 4, memory: 8GiB }')).hosts[0];
    expect([h.console, h.reservedMiB]).toEqual([{ memoryMiB: 272, load: 0.05 }, 1296]);
  });

  it('set: 800 MiB, 20 %; an explicit reserved: is the VMkernel\'s, the console\'s added to it', () => {
    const h = loadOk(esx('    console_memory: 800MiB\n    console_load: 20%\n    reserved: 512MiB')).hosts[0];
    expect([h.console, h.reservedMiB]).toEqual([{ memoryMiB: 800, load: 0.2 }, 1312]);
  });

  it('out of ESX\'s 272..800 MB: at the value, with the range', () => {
    expect(errorsOf(esx('    console_memory: 1GiB'))).toEqual([
      'test.yaml:7:21: hosts[0].console_memory: expected 272MiB..800MiB (ESX gives its service console 272 to 800 MB)',
    ]);
    expect(errorsOf(esx('    console_memory: 128MiB'))[0]).toMatch(/^test\.yaml:7:21: .*expected 272MiB\.\.800MiB/);
  });

  it('console_load above 100 %: at the value', () => {
    expect(errorsOf(esx('    console_load: 150%'))).toEqual(['test.yaml:7:19: hosts[0].console_load: expected a percentage 0%..100%']);
  });

  it('on a host without a service console: at the key, naming the families that have one', () => {
    const text = yaml('name: x', 'hosts:', '  - name: h', '    hypervisor: esxi', '    pcpus: 4', '    memory: 8GiB', '    console_memory: 512MiB');
    expect(errorsOf(text)).toEqual([
      'test.yaml:7:5: hosts[0].console_memory: console_memory applies only to esx hosts, whose service console it sizes (esxi has none)',
    ]);
  });

  it('the console\'s memory counts against the host: reserved with it must stay below memory', () => {
    const text = yaml('name: x', 'hosts:', '  - name: h', '    hypervisor: esx', '    pcpus: 4', '    memory: 1200MiB');
    expect(errorsOf(text)).toEqual([
      'test.yaml:6:13: hosts[0].reserved: reserved (1296 MiB with the service console\'s 272 MiB) must be < memory (1200 MiB) (the esx default; set reserved: to change it)',
    ]);
  });
});
