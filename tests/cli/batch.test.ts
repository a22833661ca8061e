import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vmtop, shell, BIN } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();

const GOLDEN = new URL('../golden/golden-cpu.seed11.d2.n8.jsonl', import.meta.url);

describe('vmtop batch', () => {
  it('matches the golden JSONL for a fixed profile and seed', () => {
    const r = vmtop(['batch', 'tests/fixtures/golden-cpu.yaml', '-d', '2', '-n', '8', '--format', 'jsonl']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('matches the golden esxtop CSV of each host', () => {
    for (const h of ['h1', 'h2']) {
      const r = vmtop(['batch', 'tests/fixtures/golden-cpu.yaml', '-d', '2', '-n', '8', '--format', 'csv', '--host', h]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(readFileSync(new URL(`../golden/golden-cpu.seed11.d2.n8-${h}.csv`, import.meta.url), 'utf8'));
    }
  });

  it('keys come in the SPEC order and rates cover the interval', () => {
    const r = vmtop(['batch', 'tests/fixtures/golden-cpu.yaml', '-d', '2', '-n', '8']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(8);
    expect(Object.keys(lines[0])).toEqual(['t', 'hosts', 'vms', 'containers', 'vservers', 'events']);
    expect(lines.map((l) => l.t)).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
    expect(Object.keys(lines[0].vms[0])).toEqual(['name', 'host', 'state', 'NWLD', '%USED', '%RUN', '%SYS', '%WAIT',
      '%VMWAIT', '%RDY', '%IDLE', '%OVRLP', '%CSTP', '%MLMTD', '%SWPWT', 'MEMSZ', 'GRANT', 'SZTGT', 'TCHD', 'ACTV',
      'MCTLSZ', 'MCTLTGT', 'MCTLMAX', 'SWCUR', 'SWTGT', 'SWR/s', 'SWW/s', 'ZIP', 'SHRD', 'ZERO', 'SHRDSVD', 'COWH',
      'OVHD', 'MbTX/s', 'MbRX/s', '%DRPTX', '%DRPRX', 'CMDS/s', 'MBREAD/s', 'MBWRTN/s', 'DAVG', 'KAVG', 'GAVG',
      'CNSM', 'GSWAP', 'WQLEN', 'ACTV_CMDS', 'QUED_CMDS', 'AMIN', 'AMAX', 'ASHRS', 'AMLMT', 'AUNITS']);
    expect(Object.keys(lines[0].hosts[0])).toEqual(['name', 'hypervisor', 'state', 'PCPU_USED%', 'PCPU_UTIL%',
      'MEM_TOTAL', 'MEM_FREE', 'MEM_STATE', 'PSHARE_SAVING', 'MEMCTL', 'SWAP', 'ZIP', 'NIC_Mbps', 'DISK_IOPS', 'DQLEN', 'DISK_ACTV', 'DISK_QUED']);
    const events = lines.flatMap((l) => l.events);
    expect(events).toContainEqual({ t: 5, kind: 'load', target: 'a', detail: '+100% CPU (50% on each of 2 vCPUs) for 10s' });
    expect(events).toContainEqual({ t: 15, kind: 'load-end', target: 'a', detail: 'injected load finished' });
    // the timeline's migrate at 8 s: b moves from h1 to h2 (and then samples on h2)
    expect(events.find((e) => e.kind === 'migrate-start')).toMatchObject({ t: 8, target: 'b' });
    expect(events.find((e) => e.kind === 'migrate-end')).toMatchObject({ target: 'b', detail: expect.stringMatching(/^on h2 after/) });
    expect(lines[7].vms.find((v: { name: string }) => v.name === 'b').host).toBe('h2');
  });

  it('a different seed changes a bursty workload, the same seed does not', () => {
    const a = vmtop(['batch', 'tests/fixtures/golden-cpu.yaml', '-n', '10']).stdout;
    const b = vmtop(['batch', 'tests/fixtures/golden-cpu.yaml', '-n', '10']).stdout;
    const c = vmtop(['batch', 'tests/fixtures/golden-cpu.yaml', '-n', '10', '--seed', '12']).stdout;
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('writes esxtop\'s Perfmon CSV of one host: PDH header, quoted cells, trailing field, one row per sample', () => {
    const r = vmtop(['batch', 'tests/fixtures/golden-cpu.yaml', '-d', '5', '-n', '3', '--format', 'csv', '--host', 'h1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows).toHaveLength(4);
    const cells = rows.map((row) => row.slice(1, -2).split('","'));
    expect(rows[0].startsWith('"(PDH-CSV 4.0) (UTC)(0)","')).toBe(true);
    for (const c of cells) expect(c).toHaveLength(cells[0].length);
    for (const row of rows) expect(row.startsWith('"') && row.endsWith('",')).toBe(true);
    expect(cells[0]).toContain('\\\\h1\\Group Cpu(1021:a)\\% Ready');
    expect(cells[0]).toContain('\\\\h1\\Vcpu(1021:a:1021001:vmx-vcpu-0:a)\\% CoStop');
    expect(cells[0].some((c) => c.startsWith('\\\\h2\\'))).toBe(false);
    expect(cells[1][0]).toBe('01/01/2026 00:00:05');
    const ready = cells[0].indexOf('\\\\h1\\Group Cpu(1063:c)\\% Max Limited');
    expect(ready).toBeGreaterThan(0);
    // c is limited to 800 MHz of a 2000 MHz core, busy: it is held back by the limit
    expect(Number(cells[3][ready])).toBeGreaterThan(30);
  });

  it('-o writes the same bytes to a file', () => {
    const file = join(dir, 'out.jsonl');
    const r = vmtop(['batch', 'tests/fixtures/golden-cpu.yaml', '-d', '2', '-n', '8', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('ends quietly with 0 when the reader closes the pipe', () => {
    // JSONL with a large -n runs flat out; CSV without -n is endless and paced, its header first
    for (const fmt of ['jsonl -n 1000000', 'csv --host esx-a', 'csv --all-hosts']) {
      const r = shell(`node ${BIN} batch lab --format ${fmt} | head -1 > /dev/null; echo "rc=\${PIPESTATUS[0]}"`);
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('rc=0');
    }
  });

  it('rejects bad flags with exit 2 and a message naming the flag', () => {
    const cases: [string[], RegExp][] = [
      [['batch', 'lab', '-n', 'x'], /--count: expected a whole number 1..1000000, got "x"/],
      [['batch', 'lab', '-d', '-1'], /delay|-d/],
      [['batch', 'lab', '--format', 'xml'], /--format: expected csv, csv-vmtop or jsonl, got "xml"/],
      [['batch', 'nope'], /no built-in profile or file named "nope"/],
      [['batch', 'lab', '-o', '/nonexistent/dir/out.csv'], /cannot write the file: no such file or directory/],
      [['--speed', '0'], /--speed: expected/],
      [['--bogus'], /unknown option '--bogus'/],
    ];
    for (const [args, re] of cases) {
      const r = vmtop(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });
});
