// What the esxtop file's cells hold: the engine's numbers under esxtop's names, every VM that ran
// on a host (migrated in, deployed, restarted by HA) with 0.00 while it was not there, no rows
// while the host is down; and the vmtop extension's states that say why a cell is 0.
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/engine/snapshot.js';
import { KERNEL_STATE_CODE } from '../../src/output/esxtop/counters.js';
import { GROUP_STATE_CODE, HOST_STATE_CODE } from '../../src/output/esxtop/extension.js';
import { csvText, samples } from '../helpers/esxtop-run.js';
import { parsePdh } from '../helpers/pdh.js';

/** column by its path tail (`Object(instance)\Counter`) -> cells of every row */
function table(text: string) {
  const f = parsePdh(text);
  const col = (tail: string) => {
    const i = f.header.cells.findIndex((c) => c.endsWith(`\\${tail}`));
    if (i < 0) throw new Error(`no column ${tail}`);
    return f.rows.map((r) => r.cells[i]);
  };
  return { f, col, times: f.rows.map((r) => r.cells[0]), has: (tail: string) => f.header.cells.some((c) => c.endsWith(`\\${tail}`)) };
}

const vm = (s: Snapshot, name: string) => s.vms.find((v) => v.name === name)!;

describe('the esxtop file\'s cells', () => {
  const lab = samples('lab', 5, 6);
  const esxA = table(csvText(lab, ['esx-a']));

  it('are the engine\'s numbers, each in its counter\'s format', () => {
    const db = vm(lab[0], 'db');
    expect(esxA.col(`Group Cpu(${db.gid}:db)\\% Ready`)).toEqual(lab.map((s) => vm(s, 'db')['%RDY'].toFixed(2)));
    expect(esxA.col(`Group Cpu(${db.gid}:db)\\Members`)).toEqual(lab.map((s) => String(vm(s, 'db').NWLD)));
    expect(esxA.col(`Vcpu(${db.gid}:db:${db.vcpu[3].wid}:vmx-vcpu-3:db)\\% CoStop`))
      .toEqual(lab.map((s) => vm(s, 'db').vcpu[3]['%CSTP'].toFixed(2)));
    const host = (s: Snapshot) => s.hosts.find((h) => h.name === 'esx-a')!;
    expect(esxA.col('Memory\\Free MBytes')).toEqual(lab.map((s) => String(Math.round(host(s).MEM_FREE))));
    expect(esxA.col('Memory\\Kernel State')).toEqual(lab.map((s) => String(KERNEL_STATE_CODE[host(s).MEM_STATE])));
    expect(esxA.col('Physical Cpu(_Total)\\% Util Time')).toEqual(lab.map((s) => host(s)['PCPU_UTIL%'].toFixed(2)));
  });

  it('CPU ALLOC under esxtop\'s -a names: reservation, limit (-1 unlimited), shares, in MHz', () => {
    const capped = vm(lab[0], 'capped');
    const db = vm(lab[0], 'db');
    expect(capped.limitMHz).not.toBeNull();
    expect(esxA.col(`Group Cpu(${capped.gid}:capped)\\Alloc Max`)[0]).toBe(String(capped.limitMHz));
    expect(esxA.col(`Group Cpu(${db.gid}:db)\\Alloc Max`)[0]).toBe('-1');
    expect(esxA.col(`Group Cpu(${db.gid}:db)\\Alloc Shares`)[0]).toBe(String(db.shares));
    const reserved = lab[0].vms.find((v) => v.reservationMHz > 0)!;
    const file = table(csvText(lab, [reserved.host]));
    expect(file.col(`Group Cpu(${reserved.gid}:${reserved.name})\\Alloc Min`)[0]).toBe(String(reserved.reservationMHz));
  });

  it('a migrated VM reports under the host it runs on, 0.00 on the other while it is not there', () => {
    const run = samples('migration', 10, 33);
    const db = vm(run[0], 'db');
    const onB = run.map((s) => vm(s, 'db').host === 'esx-b' && vm(s, 'db').state === 'running');
    expect(onB[0]).toBe(false);
    expect(onB[onB.length - 1]).toBe(true);
    const used = (host: string) => table(csvText(run, [host])).col(`Group Cpu(${db.gid}:db)\\% Used`);
    const a = used('esx-a');
    const b = used('esx-b');
    run.forEach((s, i) => {
      const x = vm(s, 'db')['%USED'].toFixed(2);
      expect(a[i], `${s.t} s`).toBe(onB[i] || vm(s, 'db').host !== 'esx-a' ? '0.00' : x);
      expect(b[i], `${s.t} s`).toBe(onB[i] ? x : '0.00');
    });
    expect(b.some((x) => Number(x) > 0)).toBe(true);
  });

  it('a VM\'s I/O is its VMX world\'s on the device of the datastore its disk is on, before and after Storage vMotion', () => {
    const run = samples('tests/fixtures/relocate.yaml', 5, 6); // v's disk moves from h1's datastore to h2's at 4 s
    const v = vm(run[0], 'v');
    const h1 = table(csvText(run, ['h1']));
    const world = (device: string, counter: string) => h1.col(`Physical Disk Per-Device-Per-World(${device}-${v.gid * 1000 - 1})\\${counter}`);
    const [own, other] = ['naa.6000c290000000000000000000000000', 'naa.6000c290000000000000000000000001'];
    expect(run.map((s) => vm(s, 'v').datastore ?? 'h1')).toEqual(['h1', 'h2', 'h2', 'h2', 'h2', 'h2']);
    expect(world(own, 'Commands/sec')).toEqual([vm(run[0], 'v')['CMDS/s'].toFixed(2), '0.00', '0.00', '0.00', '0.00', '0.00']);
    expect(world(other, 'Average Guest MilliSec/Command').slice(1)).toEqual(run.slice(1).map((s) => vm(s, 'v').GAVG.toFixed(2)));
    expect(Number(world(other, 'Commands/sec')[5])).toBeGreaterThan(0);
  });

  it('a VM deployed mid-run has its columns in its host\'s file', () => {
    const run = samples('migration', 10, 33);
    const deployed = run[run.length - 1].vms.filter((v) => !run[0].vms.some((w) => w.gid === v.gid));
    expect(deployed.length).toBeGreaterThan(0);
    for (const v of deployed) {
      const file = table(csvText(run, [v.host]));
      const cells = file.col(`Group Cpu(${v.gid}:${v.name})\\% Used`);
      expect(cells[0]).toBe('0.00');
      expect(cells[cells.length - 1]).toBe(v['%USED'].toFixed(2));
    }
  });

  it('a failed host gets no rows until it recovers; HA\'s restarts report on their new hosts', () => {
    const run = samples('ha', 20, 12); // fail at 60 s, recover at 180 s
    const down = run.filter((s) => s.hosts.find((h) => h.name === 'esx-a')!.state !== 'up').map((s) => s.t);
    expect(down.length).toBeGreaterThan(0);
    const a = table(csvText(run, ['esx-a']));
    expect(a.f.rows).toHaveLength(run.length - down.length);
    expect(a.times).not.toContain('01/01/2026 00:01:20');
    expect(a.times).toContain('01/01/2026 00:00:40');
    expect(a.times[a.times.length - 1]).toBe('01/01/2026 00:04:00');
    const restarted = run[run.length - 1].vms.filter((v) => v.host !== 'esx-a' && run[0].vms.find((w) => w.gid === v.gid)!.host === 'esx-a' && v.state === 'running');
    expect(restarted.length).toBeGreaterThan(0);
    for (const v of restarted) expect(table(csvText(run, [v.host])).has(`Group Cpu(${v.gid}:${v.name})\\% Used`)).toBe(true);
    // the extension file keeps the rows and says why
    const ext = table(csvText(run, ['esx-a'], 'csv-vmtop'));
    expect(ext.f.rows).toHaveLength(run.length);
    expect(ext.col('Host\\State')).toContain(String(HOST_STATE_CODE.failed));
    const v = restarted[0];
    const states = ext.col(`Group State(${v.gid}:${v.name})\\State`);
    expect(states[0]).toBe(String(GROUP_STATE_CODE.running));
    expect(states[states.length - 1]).toBe(String(GROUP_STATE_CODE.elsewhere));
  });

  it('several hosts in one file leave a down host\'s cells empty', () => {
    const run = samples('ha', 20, 6);
    const all = table(csvText(run, ['esx-a', 'esx-b', 'esx-c']));
    expect(all.f.rows).toHaveLength(run.length);
    const free = all.col('Memory\\Free MBytes'); // the first: esx-a's
    expect(free.slice(0, 2).every((x) => x !== '')).toBe(true);
    expect(free[free.length - 1]).toBe('');
  });
});
