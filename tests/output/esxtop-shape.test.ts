// vmtop's esxtop CSV and a real `esxtop -b` capture read by the same reader come out the same
// shape: time column and format, quoting, trailing field, one host, instance patterns, esxtop's
// object order, names; and a reader types every shared counter the same in both.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ESXTOP_COUNTERS } from '../../src/output/esxtop/counters.js';
import { csvText, samples } from '../helpers/esxtop-run.js';
import { type PdhFile, parsePath, parsePdh, typesByCounter } from '../helpers/pdh.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/esxtop/${name}`, import.meta.url), 'utf8');
const real = parsePdh(fixture('small-esxtop-data.trimmed.csv'));
const allHeader = parsePdh(fixture('all-counters-header.trimmed.csv')).header.cells;
// esx-a: contended, a limited VM, a reservation, containers in a VM; 30 s at -d 5
const labRun = samples('lab', 5, 6);
const ours = parsePdh(csvText(labRun, ['esx-a']));

const both: [string, PdhFile][] = [['real', real], ['vmtop', ours]];
const paths = (f: PdhFile) => f.header.cells.slice(1).map((c) => parsePath(c)!);

/** object names with runs collapsed: `Group Cpu, Vcpu, Group Cpu, Vcpu, ...` */
function objectRuns(f: PdhFile): string[] {
  const out: string[] = [];
  for (const p of paths(f)) if (out[out.length - 1] !== p.object) out.push(p.object);
  return out;
}

