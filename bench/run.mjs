// `npm run bench`: the figures the issues set goals for, each beside its goal. Asserts nothing and
// is not part of `npm test`. A part whose tool is missing (htop, node-pty, xterm) says so and the
// rest still runs. Each measurement lives in its own file:
//   engine.mjs    engine throughput                       (issue 2)
//   render.mjs    frame render time, in-process           (issue 2)
//   cpu.mjs       CPU % and RSS in a real PTY             (issues 2, 8; ../shared/tools/ptycpu.sh)
//   tty-bytes.mjs bytes per second in a real PTY          (issues 2, 8; ../shared/tools/ptybytes.sh)
//   latency.mjs   key to changed screen, PTY + xterm      (issue 8)
//   deopt.mjs     V8 bailouts of the 1,000-vCPU lab, a ceiling (docs/performance.md; also a test)
//   capture.mjs   a 280 MB esxtop -a capture in the monitor: sample 1, RSS (issue 21)
//   pty.mjs       shared: spawn in a PTY with CI=0 and NODE_ENV=production, /proc readings
// Not run here: tty-anatomy.mjs takes the monitor's updates apart (moves, text, rows changed).
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { benchEngineAlone } from './engine.mjs';
import { DEOPT_CEILING, DEOPT_PER_FUNCTION_CEILING, deoptRun } from './deopt.mjs';

process.env.NODE_ENV = 'production';
const fmt = (x, digits = 1) => x.toLocaleString('en-US', { maximumFractionDigits: digits });
const started = performance.now();
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

/** The closing table: one row per figure, goal beside it. */
const summary = [];
const add = (figure, vmtop, htop, goal, ok) => summary.push({
  figure, vmtop, htop, goal, verdict: typeof ok === 'string' ? ok : ok === undefined ? '' : ok ? 'met' : 'MISSED',
});

console.log(`machine: ${cpus().length} CPUs, load average ${load()} (1, 5, 15 min) at start`);
if (loadavg()[0] > cpus().length / 2) {
  console.log('WARNING: the machine is busy. Wall-clock figures fall with the share of a core each process gets,');
  console.log('and CPU-time figures inflate too (shared caches and cores): judge the goals on an idle machine.');
}
console.log('');

// --- engine --------------------------------------------------------------------------------
const ENGINE_GOAL = 5e6;
console.log('engine throughput (one core)                                          goal: >= 5,000,000 vCPU-quanta/s');
console.log('  vCPUs   hosts   vCPU-quanta/s   per CPU-second   sim s/wall s   lab');
const engineRow = (label, r) => {
  console.log(`  ${String(r.vcpus).padStart(5)}   ${String(r.hosts).padStart(5)}   ${fmt(r.vcpuQuantaPerS, 0).padStart(13)}   ${fmt(r.vcpuQuantaPerCpuS, 0).padStart(14)}   ${fmt(r.simSecondsPerS).padStart(12)}   ${label}`);
  add(`engine ${r.vcpus} vCPUs ${label === 'memory-heavy' ? '(mem-heavy) ' : ''}vCPU-quanta/s, wall / per CPU-s`,
    `${fmt(r.vcpuQuantaPerS / 1e6, 2)}M / ${fmt(r.vcpuQuantaPerCpuS / 1e6, 2)}M`, '', '>= 5M', r.vcpuQuantaPerCpuS >= ENGINE_GOAL);
};
const engineT0 = performance.now();
for (const n of [10, 1000, 10000]) engineRow('memory plentiful', benchEngineAlone(n));
console.log('  memory-heavy: working sets 1.6x host memory (balloon, compression, swap running)');
for (const n of [1000, 10000]) engineRow('memory-heavy', benchEngineAlone(n, true));
console.log(`  (${((performance.now() - engineT0) / 1000).toFixed(0)} s)`);

const deopts = deoptRun(1000, true, 90);
console.log(`  deoptimizations, 1,000 vCPUs memory-heavy, 90 simulated s: ${deopts.total} (ceiling ${DEOPT_CEILING}); ` +
  `most of one function: ${deopts.worst.count} (${deopts.worst.name.split(' ')[0]}; ceiling ${DEOPT_PER_FUNCTION_CEILING})`);
