// A real host's capture opened in the monitor (issue 21): a synthetic `esxtop -b -a` file of
// 20,000 columns x 2,000 samples (about 260 MB) written to a temporary directory, then
// `vmtop FILE.csv --speed 64` in a real PTY read back through a headless xterm: the time until
// sample 1 is on screen, and the monitor's RSS while the rest of the file is read and played.
// Its columns are a real `-a` capture's object and counter names (the header fixture's), so the
// share the reader keeps (the panels' counters) is a real file's share.
// `node bench/capture.mjs [columns] [samples]` (needs `npm run build`).
import xterm from '@xterm/headless';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { memoryMiB, sleep, spawnPty, vmtopCommand } from './pty.mjs';

const { Terminal } = xterm;
const HOST = 'bench-esx';

/** Each object's counters in the order a real `-a` capture writes them. */
function realCounters() {
  const header = gunzipSync(readFileSync(new URL('../tests/fixtures/esxtop/all-counters-header.csv.gz', import.meta.url))).toString('utf8');
  const byObject = new Map();
  for (const m of header.matchAll(/"\\\\[^\\"]+\\([^\\"(]+)(?:\([^"]*\))?\\([^\\"]+)"/g)) {
    const list = byObject.get(m[1]) ?? new Set();
    list.add(m[2]);
    byObject.set(m[1], list);
  }
  return Object.fromEntries([...byObject].map(([o, s]) => [o, [...s]]));
}

/** The header's cells: host objects, VMs with ten worlds each, the kernel's groups, padding. */
function headerCells(columns) {
  const c = realCounters();
  const cells = ['(PDH-CSV 4.0) (UTC)(0)'];
  const add = (object, instance, counters) => {
    for (const k of counters) cells.push(`\\\\${HOST}\\${object}${instance === null ? '' : `(${instance})`}\\${k}`);
  };
  add('Physical Cpu Load', null, c['Physical Cpu Load']);
  for (const p of [...Array.from({ length: 32 }, (_, i) => String(i)), '_Total']) add('Physical Cpu', p, c['Physical Cpu']);
  add('Memory', null, c.Memory);
  for (let p = 0; p < 6; p++) add('Power', String(p), c.Power.filter((k) => k === 'P-State MHZ'));
  const systemCpu = c['Group Cpu'].filter((k) => k !== '% VmWait');
  for (let g = 1; g <= 40; g++) {
    const name = g <= 11 ? ['system', 'idle', 'helper', 'drivers', 'ft', 'vmotion', 'vmkboot', 'vmkapimod', 'vmkernel', 'init', 'user'][g - 1] : `hostd.${66000 + g}`;
    add('Group Cpu', `${g}:${name}`, systemCpu);
    for (let w = 0; w < 2; w++) add('Vcpu', `${g}:${name}:${65000 + g * 10 + w}:world-${w}`, c.Vcpu);
  }
  const perVm = c['Group Cpu'].length + 10 * c.Vcpu.length + c['Group Memory'].length + c['Network Port'].length + 2 * c['Virtual Disk'].length;
  const vms = Math.floor((columns - cells.length - 1) / perVm);
  for (let v = 0; v < vms; v++) {
    const name = `vm-${String(v).padStart(3, '0')}`;
    const gid = 1300000 + v * 1000;
    const cartel = 440000 + v * 100;
    add('Group Cpu', `${gid}:${name}`, c['Group Cpu']);
    const worlds = ['vmx', `vmx-vcpu-0:${name}`, `vmx-vcpu-1:${name}`, `vmx-mks:${name}`, `vmx-svga:${name}`, 'vmast',
      `NetWorld-VM-${cartel}`, 'vmx-vthread-6', `PVSCSI-${cartel}:0`, 'LSI-1'];
    worlds.forEach((w, i) => add('Vcpu', `${gid}:${name}:${cartel + 1 + i}:${w}`, c.Vcpu));
    add('Group Memory', `${gid}:${name}`, c['Group Memory']);
    add('Network Port', `vSwitch0:${33554449 + v}:${cartel}:${name}`, c['Network Port']);
    add('Virtual Disk', name, c['Virtual Disk']);
    add('Virtual Disk', `${name}:scsi0:0`, c['Virtual Disk']);
  }
  // the rest: objects the panels do not map, as a real `-a` file has many
  for (let n = 0; cells.length < columns - 1; n++) add('Interrupt Cookie', `${n}`, ['Interrupts/sec'].slice(0, 1));
  cells.push(''); // esxtop's trailing empty field
  return { cells, vms };
}

