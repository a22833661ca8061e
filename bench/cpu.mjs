// CPU and memory of a terminal program in a real pseudo-terminal, as ../shared/tools/ptycpu.sh
// measures them: start it, let it settle, then user+system CPU time over a window (all threads,
// from /proc/PID/stat) and its resident memory at the end. Settling counts from the first frame,
// not from the spawn: on a busy machine Node's start-up alone can take more than 2 s, and its
// CPU is not the monitor's steady cost.
// `node bench/cpu.mjs [seconds] [-- command ...]` (default: the monitor on lab at -d 1, 120x40).
import { fileURLToPath } from 'node:url';
import { cpuSeconds, memoryMiB, sleep, spawnPty, vmtopCommand } from './pty.mjs';

const SETTLE_MS = 2000;

/** Runs `command` in a cols x rows PTY; CPU % of one core over `seconds` after start-up, RSS in MiB. */
export async function measureCpu(command, cols, rows, seconds = 20) {
  const s = spawnPty(command, cols, rows);
  const gone = () => new Error(`${command.join(' ')} exited during the measurement; its last output:\n${s.chunks.map((c) => c.d).join('').slice(-400)}`);
  try {
    await s.firstFrame();
    await sleep(SETTLE_MS);
    const c0 = cpuSeconds(s.pid);
    const rss0 = memoryMiB(s.pid).rss;
    const t0 = performance.now();
    await sleep(seconds * 1000);
    const c1 = cpuSeconds(s.pid);
    const wall = (performance.now() - t0) / 1000;
    const mem = memoryMiB(s.pid);
    return { cpuPct: (100 * (c1 - c0)) / wall, cpuS: c1 - c0, wall, rssMiB: mem.rss, rssStartMiB: rss0, peakMiB: mem.peak, bytes: s.bytes(0, Infinity) };
  } catch (err) {
    throw err?.code === 'ENOENT' ? gone() : err;
  } finally {
    await s.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const dash = argv.indexOf('--');
  const seconds = Number((dash < 0 ? argv : argv.slice(0, dash)).find((a) => /^\d+$/.test(a)) ?? 20);
  const command = dash < 0 ? vmtopCommand('lab', '-d', '1') : argv.slice(dash + 1);
  const r = await measureCpu(command, 120, 40, seconds);
  console.log(`${command.join(' ')}: ${r.cpuPct.toFixed(2)}% CPU (${r.cpuS.toFixed(2)} s over ${r.wall.toFixed(1)} s), RSS ${r.rssMiB.toFixed(1)} MiB (${r.rssStartMiB.toFixed(1)} at the start, peak ${r.peakMiB.toFixed(1)})`);
}