add('engine deopts, 1,000 vCPUs: all / worst function', `${deopts.total} / ${deopts.worst.count}`, '',
  `<= ${DEOPT_CEILING} / ${DEOPT_PER_FUNCTION_CEILING}`, deopts.total <= DEOPT_CEILING && deopts.worst.count <= DEOPT_PER_FUNCTION_CEILING);

/** Runs one part; a missing optional module or tool is reported, not thrown. */
async function part(title, body) {
  console.log(`\n${title}`);
  const t0 = performance.now();
  try {
    await body();
    console.log(`  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  } catch (err) {
    if (err?.code === 'ERR_MODULE_NOT_FOUND') {
      const name = /'([^']+)'/.exec(err.message)?.[1] ?? 'a module';
      console.log(`  ${name} not installed — skipped`);
    } else {
      console.log(`  failed — skipped: ${err?.message ?? err}`);
    }
  }
}

// --- frame render time ---------------------------------------------------------------------
await part('frame render time, lab at 1 s (React production, Ink -> cell diff -> bytes)       goal: < 5 ms at 120x40', async () => {
  const { benchRender } = await import('./render.mjs');
  console.log('  size      wall p50   wall p95   CPU p50   CPU p95   bytes/frame');
  for (const [cols, rows] of [[120, 40], [200, 60]]) {
    const r = await benchRender(cols, rows);
    const ms = (x) => `${x.toFixed(2)} ms`.padStart(8);
    console.log(`  ${`${cols}x${rows}`.padEnd(8)}  ${ms(r.p50)}   ${ms(r.p95)}   ${ms(r.cpuP50)}  ${ms(r.cpuP95)}   ${fmt(r.bytesPerFrame, 0).padStart(11)}   (${r.frames} frames)`);
    const at120 = cols === 120;
    add(`frame ${cols}x${rows} p50 / p95 ms (CPU time)`, `${r.cpuP50.toFixed(2)} / ${r.cpuP95.toFixed(2)}`, '',
      at120 ? '< 5 (p50)' : '(none set)', at120 ? r.cpuP50 < 5 : undefined);
    add(`frame ${cols}x${rows} p50 / p95 ms (wall)`, `${r.p50.toFixed(2)} / ${r.p95.toFixed(2)}`, '',
      at120 ? '< 5 (p50)' : '(none set)', at120 ? r.p50 < 5 : undefined);
  }
});

// --- the monitor in a real PTY: CPU, RSS, bytes ---------------------------------------------
// a minute: the monitor's first minute includes V8 compiling its code (see monitor-cost below)
const CPU_SECONDS = 60;
const BYTES_SECONDS = 12;
await part(`the monitor in a real 120x40 PTY (lab, -d 1) beside htop -d 10: CPU and RSS over ${CPU_SECONDS} s, bytes/s over ${BYTES_SECONDS} s`, async () => {
  const { installed, vmtopCommand } = await import('./pty.mjs');
  const { measureCpu } = await import('./cpu.mjs');
  const { measureBytes } = await import('./tty-bytes.mjs');
  const htop = installed('htop');
  if (!htop) console.log('  htop not installed — skipped (apt-get install -y htop)');
  const vmtop = vmtopCommand('lab', '-d', '1');
  const htopCmd = ['htop', '-d', '10'];
  // Four light processes at once (each well under a core), so the part takes ~65 s, not ~150.
  const skip = Promise.resolve(null);
  const settled = await Promise.allSettled([
    measureCpu(vmtop, 120, 40, CPU_SECONDS), htop ? measureCpu(htopCmd, 120, 40, CPU_SECONDS) : skip,
    measureBytes(vmtop, 120, 40, BYTES_SECONDS), htop ? measureBytes(htopCmd, 120, 40, BYTES_SECONDS) : skip,
  ]);
  const [vc, hc, vb, hb] = settled.map((r, i) => {
    if (r.status === 'fulfilled') return r.value;
    console.log(`  ${['vmtop CPU', 'htop CPU', 'vmtop bytes', 'htop bytes'][i]} failed: ${r.reason?.message ?? r.reason}`);
    return null;
  });
  if (!vc || !vb) return;
  const na = 'skipped';
  console.log('                      vmtop          htop           goal');
  console.log(`  CPU % of one core   ${`${vc.cpuPct.toFixed(2)}%`.padEnd(13)}  ${(hc ? `${hc.cpuPct.toFixed(2)}%` : na).padEnd(13)}  < 2%`);
  console.log(`  RSS (peak) MiB      ${`${vc.rssMiB.toFixed(1)} (${vc.peakMiB.toFixed(1)})`.padEnd(13)}  ${(hc ? `${hc.rssMiB.toFixed(1)} (${hc.peakMiB.toFixed(1)})` : na).padEnd(13)}  < 150 MB`);
  console.log(`  RSS growth MiB/s    ${((vc.rssMiB - vc.rssStartMiB) / vc.wall).toFixed(2).padEnd(13)}  ${(hc ? ((hc.rssMiB - hc.rssStartMiB) / hc.wall).toFixed(2) : na).padEnd(13)}  over the window (node bench/cpu.mjs 150: a long run)`);
  console.log(`  bytes/s, steady     ${fmt(vb.perS, 0).padEnd(13)}  ${(hb ? fmt(hb.perS, 0) : na).padEnd(13)}  <= htop's`);
  console.log(`  bytes per update    ${fmt(vb.perUpdate, 0).padEnd(13)}  ${(hb ? '(no sync marks)' : na).padEnd(13)}`);
  console.log(`  first frame bytes   ${fmt(vb.first, 0).padEnd(13)}  ${(hb ? fmt(hb.first, 0) : na).padEnd(13)}`);
  add(`CPU % lab -d 1, 120x40, ${CPU_SECONDS} s`, `${vc.cpuPct.toFixed(2)}%`, hc ? `${hc.cpuPct.toFixed(2)}%` : na, '< 2%', vc.cpuPct < 2);
  add('RSS MiB', vc.rssMiB.toFixed(1), hc ? hc.rssMiB.toFixed(1) : na, '< 150 MB', vc.rssMiB * 1.048576 < 150);
  add('bytes/s at 120x40, steady', fmt(vb.perS, 0), hb ? fmt(hb.perS, 0) : na, "<= htop's", hb ? vb.perS <= hb.perS : undefined);
});

// --- the demos at their own speed: bytes a viewer's terminal (or an asciinema file) takes ---------
await part('the demos at their own speed in a 100x30 PTY beside htop -d 10: bytes/s', async () => {
  const { installed, vmtopCommand } = await import('./pty.mjs');
  const { measureBytes } = await import('./tty-bytes.mjs');
  const { DEMOS } = await import('../dist/demo/scripts.js');
  if (!installed('htop')) console.log('  htop not installed — its figure skipped (apt-get install -y htop)');
  const htop = installed('htop') ? await measureBytes(['htop', '-d', '10'], 100, 30, 8) : null;
  for (const d of DEMOS) {
    const r = await measureBytes(vmtopCommand('demo', d.name), 100, 30, 8);
    console.log(`  ${d.name.padEnd(12)} ${fmt(r.perS, 0).padStart(7)} bytes/s   htop ${htop ? fmt(htop.perS, 0) : 'skipped'}`);
    add(`bytes/s demo ${d.name}, 100x30`, fmt(r.perS, 0), htop ? fmt(htop.perS, 0) : 'skipped', "<= htop's", htop ? r.perS <= htop.perS : undefined);
  }
});

// --- a refresh from a cold start, in-process -------------------------------------------------
await part('one refresh of the monitor (lab, 120x40), in a fresh process, CPU ms: the first minute and the third, unpaced', async () => {
  // in a fresh process: this one has run the engine and the frames already, V8 has compiled them
  const { execFileSync } = await import('node:child_process');
  const json = execFileSync(process.execPath, [fileURLToPath(new URL('./monitor-cost.mjs', import.meta.url)), '180', '120', '40', '--json'], {
    // stderr kept: Ink's exit writes show-cursor there, which landed in the middle of this report
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // Ink's exit shows the cursor on the real stdout, after the JSON
  const out = json.split('\n').find((l) => l.startsWith('[{')) ?? '';
  const w = JSON.parse(out.slice(0, out.lastIndexOf(']') + 1));
  const line = (x, what) => `  ${what.padEnd(22)} engine ${x.engineMs / x.refreshes < 10 ? ' ' : ''}${(x.engineMs / x.refreshes).toFixed(2)} ms   frame ${(x.frameMs / x.refreshes).toFixed(2)} ms`;
  console.log(line(w[0], 'refreshes 1-60'));
  console.log(line(w[2], 'refreshes 121-180'));
  add('refresh CPU ms, refreshes 121-180 (engine + frame)', ((w[2].engineMs + w[2].frameMs) / w[2].refreshes).toFixed(2), '', '', undefined);
});

// --- key to screen -------------------------------------------------------------------------
await part('key to screen, 120x40 PTY + headless xterm, lab at -d 1: m / c alternately        goal: < 50 ms', async () => {
  const { measureLatency } = await import('./latency.mjs');
  const r = await measureLatency(12);
  console.log(`  ${r.presses} presses: median ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`);
  add('key to screen median / max ms', `${r.p50.toFixed(1)} / ${r.max.toFixed(1)}`, '', '< 50',
    r.max < 50 ? 'met' : r.p50 < 50 ? 'median met, max MISSED' : 'MISSED');
});

// --- a real host's capture: a 20,000-column, 2,000-sample esxtop -a file ---------------------
await part('vmtop FILE.csv on a synthetic esxtop -a capture, 20,000 columns x 2,000 samples, --speed 64, 120x40 PTY, 60 s   goal: sample 1 < 3 s, RSS < 200 MB', async () => {
  const { benchCapture } = await import('./capture.mjs');
  const r = await benchCapture(20000, 2000, 60);
  const mb = (mib) => mib * 1.048576;
  console.log(`  file: ${fmt(r.bytes / 1e6, 0)} MB, ${fmt(r.columns, 0)} columns (${r.vms} VMs), written in ${r.writeS.toFixed(1)} s`);
  console.log(`  sample 1 on screen ${(r.firstMs / 1000).toFixed(2)} s; whole file counted (sample k/N) ${r.countedMs === null ? 'not yet' : `${(r.countedMs / 1000).toFixed(1)} s`}`);
  console.log(`  played to sample ${r.reached}/${r.of ?? '?'} in ${r.wallS.toFixed(0)} s (10 frames a second at most)`);
  console.log(`  RSS median ${fmt(mb(r.rssP50MiB), 0)} MB, max ${fmt(mb(r.rssMaxMiB), 0)} MB, peak (VmHWM) ${fmt(mb(r.peakMiB), 0)} MB`);
  add('capture 20,000 x 2,000: sample 1 s', (r.firstMs / 1000).toFixed(2), '', '< 3', r.firstMs < 3000);
  add('capture 20,000 x 2,000: RSS peak MB', fmt(mb(r.peakMiB), 0), '', '< 200', mb(r.peakMiB) < 200);
});

// --- summary -------------------------------------------------------------------------------
const cols = ['figure', 'vmtop', 'htop', 'goal', 'verdict'];
const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...summary.map((r) => String(r[c]).length))]));
console.log(`\nsummary (load average ${load()} at end; ${((performance.now() - started) / 1000).toFixed(0)} s)`);
console.log(`  ${cols.map((c) => c.padEnd(width[c])).join('  ')}`.trimEnd());
console.log(`  ${cols.map((c) => '-'.repeat(width[c])).join('  ')}`);
for (const r of summary) console.log(`  ${cols.map((c) => String(r[c]).padEnd(width[c])).join('  ')}`.trimEnd());
