// Batch output with containers: the SPEC's fields and events (§3), and a valid Perfmon CSV.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vmtop } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

/** this file's temporary directory, removed after its tests */
const TMP = tempDir();

const SPEC_FIELDS = ['name', 'host', 'vm', 'image', 'frozen', 'cpu.usage%', 'cpu.weight', 'cpu.max%', 'nr_throttled',
  'throttled_usec', 'memory.current', 'memory.max', 'memory.high', 'oom_kill', 'pids.current'];

describe('vmtop batch containers', () => {
  it('JSONL: every container with the SPEC\'s fields first, in order; OOM kills, restarts, freeze and thaw as events', () => {
    const r = vmtop(['batch', 'containers', '-d', '10', '-n', '8', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const first = lines[0].containers;
    expect(first.map((c: { name: string }) => c.name)).toEqual(['web-1', 'web-2', 'web-3', 'api-1', 'api-2', 'batch', 'cache', 'worker-1', 'worker-2', 'db']);
    for (const c of first) expect(Object.keys(c).slice(0, SPEC_FIELDS.length)).toEqual(SPEC_FIELDS);
    expect(first[0]).toMatchObject({ host: 'lx-1', vm: null, image: 'nginx:1.27', 'cpu.max%': null, 'memory.max': null });
    expect(first.find((c: { name: string }) => c.name === 'worker-1')).toMatchObject({ host: 'esx-a', vm: 'k8s-node', 'memory.max': 256 });
    const kinds = lines.flatMap((l) => l.events.map((e: { kind: string }) => e.kind));
    for (const k of ['oom_kill', 'restart', 'frozen', 'thawed']) expect(kinds).toContain(k);
  });

  it('the same seed gives the same bytes', () => {
    const a = vmtop(['batch', 'containers', '-d', '5', '-n', '6']).stdout;
    expect(vmtop(['batch', 'containers', '-d', '5', '-n', '6']).stdout).toBe(a);
  });

  it('vmtop\'s CSV extension: a Cgroup object per container, on its kernel (the VM for a container inside one)', () => {
    const dir = mkdtempSync(join(TMP, 'vmtop-cg-'));
    const r = vmtop(['batch', 'containers', '-d', '5', '-n', '2', '--format', 'csv-vmtop', '-o', join(dir, 'c.csv')]);
    expect(r.code).toBe(0);
    const header = new Map<string, string[]>();
    for (const f of readdirSync(dir)) {
      const rows = readFileSync(join(dir, f), 'utf8').trim().split('\n');
      const cells = rows[0].slice(1, -2).split('","');
      for (const row of rows) expect(row.slice(1, -2).split('","')).toHaveLength(cells.length);
      header.set(f, cells);
      if (cells.includes('\\\\lx-1\\Cgroup(web-1)\\Memory Max MBytes')) {
        const max = cells.indexOf('\\\\lx-1\\Cgroup(web-1)\\Memory Max MBytes');
        expect(rows[1].slice(1, -2).split('","')[max]).toBe(''); // no limit: an empty cell
      }
    }
    const all = [...header.values()].flat();
    expect(all).toContain('\\\\lx-1\\Cgroup(api-1)\\Throttled Periods');
    expect(all).toContain('\\\\k8s-node\\Cgroup(worker-1)\\OOM Kills');
    // esxtop's file has no cgroups
    const esx = vmtop(['batch', 'containers', '-d', '5', '-n', '2', '--format', 'csv', '--all-hosts']);
    expect(esx.stdout).not.toContain('Cgroup(');
  });

  it('a profile without containers keeps "containers":[]', () => {
    // (lab has containers since it shows every concern; cpu-contention has none)
    const r = vmtop(['batch', 'cpu-contention', '-n', '1']);
    expect(JSON.parse(r.stdout).containers).toEqual([]);
  });

  it('validate counts the containers', () => {
    expect(vmtop(['validate', 'containers']).stdout).toMatch(/1 VM \(2 vCPUs\), 10 containers, 6 timeline events/);
  });
});
