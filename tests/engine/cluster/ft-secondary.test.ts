// The FT secondary's cost (docs/model/cluster.md, TV-C6): a legacy secondary executes the
// primary's instruction stream on its host, an SMP-FT one a tenth of it; idle logging has a floor.
import { describe, expect, it } from 'vitest';
import { FT_IDLE_LOGGING_MBIT, SMP_FT_SECONDARY_CPU } from '../../../src/engine/cluster/ft.js';
import { Engine } from '../../../src/engine/engine.js';
import type { FtKind } from '../../../src/profile/types.js';
import { events, host, lab, run, vm } from './helpers.js';

function ftLab(ft: boolean | FtKind, cpu = 0.8) {
  const hosts = ['a', 'b', 'c'].map((n) => host(n, { pcpus: 2, memoryMiB: 16384 }));
  const vms = [vm('x', 'a', { vcpus: 1, ft, workload: { cpu, activeMiB: 512 } })];
  return new Engine(lab(hosts, vms, { admission: 'off' }));
}

const secondaryRow = (s: ReturnType<typeof run>[number]) => s.vms.find((v) => v.name === 'x (secondary)');

describe('FT secondary (TV-C6)', () => {
  it('legacy: the secondary on b uses what the primary uses on a (80 % of a pCPU)', () => {
    const s = run(ftLab('legacy'), 30_000, 10_000).at(-1)!;
    const primary = s.vms.find((v) => v.name === 'x')!;
    const sec = secondaryRow(s)!;
    expect(primary.host).toBe('a');
    expect(sec.host).not.toBe('a');
    expect(sec['%USED']).toBeCloseTo(primary['%USED'], -1);
    expect(sec['%USED']).toBeGreaterThan(70);
    const secHost = s.hosts.find((h) => h.name === sec.host)!;
    const other = s.hosts.find((h) => h.name !== 'a' && h.name !== sec.host)!;
    expect(secHost['PCPU_USED%']).toBeGreaterThan(other['PCPU_USED%'] + 30);
    // DRS counts it on its host like a VM: its CPU, and the memory it mirrors
    const row = s.cluster!.hosts.find((h) => h.name === sec.host)!;
    expect(row.cpuLoad).toBeGreaterThan(0.3);
    expect(row.memLoad).toBeGreaterThan(s.cluster!.hosts.find((h) => h.name === other.name)!.memLoad);
  });

  it('smp (and ft: true): the secondary costs a tenth of the primary\'s CPU', () => {
    for (const ft of ['smp', true] as const) {
      const s = run(ftLab(ft), 30_000, 10_000).at(-1)!;
      const primary = s.vms.find((v) => v.name === 'x')!;
      const sec = secondaryRow(s)!;
      expect(sec['%USED']).toBeGreaterThan(0.5 * SMP_FT_SECONDARY_CPU * primary['%USED']);
      expect(sec['%USED']).toBeLessThan(2 * SMP_FT_SECONDARY_CPU * primary['%USED']);
    }
  });

  it('an idle FT VM still logs its timer interrupts', () => {
    const s = run(ftLab('legacy', 0), 10_000, 10_000).at(-1)!;
    expect(s.cluster!.ft[0].loggingMbit).toBeCloseTo(FT_IDLE_LOGGING_MBIT, 6);
  });

  it('on failover the secondary\'s group gives way to the VM, and a new secondary starts elsewhere', () => {
    const e = ftLab('legacy');
    const before = run(e, 20_000, 10_000).at(-1)!;
    const first = secondaryRow(before)!.host;
    e.submit({ action: 'fail', target: 'a' });
    const after = run(e, 40_000, 10_000);
    expect(events(after, 'ft-failover')[0].detail).toContain(first);
    const last = after.at(-1)!;
    expect(last.vms.find((v) => v.name === 'x')!.host).toBe(first);
    const sec = secondaryRow(last)!;
    expect(sec.host).not.toBe(first);
    expect(sec.host).not.toBe('a');
    expect(last.vms.filter((v) => v.name === 'x (secondary)')).toHaveLength(1);
  });
});
