// The details pane's facts about how a guest sees the CPU model.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { entityMetrics, entityOf } from '../../src/tui/entity.js';
import { host, profile, vm } from '../helpers/profile.js';

function guestView(hypervisor: 'esxi' | 'kvm' | 'vbox'): Record<string, string> {
  const e = new Engine(profile([host('h', { pcpus: 2, hypervisor })], [vm('v', 'h', { vcpus: 2 })]));
  e.advance(2000);
  const snap = e.sample();
  const ent = entityOf({ key: `vm:${snap.vms.at(-1)!.gid}`, name: 'v' }, snap)!;
  const sec = entityMetrics(ent).find((s) => s.title === 'As the guest sees it')!;
  return Object.fromEntries(sec.metrics.map((m) => [m.key, m.value.trim()]));
}

describe('details: as the guest sees it', () => {
  it('names steal time where the hypervisor reports it, and who co-schedules', () => {
    expect(guestView('esxi')['%RDY seen as']).toMatch(/steal time/);
    expect(guestView('esxi').vCPUs).toMatch(/co-scheduled/);
    expect(guestView('kvm')['%RDY seen as']).toMatch(/steal time/);
    expect(guestView('kvm').vCPUs).toMatch(/no %CSTP/);
    expect(guestView('vbox')['%RDY seen as']).toMatch(/not reported/);
    expect(Number(guestView('esxi')['guest progress'])).toBeGreaterThan(3000);
  });
});

describe('details: a strict host says why it idles', () => {
  it('TV-1.3b default shares: a quarter of the pCPU time idles while the 4-vCPU gang waits', () => {
    const e = new Engine(profile([host('h', { pcpus: 4, coscheduling: 'strict' })], [
      vm('four', 'h', { vcpus: 4 }), vm('two', 'h', { vcpus: 2 }),
    ]));
    e.advance(3000);
    e.sample();
    e.advance(20000);
    const snap = e.sample();
    expect(Math.abs(snap.hosts[0].gangIdlePct - 25)).toBeLessThan(1);
    const sec = entityMetrics(entityOf({ key: 'host:h', name: 'h', kind: 'host' }, snap)!).find((s) => s.title.startsWith('Strict'))!;
    expect(sec.metrics[0].key).toBe('idle, gangs waiting');
  });
});
