// Reference §7.1 TV-7.1: the slot and percentage policies on the vSphere documentation's example.
import { describe, expect, it } from 'vitest';
import { admit, failoverCapacity, failoverPercent, hostSlots, slotSize } from '../../../src/engine/cluster/admission.js';

const GB = 1024;
const hosts = [{ cpuMHz: 9000, memMiB: 9 * GB }, { cpuMHz: 9000, memMiB: 6 * GB }, { cpuMHz: 6000, memMiB: 6 * GB }];
const vms = [[2, 1], [2, 1], [1, 2], [1, 1], [1, 1]].map(([c, m]) => ({ cpuMHz: c * 1000, memMiB: m * GB }));

describe('HA admission control (TV-7.1)', () => {
  it('slot = largest reservations: 2 GHz / 2 GB; slots per host 4, 3, 3', () => {
    const slot = slotSize(vms);
    expect(slot).toEqual({ cpuMHz: 2000, memMiB: 2 * GB });
    expect(hosts.map((h) => hostSlots(h, slot))).toEqual([4, 3, 3]);
  });

  it('losing H1 leaves 6 slots for 5 VMs, losing H1 and H2 leaves 3: failover capacity 1', () => {
    expect(failoverCapacity(hosts, vms)).toBe(1);
  });

  it('percentage view: CPU (24 - 7) / 24 = 70.8 %, memory (21 - 6) / 21 = 71.4 %', () => {
    const p = failoverPercent(hosts, vms);
    expect(p.cpu * 100).toBeCloseTo(70.8, 1);
    expect(p.mem * 100).toBeCloseTo(71.4, 1);
  });

  it('admits while the cluster tolerates the failures required, refuses with the reason after', () => {
    const small = { cpuMHz: 1000, memMiB: GB };
    expect(admit({ policy: 'slots', failuresTolerated: 1, reserve: 0 }, hosts, vms, small)).toBeNull();
    expect(admit({ policy: 'slots', failuresTolerated: 2, reserve: 0 }, hosts, vms, small)).toMatch(/tolerating 1 host failure, 2 required/);
    expect(admit({ policy: 'percent', failuresTolerated: 1, reserve: 0.7 }, hosts, vms, small)).toMatch(/unreserved, 70% required/);
    expect(admit({ policy: 'percent', failuresTolerated: 1, reserve: 0.5 }, hosts, vms, small)).toBeNull();
    expect(admit({ policy: 'off', failuresTolerated: 9, reserve: 1 }, hosts, vms, small)).toBeNull();
  });
});
