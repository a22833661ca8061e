// Network: a full-duplex uplink shared by vNIC shares (NIOC, reference §6.3), drops above it.
import { describe, expect, it } from 'vitest';
import { shareBandwidth } from '../../../src/engine/io/nioc.js';
import { host, profile, vm } from '../../helpers/profile.js';
import { measure } from './run.js';

function split(want: number[], shares: number[], capacity: number): { got: number[]; dropped: number } {
  const n = want.length;
  const got = new Float64Array(n);
  const dropped = shareBandwidth(n, Float64Array.from(want), Float64Array.from(shares), capacity, got, new Float64Array(n));
  return { got: [...got], dropped };
}

describe('NIOC (TV-6.3)', () => {
  it('FT 100, iSCSI 100 and a 50-share type on a saturated pNIC get 40 % / 40 % / 20 %', () => {
    const { got } = split([10000, 10000, 10000], [100, 100, 50], 10000);
    expect(got.map((x) => Math.round(x))).toEqual([4000, 4000, 2000]);
  });

  it('with only FT and iSCSI active they get 50 % / 50 %', () => {
    const { got } = split([10000, 10000, 0], [100, 100, 50], 10000);
    expect(got.map((x) => Math.round(x))).toEqual([5000, 5000, 0]);
  });

  it('what a light claimant leaves goes to the others; nothing is dropped below capacity', () => {
    expect(split([100, 10000], [100, 100], 10000).got.map(Math.round)).toEqual([100, 9900]);
    expect(split([300, 300], [100, 1], 1000)).toEqual({ got: [300, 300], dropped: 0 });
  });
});

describe('VMs on one 1 Gbit uplink', () => {
  const three = (netShares: number[]) => profile([host('h', { pcpus: 4, nicMbit: 1000 })],
    netShares.map((s, i) => vm(`v${i}`, 'h', { netShares: s, workload: { cpu: 0.1, netMbit: 500, netRxMbit: 0 } })));

  it('three VMs sending 500 Mbit/s each get about 333 each, the rest dropped', () => {
    const { vms, snap } = measure(three([50, 50, 50]));
    for (const v of vms.values()) {
      expect(v['MbTX/s']).toBeCloseTo(333.3, 0);
      expect(v['%DRPTX']).toBeCloseTo(33.3, 0);
      expect(v['PKTTX/s']).toBeCloseTo((333.33e6 / 8) / 1500, -2);
    }
    expect(snap.hosts[0].io.nicTxMbps).toBeCloseTo(1000, 0);
    expect(snap.hosts[0].NIC_Mbps).toBeCloseTo(1000, 0);
  });

  it('with vNIC shares 2:1:1 they get 500 / 250 / 250', () => {
    const { vms } = measure(three([100, 50, 50]));
    expect(vms.get('v0')!['MbTX/s']).toBeCloseTo(500, 0);
    expect(vms.get('v0')!['%DRPTX']).toBeCloseTo(0, 1);
    expect(vms.get('v1')!['MbTX/s']).toBeCloseTo(250, 0);
    expect(vms.get('v2')!['MbTX/s']).toBeCloseTo(250, 0);
    expect(vms.get('v2')!['%DRPTX']).toBeCloseTo(50, 0);
  });

  it('each direction has its own capacity (full duplex); receive defaults to the transmit demand', () => {
    const p = profile([host('h', { pcpus: 4, nicMbit: 1000 })], [
      vm('a', 'h', { workload: { cpu: 0.1, netMbit: 900 } }),
    ]);
    const a = measure(p).vms.get('a')!;
    expect(a['MbTX/s']).toBeCloseTo(900, 0);
    expect(a['MbRX/s']).toBeCloseTo(900, 0);
    expect(a['%DRPRX']).toBeCloseTo(0, 1);
  });
});

describe('I/O needs the guest\'s CPU', () => {
  it('a VM whose vCPUs are starved sends less and drops what it cannot receive', () => {
    const mk = (busy: number) => profile([host('h', { pcpus: 1 })], [
      vm('io', 'h', { workload: { cpu: 0.5, netMbit: 400 } }),
      ...Array.from({ length: busy }, (_, i) => vm(`hog${i}`, 'h', { workload: { cpu: 1 } })),
    ]);
    const alone = measure(mk(0)).vms.get('io')!;
    const crowded = measure(mk(3)).vms.get('io')!;
    expect(alone['MbTX/s']).toBeCloseTo(400, 0);
    expect(crowded['%RDY']).toBeGreaterThan(30);
    expect(crowded['MbTX/s']).toBeLessThan(alone['MbTX/s'] * 0.8);
    expect(crowded['%DRPRX']).toBeGreaterThan(10);
    expect(crowded['%DRPTX']).toBeCloseTo(0, 1); // a starved sender does not drop: it sends less
  });
});
