// Site Recovery: a protected VM's replication points against its RPO, and a site failure's
// recovery plan — priority groups in order after the plan's delays, each VM losing the writes since
// its last point (docs/model/cluster.md, TV-R1..R3).
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { replicationPeriodMs, span } from '../../../src/engine/cluster/replication.js';
import type { Snapshot } from '../../../src/engine/snapshot.js';
import { events, host, lab, run, vm } from './helpers.js';

const row = (s: Snapshot, name: string) => s.vms.find((v) => v.name === name)!;

// 1000 commands/s, 30 % writes of 32 KiB: 9.375 MiB/s changed; 100 Mbit/s = 11.92 MiB/s
const WRITE_MIBS = 1000 * 0.3 * 32 / 1024;
const LINK_MIBS = 100 / 8.388608;

function twoSites(link = 100) {
  const hosts = [host('a1', { pcpus: 8, site: 'dc1' }), host('a2', { pcpus: 8, site: 'dc1' }), host('b1', { pcpus: 8, site: 'dr' }), host('b2', { pcpus: 8, site: 'dr' })];
  const vms = [
    vm('db', 'a1', { rpoMs: 300_000, recoveryPriority: 1, workload: { cpu: 0.2, iops: 1000 } }),
    vm('app', 'a2', { rpoMs: 300_000, recoveryPriority: 2, workload: { cpu: 0.2 } }),
    vm('web', 'a1', { rpoMs: 300_000, recoveryPriority: 3, workload: { cpu: 0.2 } }),
    vm('tmp', 'a2', { workload: { cpu: 0.2 } }),
    vm('local', 'b1', { workload: { cpu: 0.2 } }),
  ];
  return lab(hosts, vms, { drs: 'auto' }, { siteRecovery: { linkMbit: link, startDelayMs: 60_000, powerOnDelayMs: 10_000 } });
}

describe('replication', () => {
  it('TV-R1: 9.375 MiB/s over 100 Mbit/s with a 5 min RPO: a point every (300 - 2) / (1 + 0.786) = 166.8 s, never older than the RPO', () => {
    expect(replicationPeriodMs(300_000, WRITE_MIBS, LINK_MIBS) / 1000).toBeCloseTo(166.8, 1);
    const e = new Engine(twoSites());
    const samples = run(e, 1000_000, 1000);
    const ages = samples.map((s) => row(s, 'db').replica!.ageS);
    expect(Math.max(...ages)).toBeLessThanOrEqual(300);
    expect(Math.max(...ages)).toBeGreaterThan(290);
    // the points (each sample's time less the age): spaced by the period, on whole seconds; each
    // sync 166.8 x 0.786 = 131 s on the wire, so the age just after a point is ~132 s
    const points = [...new Set(samples.map((s) => Math.round(s.t - row(s, 'db').replica!.ageS)))];
    expect(points).toHaveLength(6);
    for (let i = 1; i < points.length; i++) expect(Math.abs(points[i] - points[i - 1] - 166.8)).toBeLessThan(2);
    expect(Math.min(...ages.slice(320))).toBeGreaterThan(130);
    expect(events(samples, 'rpo-violated')).toEqual([]);
    // the quiet VMs change nothing: a point just before the RPO, 0 MiB to send
    expect(Math.max(...samples.map((s) => row(s, 'app').replica!.ageS))).toBeLessThanOrEqual(300);
    expect(row(samples[0], 'tmp').replica).toBeUndefined();
  });

  it('a link too slow for the changes misses the RPO, and says why', () => {
    const e = new Engine(twoSites(20));
    const samples = run(e, 400_000, 1000);
    const late = events(samples, 'rpo-violated').filter((x) => x.target === 'db');
    // 9.375 MiB/s of changes on 2.38 MiB/s: every sync ends past the RPO
    expect(late.map((x) => x.t)).toEqual([301, 362]);
    expect(late[0].detail).toMatch(/^its replica at dr is 5 min \d+ s old, past its RPO of 5 min \(its sync did not finish in time: \d+ MiB changed\)$/);
  });
});

