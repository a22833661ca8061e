// Every built-in profile survives the cluster commands: each VM migrated, each host failed and
// recovered, VMs powered off and on — no exception, counters sane, memory within each host.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { listBuiltinProfiles, loadProfileFile } from '../../../src/profile/index.js';

describe('cluster commands on every built-in profile', () => {
  for (const b of listBuiltinProfiles()) {
    it(b.name, () => {
      const r = loadProfileFile(b.path);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const p = r.profile;
      const e = new Engine(p);
      e.advance(5000);
      e.sample();
      const hosts = p.hosts.map((h) => h.name);
      p.vms.forEach((v, i) => e.submit({ action: 'migrate', target: v.name, to: hosts[(i + 1) % hosts.length] }));
      for (let k = 0; k < 12; k++) {
        e.advance(5000);
        const s = e.sample();
        for (const h of s.hosts) expect(h.MEM_FREE).toBeGreaterThanOrEqual(-1e-6);
        for (const v of s.vms) for (const x of Object.values(v)) if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
      }
      e.submit({ action: 'fail', target: hosts[0] });
      if (p.vms[0]) e.submit({ action: 'power_off', target: p.vms[p.vms.length - 1].name });
      e.advance(30_000);
      e.sample();
      e.submit({ action: 'recover', target: hosts[0] });
      if (p.vms[0]) e.submit({ action: 'power_on', target: p.vms[p.vms.length - 1].name });
      e.advance(10_000);
      const s = e.sample();
      for (const h of s.hosts) expect(h.MEM_FREE).toBeGreaterThanOrEqual(-1e-6);
      expect(s.hosts[0].state).toBe('up');
    });
  }
});
