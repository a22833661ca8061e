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
