// A real ESXi host's `esxtop -b` capture (tests/fixtures/esxtop/) opened in the monitor, in a real
// pseudo-terminal: what a user sees, checked against the file's own cells, read here with a plain
// split of its quoted lines (not vmtop's reader), so a mapping mistake in the reader shows.

import { afterAll, afterEach, expect, test } from 'vitest';
import { realCaptureFile, realText } from '../helpers/capture.js';
import { press, startPty, statusOf, stopPty, waitFor, type Session } from './pty.js';

const COLS = 140;
const ROWS = 45;
const VMS = ['styx', 'portunus', 'hermes', 'ananke', 'ouranos', 'poseidon'];

/** The file as esxtop writes it: every cell quoted, each line ending in `",`. */
const lines = realText('small-esxtop-data.csv').split(/\r?\n/).filter((l) => l !== '');
const cellsOf = (line: string) => line.replace(/^"/, '').replace(/",?$/, '').split('","');
const header = cellsOf(lines[0]);
const rows = lines.slice(1).map(cellsOf);
const SAMPLES = rows.length;

const columnsLike = (re: RegExp) => header.flatMap((h, i) => (re.test(h) ? [i] : []));
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The sum of the matching columns in sample k (1-based), as the panels add a VM's ports. */
const fileSum = (k: number, re: RegExp) => {
  const cols = columnsLike(re);
  expect(cols.length, String(re)).toBeGreaterThan(0);
  return cols.reduce((a, c) => a + Number(rows[k - 1][c]), 0);
};
const gidOf = (vm: string) => {
  const m = header.map((h) => new RegExp(`\\\\Group Cpu\\((\\d+):${esc(vm)}\\)\\\\% Ready$`).exec(h)).find(Boolean);
  return Number(m![1]);
};
const groupCpu = (vm: string, counter: string, k: number) => fileSum(k, new RegExp(`\\\\Group Cpu\\(${gidOf(vm)}:${esc(vm)}\\)\\\\${esc(counter)}$`));
const groupMem = (vm: string, counter: string, k: number) => fileSum(k, new RegExp(`\\\\Group Memory\\(${gidOf(vm)}:${esc(vm)}\\)\\\\${esc(counter)}$`));
const vmPorts = (vm: string, counter: string, k: number) => fileSum(k, new RegExp(`\\\\Network Port\\([^)]*:\\d+:${esc(vm)}\\)\\\\${esc(counter)}$`));
const vmDisk = (vm: string, counter: string, k: number) => fileSum(k, new RegExp(`\\\\Virtual Disk\\(${esc(vm)}\\)\\\\${esc(counter)}$`));
/** A VM's worlds as the header lists them: `gid:vm:wid:name`. */
const worldsOf = (vm: string) => {
  const prefix = `\\Vcpu(${gidOf(vm)}:${vm}:`;
  return [...new Set(header.filter((h) => h.includes(prefix) && h.endsWith('\\% Used'))
    .map((h) => h.slice(h.indexOf(prefix) + prefix.length, h.lastIndexOf(')\\'))))]
    .map((rest) => ({ wid: rest.slice(0, rest.indexOf(':')), name: rest.slice(rest.indexOf(':') + 1) }));
};

/** The value in `col` of the row named `name`, read by the column header's right edge. */
function cell(screen: string[], name: string, col: string): string {
  const head = screen.find((l) => /^ +ID NAME/.test(l));
  expect(head, 'a table header').toBeDefined();
  const end = head!.indexOf(` ${col}`) + col.length + 1;
  expect(end, `column ${col}`).toBeGreaterThan(col.length);
  const row = screen.find((l) => new RegExp(`^ *\\d+ ${esc(name)} `).test(l));
  expect(row, `a row for ${name}`).toBeDefined();
  return row!.slice(0, end).trim().split(/ +/).at(-1)!;
}

/** Shown with two decimals: equal to the file's within the last digit's rounding. */
const near = (shown: string, file: number, what: string) => {
  expect(shown, what).toMatch(/^-?\d+\.\d\d$/);
  expect(Math.abs(Number(shown) - file), `${what}: shown ${shown}, file ${file}`).toBeLessThanOrEqual(0.0051);
};

