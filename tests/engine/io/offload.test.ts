// NIC offloads and I/OAT (docs/model/io.md, TV-N1..N4): each lowers the host's CPU per KB moved,
// in the direction it serves; I/OAT also lets one live migration stream copy pages faster.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { migrationCopyMbit, offloadFactors } from '../../../src/engine/io/cost.js';
import type { HostSpec, Hypervisor } from '../../../src/profile/types.js';
import { host, profile, vm } from '../../helpers/profile.js';
import { measure } from './run.js';

const ALL: Partial<HostSpec> = { nicOffload: ['tso', 'lro', 'toe'], ioat: true };
const sender = (hypervisor: Hypervisor, nic: Partial<HostSpec>, tx: number, rx: number) => measure(profile(
  [host('h', { hypervisor, pcpus: 8, nicMbit: 25000, ...nic })],
  [vm('a', 'h', { vcpus: 2, workload: { cpu: 0.1, netMbit: tx, netRxMbit: rx } })],
)).vms;

describe('NIC offloads and I/OAT (TV-N1..N4)', () => {
  it('TV-N1: the factors: TSO halves transmit, LRO leaves 0.6 of receive, a TOE 0.7 of both, I/OAT 0.75 of receive', () => {
    expect(offloadFactors({})).toEqual({ tx: 1, rx: 1 });
    expect(offloadFactors({ nicOffload: ['tso'] })).toEqual({ tx: 0.5, rx: 1 });
    expect(offloadFactors({ nicOffload: ['lro'], ioat: true }).rx).toBeCloseTo(0.45, 9);
    const all = offloadFactors(ALL);
    expect(all.tx).toBeCloseTo(0.35, 9);
    expect(all.rx).toBeCloseTo(0.315, 9);
  });

  it('TV-N2: ESXi, paravirtual, 2000 Mbit/s each way: %SYS 15 + 15 = 30 without offloads, 5.25 + 4.73 = 9.98 with all of them', () => {
    const plain = sender('esxi', {}, 2000, 2000).get('a')!;
    const off = sender('esxi', ALL, 2000, 2000).get('a')!;
    expect(plain['%SYS']).toBeCloseTo(30, 0);
    expect(off['%SYS']).toBeCloseTo(9.98, 0);
    // only transmit: TSO alone halves it; LRO does nothing for it
    expect(sender('esxi', { nicOffload: ['tso'] }, 2000, 0).get('a')!['%SYS']).toBeCloseTo(7.5, 0);
    expect(sender('esxi', { nicOffload: ['lro'] }, 2000, 0).get('a')!['%SYS']).toBeCloseTo(15, 0);
    expect(off['MbTX/s']).toBeCloseTo(plain['MbTX/s'], 6);
  });

  it('TV-N3: Xen, 1000 Mbit/s each way: Domain-0 does 60 % of split-driver work, 30 % above its own 20 % without offloads, 10 % with all', () => {
    const plain = sender('xen', {}, 1000, 1000).get('Domain-0')!['%USED'];
    const off = sender('xen', ALL, 1000, 1000).get('Domain-0')!['%USED'];
    expect(plain).toBeCloseTo(20 + 30, 0);
    expect(off).toBeCloseTo(20 + 30 * (0.35 + 0.315) / 2, 0);
  });

  it('TV-N4: I/OAT doubles what one migration stream copies (16 → 32 Gbit/s at 2 GHz): a VM over 40 Gbit links crosses faster', () => {
    expect(migrationCopyMbit({ mhz: 2000 })).toBeCloseTo(16000, 6);
    expect(migrationCopyMbit({ mhz: 2000, ioat: true })).toBeCloseTo(32000, 6);
    const run = (ioat: boolean) => {
      const hosts = ['a', 'b'].map((n) => host(n, { pcpus: 8, nicMbit: 40000, ioat }));
      const e = new Engine(profile(hosts, [vm('v', 'a', { memoryMiB: 4096, workload: { cpu: 0.2, activeMiB: 4096 } })], {
        events: [{ atMs: 60_000, command: { action: 'migrate', target: 'v', to: 'b' } }],
      }));
      e.advance(70_000);
      const events = e.sample().events;
      const start = events.find((x) => x.kind === 'migrate-start')!.detail;
      const end = events.find((x) => x.kind === 'migrate-end')!.detail;
      return { mbit: Number(/at (\d+) Mbit/.exec(start)![1]), s: Number(/after ([\d.]+) s/.exec(end)![1]) };
    };
    // ~1.9 GiB touched at 60 s: 16 Gbit/s (the copy) takes 1.0 s; with I/OAT the link's half, 20 Gbit/s, 0.8 s
    expect(run(false)).toEqual({ mbit: 16000, s: 1.0 });
    expect(run(true)).toEqual({ mbit: 20000, s: 0.8 });
  });
});
