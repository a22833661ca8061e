import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaptureParser, type CaptureSample } from '../../src/capture/parser.js';
import { CaptureStream, countLines } from '../../src/capture/stream.js';
import { captureSnapshot, type CaptureWorld } from '../../src/capture/snapshot.js';
import { realCaptureFile } from '../helpers/capture.js';
import { tempDir } from '../helpers/tmp.js';

function parse(text: string) {
  const samples: CaptureSample[] = [];
  const p = new CaptureParser((s) => samples.push(s));
  p.push(text);
  let error: Error | null = null;
  try {
    p.end();
  } catch (err) {
    error = err as Error;
  }
  return { p, samples, error };
}

const HEAD = '"(PDH-CSV 4.0) (UTC)(0)","\\\\h\\Physical Cpu(0)\\% Processor Time","\\\\h\\Physical Cpu(_Total)\\% Processor Time","\\\\h\\Group Cpu(9:vm1)\\% Run","\\\\h\\Group Cpu(9:vm1)\\% VmWait",\n';
const row = (time: string, ...xs: string[]) => `"${time}",${xs.map((x) => `"${x}"`).join(',')},\n`;
const dir = tempDir('vmtop-capture-');

describe('reading a capture\'s rows', () => {
  it('the real capture: three samples 5 s apart, with each VM\'s %RDY and worlds as the file has them', async () => {
    const s = new CaptureStream(realCaptureFile(dir));
    const got: CaptureSample[] = [];
    for (let x = await s.next(); x; x = await s.next()) got.push(x);
    expect(got.map((x) => [x.label, x.t])).toEqual([['04/26/2018 14:06:27', 0], ['04/26/2018 14:06:32', 5], ['04/26/2018 14:06:37', 10]]);
    const snap = captureSnapshot(s.layout!, got[1].values, got[1].t, got[1].interval, { file: 'f', index: 2, count: 3, label: got[1].label });
    const poseidon = snap.vms.find((v) => v.name === 'poseidon')!;
    expect(poseidon['%RDY']).toBeCloseTo(2.53, 5);
    expect(poseidon.vcpus).toBe(2);
    expect((poseidon.vcpu[0] as CaptureWorld).world).toBe('vmx-vcpu-0:poseidon');
    expect(snap.hosts[0]['PCPU_USED%']).toBeCloseTo(4.46, 5);
    expect(snap.hosts[0].MEM_TOTAL).toBe(8083);
    // the default capture has no -a counters: absent, not 0
    expect(poseidon.shares).toBeNaN();
    expect(poseidon.ZERO).toBeNaN();
    expect(s.notes.notes).toEqual([]);
  });

  it('counts lines whatever their endings', async () => {
    const f = join(dir, 'eol.csv');
    writeFileSync(f, 'a\r\nb\rc\n\nd');
    expect(await countLines(f)).toBe(4);
  });

  it('reports repeated and backward time labels and keeps row order', () => {
    const { samples, p, error } = parse(HEAD + row('3/26/2015 22:42', '1', '1', '1', '0') + row('3/26/2015 22:42', '2', '2', '2', '0')
      + row('3/26/2015 22:43', '3', '3', '3', '0') + row('3/26/2015 22:41', '4', '4', '4', '0'));
    expect(error).toBeNull();
    expect(samples.map((s) => s.label)).toEqual(['3/26/2015 22:42', '3/26/2015 22:42', '3/26/2015 22:43', '3/26/2015 22:41']);
    expect(samples.map((s) => s.t)).toEqual([0, 1, 61, 121]);
    expect(p.notes.join('\n')).toMatch(/line 3: time "3\/26\/2015 22:42" repeats/);
    expect(p.notes.join('\n')).toMatch(/line 5: time "3\/26\/2015 22:41" goes back from "3\/26\/2015 22:43"/);
  });

  it('reads a spreadsheet\'s unquoted re-save without the trailing field', () => {
    const { samples, error } = parse('(PDH-CSV 4.0) (UTC)(0),\\\\h\\Physical Cpu(_Total)\\% Processor Time\r22:42:26,7.5\r22:42:31,8\r');
    expect(error).toBeNull();
    expect(samples.map((s) => [s.values[0], s.interval])).toEqual([[7.5, 0], [8, 5]]);
  });

  it('names a short row and a truncated last row, and shows the good ones', () => {
    const { samples, p, error } = parse(HEAD + row('04/26/2018 14:06:27', '1', '2', '3', '0') + '"04/26/2018 14:06:32","1",\n'
      + row('04/26/2018 14:06:37', '1', '2', '3', '0') + '"04/26/2018 14:06:42","1","2');
    expect(error).toBeNull();
    expect(samples.length).toBe(2);
    expect(p.badRows).toEqual([3, 5]);
    expect(p.notes.join('\n')).toMatch(/line 3: 3 fields where the header has 6: row skipped/);
    expect(p.notes.join('\n')).toMatch(/ends inside a quoted cell/);
  });

  it('shows a cell that is not a number as absent and says where', () => {
    const { samples, p } = parse(HEAD + row('04/26/2018 14:06:27', '1', 'x', '3', '0'));
    expect(samples[0].values[1]).toBeNaN();
    expect(p.notes[0]).toMatch(/line 2: 1 cell is not a number \(first at column 3: "x"\)/);
  });

  it('gives one clear error for an empty file, a header only, binary junk, and no good row', () => {
    expect(parse('').error?.message).toMatch(/the file is empty: expected an esxtop batch capture/);
    expect(parse(HEAD).error?.message).toMatch(/a header line and no sample after it/);
    expect(parse('\u0000\u0001\u00ff\u0003PK\u0003\u0004').error?.message).toMatch(/line 1, column 1: expected "\(PDH-CSV 4.0\) \.\.\."/);
    expect(parse(HEAD + '"x","1"\n').error?.message).toMatch(/no usable sample: line 2: 2 fields/);
  });
});