describe('vmtop\'s esxtop CSV beside a real capture', () => {
  it('the same time column, timestamp format, quoting and trailing field on every line', () => {
    for (const [name, f] of both) {
      expect(f.header.cells[0], name).toBe('(PDH-CSV 4.0) (UTC)(0)');
      for (const line of [f.header, ...f.rows]) {
        expect(line.trailing, name).toBe(true);
        expect(line.quoted.every(Boolean), name).toBe(true);
        expect(line.cells, name).toHaveLength(f.header.cells.length);
      }
      for (const r of f.rows) expect(r.cells[0], name).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
      expect(f.rows.length, name).toBeGreaterThanOrEqual(3);
    }
  });

  it('one host per file, every column a \\\\host\\Object(instance)\\Counter path', () => {
    for (const [name, f] of both) {
      expect(paths(f).every(Boolean), name).toBe(true);
      expect(new Set(paths(f).map((p) => p.host)).size, name).toBe(1);
    }
  });

  it('the same instance patterns: groups, vmx-vcpu worlds, four-part VM ports, per-disk virtual disks, device-id SCSI devices', () => {
    const patterns: [string, RegExp][] = [
      ['Group Cpu', /^\d+:[^:]+$/],
      ['Vcpu', /^\d+:([^:]+):\d+:vmx-vcpu-\d+:\1$/],
      ['Network Port', /^vSwitch\d+:\d+:\d+:[^:]+$/],
      ['Virtual Disk', /^[^:]+:scsi\d+:\d+$/],
      ['Physical Disk SCSI Device', /^(naa|t10|mpx)\./],
      ['Physical Disk Per-Device-Per-World', /^(naa|t10|mpx)\..*-\d+$/],
    ];
    for (const [name, f] of both) {
      for (const [object, re] of patterns) {
        const hits = paths(f).filter((p) => p.object === object && re.test(p.instance ?? ''));
        expect(hits.length, `${name}: ${object} ${re}`).toBeGreaterThan(0);
      }
    }
    // vmtop writes only such instances (plus a VM's whole-VM disk and the uplink, as esxtop does)
    for (const p of paths(ours)) {
      if (p.object === 'Vcpu') expect(p.instance).toMatch(/^\d+:([^:]+):\d+:vmx-vcpu-\d+:\1$/);
      if (p.object === 'Network Port') expect(p.instance).toMatch(/^vSwitch0:\d+:(\d+:[^:]+|vmnic0)$/);
    }
  });

  it('a VM\'s port carries its VMX cartel id: one above its VMX world (its disk I/O\'s world), below its vCPU worlds', () => {
    const ids = (f: PdhFile, vm: string) => {
      const vcpu = paths(f).find((p) => p.object === 'Vcpu' && p.instance!.includes(`:${vm}:`) && p.instance!.includes(':vmx-vcpu-0:'))!;
      const port = paths(f).find((p) => p.object === 'Network Port' && /^vSwitch0:\d+:\d+:/.test(p.instance!) && p.instance!.endsWith(`:${vm}`))!;
      const world = paths(f).find((p) => p.object === 'Physical Disk Per-Device-Per-World')!;
      return { wid: Number(vcpu.instance!.split(':')[2]), cartel: Number(port.instance!.split(':')[2]), vmx: Number(/-(\d+)$/.exec(world.instance!)![1]) };
    };
    for (const [f, vm] of [[real, 'styx'], [ours, 'web-1']] as const) {
      const { wid, cartel, vmx } = ids(f, vm);
      expect(cartel - vmx, vm).toBe(1);
      expect(wid, vm).toBeGreaterThan(cartel);
    }
  });

  it('esxtop\'s object order: Physical Cpu counter by counter, each group\'s worlds right after it, then memory, disks, ports', () => {
    const realRuns = objectRuns(real);
    const ourRuns = objectRuns(ours);
    for (let i = 1; i < ourRuns.length; i++) {
      const [a, b] = [ourRuns[i - 1], ourRuns[i]];
      const ok = realRuns.some((x, j) => x === a && realRuns.slice(j + 1).includes(b));
      expect(ok, `${a} before ${b}`).toBe(true);
    }
    for (const [name, f] of both) {
      const cpu = paths(f).filter((p) => p.object === 'Physical Cpu').map((p) => `${p.counter}/${p.instance === '_Total' ? 'T' : 'n'}`);
      expect([...new Set(cpu)], name).toEqual(['% Processor Time/n', '% Processor Time/T', '% Util Time/n', '% Util Time/T']);
      expect(cpu.indexOf('% Processor Time/T'), name).toBe(cpu.lastIndexOf('% Processor Time/T'));
      let group = '';
      for (const p of paths(f)) {
        if (p.object === 'Group Cpu') group = p.instance!;
        if (p.object === 'Vcpu') expect(p.instance!.startsWith(`${group}:`), `${name}: ${p.instance} after ${group}`).toBe(true);
      }
    }
  });

  it('writes only counters esxtop has, and the ones the tools look for', () => {
    const esxtop = new Set([...real.header.cells, ...allHeader].map(parsePath).filter(Boolean).map((p) => `${p!.object}\\${p!.counter}`));
    for (const p of paths(ours)) expect(esxtop, `${p.object}\\${p.counter}`).toContain(`${p.object}\\${p.counter}`);
    for (const [name, f] of both) {
      for (const want of ['Virtual Disk\\Average MilliSec/Write', 'Group Cpu\\% Ready', 'Vcpu\\% CoStop', 'Network Port\\MBits Transmitted/sec',
        'Group Memory\\Swapped MBytes', 'Memory\\Kernel State', 'Network Port\\Average Packet Size  Transmitted (Bytes)']) {
        expect(paths(f).some((p) => `${p.object}\\${p.counter}` === want), `${name}: ${want}`).toBe(true);
      }
    }
  });

  it('types every counter both files have the same way (int or two decimals), with no empty cells', () => {
    const realTypes = typesByCounter(real);
    const ourTypes = typesByCounter(ours);
    let shared = 0;
    for (const [key, types] of ourTypes) {
      expect(types.has('empty'), key).toBe(false);
      const theirs = realTypes.get(key);
      if (!theirs) continue;
      expect([...types], key).toEqual([...theirs]);
      shared++;
    }
    expect(shared).toBeGreaterThan(50);
    // the -a counters (no data rows in the fixture) follow the table
    const groupCpu = ESXTOP_COUNTERS['Group Cpu'];
    expect([...ourTypes.get('Group Cpu\\Alloc Max')!]).toEqual([groupCpu['Alloc Max'].format]);
  });
});
