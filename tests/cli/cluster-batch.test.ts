// Batch output of the cluster: migration, HA and lifecycle events in JSONL, host and VM states.
import { describe, expect, it } from 'vitest';
import { vmtop } from '../helpers/cli.js';

interface Line {
  t: number;
  hosts: { name: string; state: string; NIC_Mbps: number }[];
  vms: { name: string; host: string; state: string }[];
  events: { t: number; kind: string; target: string; detail: string }[];
}

function batch(profile: string, d: number, n: number): Line[] {
  const r = vmtop(['batch', profile, '-d', String(d), '-n', String(n), '--format', 'jsonl']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
}

describe('vmtop batch: cluster events', () => {
  it('ha: the failed host, VMs down and restarted in priority order, the FT failover, the recovery', () => {
    const lines = batch('ha', 10, 20);
    const events = lines.flatMap((l) => l.events);
    const kinds = events.map((e) => `${e.kind} ${e.target}`);
    expect(kinds).toContain('host-failed esx-a');
    expect(kinds).toContain('ft-failover payments');
    expect(kinds).toContain('vm-down scratch');
    expect(kinds).toContain('host-recovered esx-a');
    const restarted = events.filter((e) => e.kind === 'vm-restarted').map((e) => e.target);
    expect(restarted).toEqual(['db', 'app-1', 'app-2', 'batch']);
    const afterFail = lines.find((l) => l.t === 70)!;
    expect(afterFail.hosts.find((h) => h.name === 'esx-a')!.state).toBe('failed');
    expect(afterFail.vms.find((v) => v.name === 'db')!.state).toBe('down');
    expect(afterFail.vms.find((v) => v.name === 'payments')!.state).toBe('running');
    const later = lines.find((l) => l.t === 100)!;
    expect(later.vms.find((v) => v.name === 'db')!.state).toBe('running');
    expect(later.vms.find((v) => v.name === 'scratch')!.state).toBe('down');
  });

  it('migration: started, refused with its reason, finished with rounds and downtime; deploy', () => {
    const lines = batch('migration', 10, 34);
    const events = lines.flatMap((l) => l.events);
    const start = events.find((e) => e.kind === 'migrate-start' && e.target === 'db')!;
    expect(start.detail).toMatch(/esx-a -> esx-b: 4096 MiB at 1000 Mbit\/s/);
    const during = lines.find((l) => l.t === 170)!;
    expect(during.vms.find((v) => v.name === 'db')!.state).toBe('migrating');
    expect(during.hosts.find((h) => h.name === 'esx-b')!.NIC_Mbps).toBeGreaterThan(900);
    expect(events.find((e) => e.kind === 'refused' && e.target === 'nfv')!.detail).toMatch(/passthrough/);
    expect(events.find((e) => e.kind === 'migrate-end' && e.target === 'db')!.detail).toMatch(/pre-copy rounds, \d+ MiB sent, downtime 0\.\d+ s/);
    expect(events.filter((e) => e.kind === 'deploy').map((e) => e.target)).toEqual(['web-4', 'web-5']);
    expect(lines[lines.length - 1].vms.find((v) => v.name === 'web-5')!.host).toBe('esx-c');
  });
});