const positionOf = (screen: string[]) => /sample (\d+)\/(\d+)/.exec(screen[0])?.slice(1, 3).map(Number) ?? [];
const atSample = (k: number) => (screen: string[]) => positionOf(screen)[0] === k;

const path = realCaptureFile();
let session: Session | undefined;
afterEach(() => {
  stopPty(session);
  session = undefined;
});
afterAll(() => stopPty(session));

test('the real capture opens: its VMs with their %RDY, every sample by stepping, a VM expanded into its worlds', async () => {
  expect(SAMPLES).toBe(3);
  // the slowest playback, paused at once: sample 1 stays until it is stepped
  const s = (session = startPty([path, '--speed', '0.25'], COLS, ROWS));
  await waitFor(s, 'sample 1 of the capture', (screen) => screen[0].includes('REPLAY') && positionOf(screen)[0] === 1);
  const paused = await press(s, ' ', 'PAUSED', (screen) => screen[0].includes('PAUSED'));
  expect(positionOf(paused)).toEqual([1, SAMPLES]);
  expect(paused[0]).toContain(`host localhost.home (esxi, 2 pCPUs`);
  expect(paused[0]).toContain(rows[0][0]);

  let screen = paused;
  for (let k = 1; k <= SAMPLES; k++) {
    if (k > 1) screen = await press(s, '.', `a step to sample ${k}`, atSample(k));
    expect(screen[0]).toContain(rows[k - 1][0]); // the capture's own time label
    for (const vm of VMS) {
      near(cell(screen, vm, '%RDY'), groupCpu(vm, '% Ready', k), `${vm} %RDY, sample ${k}`);
      near(cell(screen, vm, '%USED'), groupCpu(vm, '% Used', k), `${vm} %USED, sample ${k}`);
      expect(cell(screen, vm, 'NWLD'), `${vm} NWLD`).toBe(String(groupCpu(vm, 'Members', k)));
    }
    // the kernel's own groups are rows too, with %VMWAIT absent (a VM's counter only)
    expect(cell(screen, 'system', '%VMWAIT')).toBe('-');
  }
  // past the last sample the position stays
  screen = await press(s, '.', 'a step past the end', (sc) => /END|end/.test(sc[0]) || /end|last/.test(statusOf(sc)));
  expect(positionOf(screen)).toEqual([SAMPLES, SAMPLES]);

  // V: esxtop's VMs only: the kernel's groups and user worlds go, the six VMs stay
  const vmsOnly = await press(s, 'V', 'VMs only', (sc) => statusOf(sc).startsWith('VMs only'));
  const named = (sc: string[]) => sc.filter((l) => /^ *\d+ \S/.test(l)).map((l) => l.trim().split(/ +/)[1]);
  expect(named(vmsOnly).sort()).toEqual([...VMS].sort());
  const all = await press(s, 'V', 'all groups', (sc) => statusOf(sc).startsWith('all groups'));
  expect(named(all)).toContain('system');
  expect(named(all).length).toBeGreaterThan(VMS.length);

  // styx alone (the filter), expanded: every world of its group, vCPUs first, by id and name
  await press(s, '/', 'the filter prompt', (sc) => /filter/i.test(statusOf(sc)));
  for (const ch of 'styx') s.proc.write(ch);
  await waitFor(s, 'styx alone', (sc) => !VMS.filter((v) => v !== 'styx').some((v) => sc.some((l) => l.includes(` ${v} `))));
  s.proc.write('\r');
  const worlds = worldsOf('styx');
  expect(worlds.length).toBe(groupCpu('styx', 'Members', SAMPLES));
  const expanded = await press(s, 'e', 'styx expanded', (sc) => sc.some((l) => l.includes('vmx-vcpu-0:styx')));
  const worldRows = expanded.filter((l) => /^ *\d+ {3}\S/.test(l)).map((l) => l.trim().split(/ +/).slice(0, 2));
  expect(worldRows.map(([wid]) => wid).sort()).toEqual(worlds.map((w) => w.wid).sort());
  for (const w of worlds) expect(worldRows, w.name).toContainEqual([w.wid, w.name.split(' ')[0]]);
  expect(worldRows[0][1]).toMatch(/^vmx-vcpu-0:/);
  s.proc.write('q');
  expect((await s.exited).exitCode).toBe(0);
}, 60000);

