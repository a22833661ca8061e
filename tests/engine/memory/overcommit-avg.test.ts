// esxtop's MEM overcommit avg: the excess of powered-on VMs' configured memory over the memory
// for VMs, averaged over 1, 5 and 15 minutes as the load average is.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { host, profile, vm } from '../../helpers/profile.js';

describe('MEM overcommit avg', () => {
  // 8 GiB with 1 GiB reserved: 7 GiB for VMs; seven 2 GiB VMs configure 14 GiB: excess 1.00
  const lab = () => profile([host('h', { pcpus: 4, memoryMiB: 8192, reservedMiB: 1024 })],
    Array.from({ length: 7 }, (_, i) => vm(`v${i}`, 'h', { memoryMiB: 2048, workload: { cpu: 0.1, activeMiB: 64 } })));

  it('rises toward the excess over each window: 1 - e^-1 of it after one minute in the 1-minute average', () => {
    const e = new Engine(lab());
    e.advance(60_000);
    const [one, five, fifteen] = e.sample().hosts[0].overcommitAvg;
    expect(one).toBeCloseTo(1 - Math.exp(-1), 2);
    expect(five).toBeCloseTo(1 - Math.exp(-1 / 5), 2);
    expect(fifteen).toBeCloseTo(1 - Math.exp(-1 / 15), 2);
  });

  it('settles at the excess, and a VM powered off lowers it', () => {
    const e = new Engine(lab());
    e.advance(90 * 60_000);
    for (const x of e.sample().hosts[0].overcommitAvg) expect(x).toBeCloseTo(1, 2);
    e.submit({ action: 'power_off', target: 'v0' });
    e.advance(10 * 60_000);
    // 12 GiB of 7: 0.71 excess; ten minutes is ten 1-minute windows
    expect(e.sample().hosts[0].overcommitAvg[0]).toBeCloseTo(12 / 7 - 1, 2);
  });
});
