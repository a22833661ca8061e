// Classic ESX's service console against ESXi (docs/model/hypervisors.md, TV-SC1..SC3): a world of
// its own with its memory and the agents' CPU, which ESXi does without.
import { describe, expect, it } from 'vitest';
import { CONSOLE_MIN_CPU, CONSOLE_SHARES } from '../../src/engine/runtime.js';
import { host, profile, sampleAfter, vm } from '../helpers/profile.js';

const busy = { cpu: 1, threads: 2, activeMiB: 1024 };

describe('the service console (classic ESX)', () => {
  // the same hardware and the same two VMs, each asking for every pCPU
  const p = profile([
    host('esxi', { pcpus: 4, memoryMiB: 8192 }),
    host('esx', { pcpus: 4, memoryMiB: 8192, hypervisor: 'esx', reservedMiB: 1024 + 272, console: { memoryMiB: 272, load: 0.05 } }),
  ], [
    vm('a', 'esxi', { vcpus: 2, memoryMiB: 2048, workload: busy }), vm('b', 'esxi', { vcpus: 2, memoryMiB: 2048, workload: busy }),
    vm('c', 'esx', { vcpus: 2, memoryMiB: 2048, workload: busy }), vm('d', 'esx', { vcpus: 2, memoryMiB: 2048, workload: busy }),
  ]);
  const s = sampleAfter(p, 10_000, 20_000);
  const h = (n: string) => s.hosts.find((x) => x.name === n)!;
  const row = (name: string, hostName: string) => s.vms.find((v) => v.name === name && v.host === hostName)!;

  it('TV-SC1: a world of its own on ESX only: one vCPU, its 272 MiB granted and in use, its agents\' 5 % of CPU', () => {
    const c = row('console', 'esx');
    expect([c.kind, c.vcpus, c.NWLD, c.MEMSZ, c.GRANT, c.ACTV, c.shares]).toEqual(['system', 1, 1, 272, 272, 272, CONSOLE_SHARES]);
    expect(c.reservationMHz).toBeCloseTo(CONSOLE_MIN_CPU * 2000, 6);
    expect(c['%USED']).toBeCloseTo(5, 6);
    expect(s.vms.filter((v) => v.host === 'esxi' && v.kind === 'system')).toEqual([]);
  });

  it('TV-SC2: its memory is the VMs\' loss: reserved 1296 against 1024 MiB, free memory exactly 272 MiB less', () => {
    expect([h('esxi').reserved, h('esx').reserved]).toEqual([1024, 1296]);
    expect(h('esxi').MEM_FREE - h('esx').MEM_FREE).toBeCloseTo(272, 6);
  });

  it('TV-SC3: on a saturated host its reservation and shares keep it running (no ready time); the VMs get the rest', () => {
    const c = row('console', 'esx');
    expect(c['%RDY']).toBeLessThan(0.5);
    const vmsEsx = row('c', 'esx')['%USED'] + row('d', 'esx')['%USED'];
    const vmsEsxi = row('a', 'esxi')['%USED'] + row('b', 'esxi')['%USED'];
    expect(vmsEsxi).toBeCloseTo(400, 0);
    expect(vmsEsx).toBeCloseTo(400 - c['%USED'], 0);
  });
});
