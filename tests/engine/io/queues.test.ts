// Disk queues as esxtop shows them (docs/model/io.md, TV-I8): per device DQLEN, ACTV, QUED; per
// VM (its world at the device) WQLEN, ACTV, QUED. ACTV by Little's law, QUED the kernel's backlog.
import { describe, expect, it } from 'vitest';
import { DEVICE_QUEUE_DEPTH, VDISK_QUEUE_DEPTH } from '../../../src/engine/io/constants.js';
import { jsonlLine } from '../../../src/output/jsonl.js';
import { host, profile, vm } from '../../helpers/profile.js';
import { measure } from './run.js';

const at = (iops: number, other = 0) => measure(profile([host('h', { pcpus: 4, disk: { iops: 10000, bandwidthMiBs: 1000, latencyMs: 2 } })], [
  vm('a', 'h', { workload: { cpu: 0.1, iops } }),
  ...(other > 0 ? [vm('b', 'h', { workload: { cpu: 0.1, iops: other } })] : []),
]));

describe('disk queues (TV-I8)', () => {
  it('light load: ACTV = CMDS/s x DAVG (1000 x 2.22 ms = 2.2 commands), nothing queued; WQLEN and DQLEN the depths', () => {
    const { vms, snap } = at(1000);
    const a = vms.get('a')!;
    expect(a.ACTV_CMDS).toBeCloseTo((a['CMDS/s'] * a.DAVG) / 1000, 1);
    expect(a.ACTV_CMDS).toBeCloseTo(2.2, 1);
    expect(a.QUED_CMDS).toBe(0);
    expect(a.WQLEN).toBe(VDISK_QUEUE_DEPTH);
    const io = snap.hosts[0].io;
    expect(io.diskDQLEN).toBe(DEVICE_QUEUE_DEPTH);
    expect(io.diskACTV).toBeCloseTo(a.ACTV_CMDS, 6);
    expect(io.diskQUED).toBe(0);
  });

  it('past the device\'s limit: the device holds DQLEN, each VM\'s backlog waits in the kernel up to its WQLEN', () => {
    const { vms, snap } = at(8000, 8000);
    const io = snap.hosts[0].io;
    expect(io.diskACTV).toBeCloseTo(DEVICE_QUEUE_DEPTH, 0);
    for (const name of ['a', 'b']) {
      const v = vms.get(name)!;
      expect(v.QUED_CMDS).toBeGreaterThan(VDISK_QUEUE_DEPTH * 0.9);
      expect(v.QUED_CMDS).toBeLessThanOrEqual(VDISK_QUEUE_DEPTH);
      expect(v.ACTV_CMDS).toBeCloseTo(DEVICE_QUEUE_DEPTH / 2, 0);
      // KAVG is the queue's wait: QUED / CMDS/s (Little)
      expect(v.KAVG).toBeCloseTo(0.01 + (v.QUED_CMDS / v['CMDS/s']) * 1000, 0);
    }
    expect(io.diskQUED).toBeCloseTo(vms.get('a')!.QUED_CMDS + vms.get('b')!.QUED_CMDS, 6);
  });

  it('the JSONL carries them: WQLEN, ACTV_CMDS, QUED_CMDS per VM; DQLEN, DISK_ACTV, DISK_QUED per host', () => {
    const row = JSON.parse(jsonlLine(at(8000, 8000).snap));
    expect(row.vms[0]).toMatchObject({ WQLEN: VDISK_QUEUE_DEPTH });
    expect(row.vms[0].QUED_CMDS).toBeGreaterThan(50);
    expect(row.hosts[0].DQLEN).toBe(DEVICE_QUEUE_DEPTH);
    expect(row.hosts[0].DISK_ACTV).toBeCloseTo(DEVICE_QUEUE_DEPTH, 0);
    expect(row.hosts[0].DISK_QUED).toBeGreaterThan(100);
    expect(row.vms[0].ACTV).toBeDefined(); // the memory ACTV keeps its key
  });
});
