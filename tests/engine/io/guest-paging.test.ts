// A guest paging to its own virtual disk under the balloon (docs/model/io.md, "Paging in the
// guest", TV-IO-P1..P3): what the memory model says it read back and wrote out shows as read and
// write commands of PAGING_IO_KIB on the VM's disk and on the host's datastore.
import { describe, expect, it } from 'vitest';
import { PAGING_IO_KIB, READ_FRACTION } from '../../../src/engine/io/constants.js';
import { ACTIVE_RETOUCH_S } from '../../../src/engine/memory/constants.js';
import { host, profile, sampleAfter, vm } from '../../helpers/profile.js';

const CMDS_PER_MIB = 1024 / PAGING_IO_KIB;
const work = { cpu: 0.4, threads: 2, activeMiB: 1536 };
const DISK = { iops: 20000, bandwidthMiBs: 1000, latencyMs: 0.5 };

// the built-in service-console's esx-agents beside an ESXi host with room: an 800 MiB service
// console leaves four 2 GiB VMs using 1.5 GiB each too little, and their balloons page their
// working sets; on the ESXi host nothing pages. app-3 also has I/O of its own.
const p = profile([
  host('agents', { hypervisor: 'esx', pcpus: 4, memoryMiB: 8192, reservedMiB: 1024 + 800, console: { memoryMiB: 800, load: 0.2 }, disk: DISK }),
  host('roomy', { pcpus: 4, memoryMiB: 8192, disk: DISK }),
], [
  ...[0, 1, 2, 3].map((i) => vm(`app-${i}`, 'agents', { vcpus: 2, memoryMiB: 2048, workload: { ...work, iops: i === 3 ? 100 : 0 } })),
  ...[0, 1, 2, 3].map((i) => vm(`calm-${i}`, 'roomy', { vcpus: 2, memoryMiB: 2048, workload: work })),
]);
// past the balloon's inflation (about 130 s): the guests' swap holds still, they page in and out
const s = sampleAfter(p, 180_000, 20_000);
const row = (name: string) => s.vms.find((v) => v.name === name)!;

describe('a guest paging under its balloon reads and writes its own disk', () => {
  it('TV-IO-P1: page-ins of GSWAP/30 s MiB/s are READS/s of that x 1024/32, as many writes, at 32 KiB each', () => {
    for (const name of ['app-0', 'app-1', 'app-2']) {
      const v = row(name);
      expect(v.GSWAP, name).toBeGreaterThan(50);
      // the guest retouches its working set (all it uses, 1536 MiB) every 30 s: the swapped share comes back
      const pageInMiBs = v.GSWAP / ACTIVE_RETOUCH_S;
      expect(v['READS/s'], name).toBeCloseTo(pageInMiBs * CMDS_PER_MIB, 0);
      expect(v['WRITES/s'], name).toBeCloseTo(v['READS/s'], 6);
      expect(v['MBREAD/s'], name).toBeCloseTo(pageInMiBs, 2);
      expect(v['MBWRTN/s'], name).toBeCloseTo(v['MBREAD/s'], 6);
      expect(v['CMDS/s'], name).toBeCloseTo(v['READS/s'] + v['WRITES/s'], 6);
      expect(v.DAVG, name).toBeGreaterThan(0);
    }
    // 63 MiB in the guest's swap: about 2.1 MiB/s each way, 135 commands a second
    expect(row('app-0')['CMDS/s']).toBeGreaterThan(130);
    expect(row('app-0')['CMDS/s']).toBeLessThan(140);
  });

  it('TV-IO-P2: paging adds to a VM\'s own I/O, which keeps its 70/30 read mix', () => {
    const v = row('app-3');
    const paging = 2 * (v.GSWAP / ACTIVE_RETOUCH_S) * CMDS_PER_MIB;
    // its own 100 IOPS, less what its guest's paging stall takes from the vCPUs that issue them
    const own = v['CMDS/s'] - paging;
    expect(own).toBeGreaterThan(5);
    expect(own).toBeLessThan(100);
    expect(v['READS/s']).toBeCloseTo(own * READ_FRACTION + paging / 2, 0);
    expect(v['WRITES/s']).toBeCloseTo(own * (1 - READ_FRACTION) + paging / 2, 0);
    expect(v['MBREAD/s'] + v['MBWRTN/s']).toBeCloseTo((v['CMDS/s'] * PAGING_IO_KIB) / 1024, 6);
  });

  it('TV-IO-P3: the datastore carries it: host IOPS is the VMs\' sum and DAVG rises on the M/M/1 curve', () => {
    const h = s.hosts.find((x) => x.name === 'agents')!;
    const vmCmds = s.vms.filter((v) => v.host === 'agents').reduce((a, v) => a + v['CMDS/s'], 0);
    expect(h.DISK_IOPS).toBeCloseTo(vmCmds, 6);
    expect(h.DISK_IOPS).toBeGreaterThan(500);
    expect(h.io.diskDAVG).toBeCloseTo(DISK.latencyMs / (1 - h.DISK_IOPS / DISK.iops), 2);
    expect(h.io.diskReadMBs + h.io.diskWriteMBs).toBeCloseTo(s.vms.filter((v) => v.host === 'agents')
      .reduce((a, v) => a + v['MBREAD/s'] + v['MBWRTN/s'], 0), 6);
  });

  it('a host whose guests never page does no I/O at all: no commands, no queue', () => {
    const h = s.hosts.find((x) => x.name === 'roomy')!;
    expect(h.DISK_IOPS).toBe(0);
    for (const v of s.vms.filter((x) => x.host === 'roomy')) {
      expect([v.GSWAP, v['CMDS/s'], v['READS/s'], v.WQLEN]).toEqual([0, 0, 0, 0]);
    }
  });
});