describe('fail_site and the recovery plan', () => {
  it('TV-R2: the site goes down at 400 s; priority 1 at 460 s, 2 at 475 s, 3 at 490 s (5 s boots, 10 s delays); each VM loses the time since its point', () => {
    const e = new Engine(twoSites());
    const before = run(e, 400_000, 1000);
    const age = (name: string) => row(before.at(-1)!, name).replica!.ageS;
    const lost = { db: age('db'), app: age('app'), web: age('web') };
    e.submit({ action: 'fail_site', target: 'dc1' });
    const after = run(e, 520_000, 1000);
    const ev = (kind: string) => events(after, kind);
    expect(ev('site-failed')[0].detail).toBe('site dc1 is down: a1, a2 failed at once; 3 protected VMs to recover at dr, 1 unprotected stays down');
    expect(ev('srm-group').map((x) => [x.t, x.detail])).toEqual([
      [460, 'priority 1: powering on db at dr'], [475, 'priority 2: powering on app at dr'], [490, 'priority 3: powering on web at dr'],
    ]);
    const recovered = Object.fromEntries(ev('srm-recovered').map((x) => [x.target, x]));
    for (const name of ['db', 'app', 'web'] as const) {
      // the age of its replica when the site failed (the sample at 400 s covers the failure's instant)
      expect(recovered[name].detail).toContain(`${span(lost[name] * 1000)} of data lost (RPO 5 min met)`);
      expect(row(after.at(-1)!, name).recovery).toMatchObject({ from: 'dc1', to: 'dr', state: 'running', lossS: lost[name] });
      expect(['b1', 'b2']).toContain(row(after.at(-1)!, name).host);
      expect(row(after.at(-1)!, name).state).toBe('running');
    }
    expect(ev('srm-done')[0].t).toBe(505);
    // HA restarts within a site: the unprotected VM stays down, nothing restarts across
    expect(row(after.at(-1)!, 'tmp').state).toBe('down');
    expect(ev('vm-restarted')).toEqual([]);
    expect(ev('ha-unplaced')[0].detail).toMatch(/^stays down: no host of site dc1 can take it/);
    // its hosts' own events do not promise an HA restart the site cannot give
    expect(ev('host-failed').map((x) => x.detail)).toEqual(['a1', 'a2'].map(() => 'down with site dc1: HA has no host of dc1 left to restart on'));
    e.submit({ action: 'recover', target: 'a1' });
    expect(events(run(e, 530_000, 1000), 'host-recovered')[0].detail).toBe('back up, empty: its VMs run elsewhere or stay down');
    expect(after.at(-1)!.cluster!.siteRecovery!.plan).toMatchObject({ site: 'dc1', to: 'dr', groups: [1, 2, 3], doneS: 505 });
    // booting: its guest's workload waits 5 s after the power-on (no CPU), then runs
    const at = (t: number) => after.find((s) => s.t === t)!;
    expect(row(at(462), 'db')['%USED']).toBeLessThan(2);
    expect(row(at(470), 'db')['%USED']).toBeGreaterThan(15);
  });

  it('TV-R3: refused with the reason: an unknown site, a site already down; no site in the lab', () => {
    const e = new Engine(twoSites());
    e.advance(1000);
    e.submit({ action: 'fail_site', target: 'nowhere' });
    e.submit({ action: 'fail_site', target: 'dc1' });
    e.advance(100_000);
    e.submit({ action: 'fail_site', target: 'dc1' });
    e.advance(1000);
    const refused = e.sample().events.filter((x) => x.kind === 'refused').map((x) => x.detail);
    expect(refused).toEqual(['fail_site: no site named "nowhere" (sites: dc1, dr)', 'fail_site: every host of dc1 is already down']);
    const plain = new Engine(lab([host('a')], [vm('v', 'a')]));
    plain.submit({ action: 'fail_site', target: 'a' });
    plain.advance(10);
    expect(plain.sample().events.map((x) => x.detail)).toEqual(['fail_site: no host names a site (site: on the hosts)']);
  });
});