test('the memory, network and disk panels show the capture\'s values; simulation keys are refused with the reason', async () => {
  const s = (session = startPty([path, '--speed', '0.25'], COLS, ROWS));
  await waitFor(s, 'sample 1', atSample(1));
  await press(s, ' ', 'PAUSED', (screen) => screen[0].includes('PAUSED'));
  // sample 2: the first with disk traffic in this capture
  const k = 2;
  await press(s, '.', 'sample 2', atSample(k));

  const mem = await press(s, 'm', 'the memory panel', (screen) => statusOf(screen) === 'memory panel');
  for (const vm of VMS) {
    for (const [col, counter] of [['MEMSZ', 'Memory Size MBytes'], ['GRANT', 'Memory Granted Size MBytes'],
      ['TCHD', 'Touched MBytes'], ['SWCUR', 'Swapped MBytes'], ['CNSM', 'Memory Consumed Size MBytes']]) {
      expect(Math.abs(Number(cell(mem, vm, col)) - groupMem(vm, counter, k)), `${vm} ${col}`).toBeLessThanOrEqual(0.5);
    }
    // a default capture has no % Active Estimate: absent, not 0
    expect(cell(mem, vm, 'ACTV'), `${vm} ACTV`).toBe('-');
  }
  const machine = fileSum(k, /\\Memory\\Machine MBytes$/);
  expect(mem.find((l) => l.startsWith('PMEM'))).toContain(`${Math.round(machine)} total`);

  const net = await press(s, 'n', 'the network panel', (screen) => statusOf(screen) === 'network panel');
  for (const vm of VMS) {
    for (const [col, counter] of [['PKTTX/s', 'Packets Transmitted/sec'], ['PKTRX/s', 'Packets Received/sec'],
      ['MbTX/s', 'MBits Transmitted/sec'], ['MbRX/s', 'MBits Received/sec']]) {
      near(cell(net, vm, col), vmPorts(vm, counter, k), `${vm} ${col}`);
    }
  }
  // a group with no port (the kernel's, hostd) is no row here, as in esxtop
  expect(net.some((l) => / (system|hostd\.\d+) /.test(l))).toBe(false);

  const disk = await press(s, 'v', 'the disk panel', (screen) => statusOf(screen).startsWith('disk panel'));
  let traffic = 0;
  for (const vm of VMS) {
    for (const [col, counter] of [['CMDS/s', 'Commands/sec'], ['READS/s', 'Reads/sec'], ['WRITES/s', 'Writes/sec'],
      ['MBREAD/s', 'MBytes Read/sec'], ['MBWRTN/s', 'MBytes Written/sec']]) {
      near(cell(disk, vm, col), vmDisk(vm, counter, k), `${vm} ${col}`);
    }
    traffic += vmDisk(vm, 'Commands/sec', k);
  }
  expect(traffic).toBeGreaterThan(0); // the sample compared is not an all-zero one

  // keys that would command a simulation: the capture is what the host did
  await press(s, 'c', 'the CPU panel', (screen) => statusOf(screen).startsWith('CPU panel'));
  for (const key of ['A', 'H', 'P', 'S', 'B', 'G', 'X', 'D']) {
    const refused = await press(s, key, `${key} refused`, (screen) => statusOf(screen).startsWith(`${key}:`));
    expect(statusOf(refused)).toMatch(new RegExp(`^${key}: not in a capture: vmtop import small-esxtop-data.csv -o lab.yaml makes a lab of it to change`));
    expect(refused.some((l) => /^\s*(Load|Migrate|Power|Deploy)/.test(l))).toBe(false); // no dialog opened
  }
  s.proc.write('q');
  expect((await s.exited).exitCode).toBe(0);
}, 60000);