/** A seeded source, so every run writes the same file. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Cells as a real capture's mostly are: whole numbers, idle 0.00 and some busy percentages. */
function rowBody(width, rand) {
  const parts = new Array(width);
  for (let i = 0; i < width; i++) {
    const r = rand();
    parts[i] = r < 0.3 ? String(Math.floor(rand() * 2000)) : r < 0.8 ? '0.00' : (rand() * 100).toFixed(2);
  }
  return `"${parts.join('","')}",`;
}

const label = (s) => {
  const d = new Date(Date.UTC(2018, 3, 26, 14, 0, 0) + s * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
};

/** Writes the capture; samples 1 s apart, 32 distinct rows cycled (the reader parses each anew). */
export function writeSyntheticCapture(dir, columns = 20000, samples = 2000) {
  const path = join(dir, 'synthetic-esxtop-a.csv');
  const { cells, vms } = headerCells(columns);
  const rand = lcg(21);
  const bodies = Array.from({ length: 32 }, () => rowBody(cells.length - 2, rand));
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${cells.map((x, i) => (i === cells.length - 1 ? '' : `"${x}"`)).join(',')}\r\n`);
    for (let k = 0; k < samples; k++) writeSync(fd, `"${label(k)}",${bodies[k % bodies.length]}\r\n`);
  } finally {
    closeSync(fd);
  }
  return { path, bytes: statSync(path).size, columns: cells.length, vms };
}

/** What the screen's first line says of the position: [k, N] (N null while the count runs). */
function position(term) {
  const line = term.buffer.active.getLine(term.buffer.active.viewportY)?.translateToString(true) ?? '';
  const m = /sample (\d+)\/(\d+|\?)/.exec(line);
  return m ? { k: Number(m[1]), n: m[2] === '?' ? null : Number(m[2]), end: line.includes('REPLAY END') } : null;
}

/**
 * `vmtop FILE --speed 64` in a cols x rows PTY for up to `seconds` (or to the capture's end):
 * ms to sample 1 on screen, ms until the whole file was counted (N shown), RSS each 100 ms.
 */
export async function measureCapture(path, seconds = 60, cols = 120, rows = 40) {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  const s = spawnPty(vmtopCommand(path, '--speed', '64'), cols, rows);
  let first = null;
  let counted = null;
  let last = null;
  s.onChunk((c) => term.write(c.d, () => {
    const p = position(term);
    if (!p) return;
    last = p;
    if (first === null && p.k === 1) first = c.t;
    if (counted === null && p.n !== null) counted = c.t;
  }));
  const rss = [];
  let peak = 0;
  let gone = false;
  s.exited.then(() => { gone = true; });
  try {
    while (!gone && performance.now() - s.t0 < seconds * 1000 && !last?.end) {
      const m = memoryMiB(s.pid);
      rss.push(m.rss);
      peak = m.peak;
      await sleep(100);
    }
    if (gone) throw new Error(`vmtop exited:\n${s.chunks.map((c) => c.d).join('').slice(-600)}`);
    if (first === null) throw new Error(`sample 1 never on screen:\n${s.chunks.map((c) => c.d).join('').slice(-600)}`);
  } finally {
    await s.stop();
  }
  const sorted = [...rss].sort((a, b) => a - b);
  return {
    firstMs: first, countedMs: counted, reached: last?.k ?? 0, of: last?.n ?? null, ended: last?.end ?? false,
    wallS: (performance.now() - s.t0) / 1000, rssMaxMiB: sorted.at(-1) ?? NaN, rssP50MiB: sorted[Math.floor(sorted.length / 2)] ?? NaN, peakMiB: peak,
  };
}

/** Both, in a temporary directory removed after. */
export async function benchCapture(columns = 20000, samples = 2000, seconds = 90) {
  const dir = mkdtempSync(join(tmpdir(), 'vmtop-bench-capture-'));
  try {
    const t0 = performance.now();
    const file = writeSyntheticCapture(dir, columns, samples);
    const writeS = (performance.now() - t0) / 1000;
    return { ...file, writeS, ...(await measureCapture(file.path, seconds)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [columns, samples] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await benchCapture(columns || 20000, samples || 2000), null, 2));
}
