// A driver partition that fails or is restarted (docs/model/io.md, TV-P1..P5): every routed
// guest keeps its vCPUs but its I/O stops — packets dropped, disk commands held in the ring up
// to the queue depth, its vCPUs blocked on them (%VMWAIT) — and the ring drains when it is back.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { IO_BLOCKED_WAIT, PARTITION_BOOT_MS, VDISK_QUEUE_DEPTH } from '../../../src/engine/io/constants.js';
import type { Snapshot, VmSample } from '../../../src/engine/snapshot.js';
import type { Command, Hypervisor } from '../../../src/profile/types.js';
import { host, profile, vm } from '../../helpers/profile.js';

const lab = (hypervisor: Hypervisor = 'xen') => profile([host('x', { hypervisor, pcpus: 8, nicMbit: 10000, disk: { iops: 8000, bandwidthMiBs: 400, latencyMs: 1 } })], [
  vm('db', 'x', { vcpus: 2, workload: { cpu: 0.4, iops: 2000 } }),
  vm('web', 'x', { vcpus: 2, workload: { cpu: 0.4, netMbit: 300 } }),
  vm('calc', 'x', { vcpus: 2, workload: { cpu: 0.6 } }),
  vm('pt', 'x', { vcpus: 2, io: 'passthrough', workload: { cpu: 0.3, netMbit: 300, iops: 500 } }),
]);

function run(hypervisor: Hypervisor, commands: [number, Command][], untilS: number, everyS = 5): Snapshot[] {
  const e = new Engine(lab(hypervisor), { timeline: commands.map(([s, command]) => ({ atMs: s * 1000, command })) });
  const out: Snapshot[] = [];
  for (let t = everyS; t <= untilS; t += everyS) {
    e.advance(everyS * 1000);
    out.push(e.sample());
  }
  return out;
}
const by = (s: Snapshot, name: string): VmSample => s.vms.find((v) => v.name === name)!;

describe('a driver partition that fails or restarts (TV-P1..P5)', () => {
  const fail: Command = { action: 'fail', target: 'x', partition: 'Domain-0' };
  const recover: Command = { action: 'recover', target: 'x', partition: 'Domain-0' };
  const samples = run('xen', [[20, fail], [40, recover]], 60);
  const before = samples[3]; // 15..20 s
  const during = samples[5]; // 25..30 s
  const after = samples[9]; // 45..50 s

  it('TV-P1: while Domain-0 is down it runs nothing and every routed guest\'s packets are dropped, its disk commands held (QUED 64, 0 served)', () => {
    expect(by(before, 'Domain-0')['%USED']).toBeGreaterThan(20);
    expect(by(during, 'Domain-0').state).toBe('down');
    expect(by(during, 'Domain-0')['%USED']).toBe(0);
    expect(by(before, 'web')['%DRPTX']).toBe(0);
    expect(by(during, 'web')['MbTX/s']).toBe(0);
    expect(by(during, 'web')['%DRPTX']).toBeCloseTo(100, 6);
    expect(by(during, 'web')['%DRPRX']).toBeCloseTo(100, 6);
    expect(by(before, 'db')['CMDS/s']).toBeCloseTo(2000, -1);
    expect(by(during, 'db')['CMDS/s']).toBe(0);
    expect(by(during, 'db').QUED_CMDS).toBeCloseTo(VDISK_QUEUE_DEPTH, 6);
  });

  it('TV-P2: guests keep their CPU: no %RDY; those blocked on I/O wait (%VMWAIT 90 % a vCPU), a CPU-only guest and a passthrough one run on', () => {
    for (const name of ['db', 'web']) {
      const v = by(during, name);
      expect(v['%VMWAIT']).toBeCloseTo(100 * IO_BLOCKED_WAIT * v.vcpus, 0);
      expect(v['%RDY']).toBeLessThan(1);
      expect(v['%USED']).toBeLessThan(by(before, name)['%USED'] / 2);
    }
    expect(by(during, 'calc')['%USED']).toBeCloseTo(by(before, 'calc')['%USED'], 0);
    expect(by(during, 'calc')['%VMWAIT']).toBe(0);
    expect(by(during, 'pt')['MbTX/s']).toBeCloseTo(300, 0);
    expect(by(during, 'pt')['CMDS/s']).toBeCloseTo(500, 0);
  });

  it('TV-P3: recovery drains the ring: the held commands complete with their wait in KAVG, then all is as before', () => {
    const back = samples[4 + 4]; // 40..45 s, recovered at 40 s
    expect(back.events.map((e) => e.kind)).toContain('partition-up');
    // 64 commands that waited ~20 s, among ~2000 x 5 s: KAVG ~ 64 x 20000 / 10000 ~ 128 ms
    expect(by(back, 'db').KAVG).toBeGreaterThan(100);
    expect(by(back, 'db').KAVG).toBeLessThan(160);
    expect(by(after, 'db').KAVG).toBeLessThan(1);
    expect(by(after, 'db')['CMDS/s']).toBeCloseTo(2000, -1);
    expect(by(after, 'web')['%DRPTX']).toBe(0);
    expect(by(after, 'web')['%VMWAIT']).toBe(0);
    expect(by(after, 'db').QUED_CMDS).toBe(0);
  });

  it('TV-P4: restart is a patch reboot: down for its boot time, then back by itself; Hyper-V\'s parent partition the same', () => {
    const restart: Command = { action: 'restart', target: 'x', partition: 'Parent-Partition', bootMs: 10000 };
    const s = run('hyperv', [[10, restart]], 30);
    expect(by(s[2], 'Parent-Partition').state).toBe('down');
    expect(by(s[2], 'db')['CMDS/s']).toBe(0);
    const up = s.flatMap((x) => x.events).find((e) => e.kind === 'partition-up')!;
    expect(up.t).toBeCloseTo(20, 1);
    expect(by(s[5], 'Parent-Partition').state).toBe('running');
    expect(by(s[5], 'db')['CMDS/s']).toBeCloseTo(2000, -1);
    const dflt = run('xen', [[0, { action: 'restart', target: 'x', partition: 'Domain-0' }]], 40, 40);
    expect(dflt[0].events.find((e) => e.kind === 'partition-up')!.t).toBeCloseTo(PARTITION_BOOT_MS / 1000, 1);
  });

  // (a restart without a partition is no command at all: the profile and a recording refuse it, tests/profile/partition-events.test.ts)
  it('TV-P5: refused with the reason: no partition on ESXi, a wrong name, already down, a migration through a down partition', () => {
    const refusals = (hv: Hypervisor, cmds: Command[]) => run(hv, cmds.map((c) => [1, c]), 2, 2)[0].events.filter((e) => e.kind === 'refused').map((e) => e.detail);
    expect(refusals('esxi', [fail])[0]).toMatch(/esxi has none/);
    expect(refusals('xen', [{ ...fail, partition: 'Parent-Partition' }])[0]).toMatch(/its driver partition is Domain-0/);
    expect(refusals('xen', [fail, fail])[0]).toMatch(/already down/);
    expect(refusals('xen', [recover])[0]).toMatch(/Domain-0 is running/);
    const e = new Engine(profile([host('x', { hypervisor: 'xen', pcpus: 4 }), host('y', { hypervisor: 'xen', pcpus: 4 })], [vm('a', 'x')]));
    e.submit(fail);
    expect(e.migrationTargets('a').find((h) => h.host === 'y')!.reason).toMatch(/Domain-0 on x is down/);
  });
});
