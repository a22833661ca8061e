// Key to screen: the monitor in a real PTY, read back through a headless xterm. Alternately press
// `m` (memory panel) and `c` (CPU panel) and time each press, from writing the key to the arrival
// of the output that makes the screen show the other panel's heading. Refreshes keep running at
// 1 s meanwhile, and presses are spread at random over the refresh cycle.
// `node bench/latency.mjs [pairs] [-- command ...]` (needs `npm run build`; LATENCY_DEBUG=1 lists
// each press with how long before it the last output came, i.e. how near a refresh it fell).
import xterm from '@xterm/headless';
import { fileURLToPath } from 'node:url';
import { sleep, spawnPty, vmtopCommand } from './pty.mjs';

const { Terminal } = xterm;

/** The panel whose column heading the screen shows: 'cpu', 'mem' or null. */
function panelShown(term) {
  const b = term.buffer.active;
  for (let y = 0; y < term.rows; y++) {
    const line = b.getLine(b.viewportY + y)?.translateToString(true) ?? '';
    if (!/\bNAME\b/.test(line)) continue;
    if (line.includes('%USED')) return 'cpu';
    if (line.includes('MEMSZ')) return 'mem';
  }
  return null;
}

export async function measureLatency(pairs = 20, cols = 120, rows = 40, command = vmtopCommand('lab', '-d', '1')) {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  const s = spawnPty(command, cols, rows);
  let waiting; // { want, resolve }
  // xterm parses asynchronously: check the screen once each chunk is parsed, and credit the
  // change to that chunk's arrival time (the terminal's own parsing is not the monitor's delay).
  s.onChunk((c) => term.write(c.d, () => {
    if (waiting && panelShown(term) === waiting.want) {
      const w = waiting;
      waiting = undefined;
      w.resolve(c.t);
    }
  }));
  const shown = (want, timeoutMs) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ${want} panel did not show within ${timeoutMs} ms`)), timeoutMs);
    waiting = { want, resolve: (t) => { clearTimeout(timer); resolve(t); } };
  });
  const times = [];
  try {
    await s.firstFrame();
    await shown('cpu', 10000).catch(() => {
      throw new Error(`no CPU panel on screen:\n${screenText(term)}`);
    });
    await sleep(1500);
    for (let i = 0; i < pairs; i++) {
      for (const [key, want] of [['m', 'mem'], ['c', 'cpu']]) {
        await sleep(150 + Math.random() * 350);
        const done = shown(want, 5000);
        const t = performance.now() - s.t0;
        const quiet = t - (s.chunks.at(-1)?.t ?? 0);
        s.proc.write(key);
        times.push((await done) - t);
        if (process.env.LATENCY_DEBUG) console.log(`  ${key}: ${times.at(-1).toFixed(1)} ms (last output ${quiet.toFixed(0)} ms before the key)`);
      }
    }
  } finally {
    await s.stop();
    term.dispose();
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { presses: times.length, p50: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)], max: sorted.at(-1) };
}

function screenText(term) {
  const b = term.buffer.active;
  return Array.from({ length: term.rows }, (_, y) => b.getLine(b.viewportY + y)?.translateToString(true).trimEnd() ?? '').join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const dash = argv.indexOf('--');
  const pairs = Number((dash < 0 ? argv : argv.slice(0, dash))[0] ?? 20);
  const r = await measureLatency(pairs, 120, 40, dash < 0 ? undefined : argv.slice(dash + 1));
  console.log(`key to screen (m / c), ${r.presses} presses: median ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`);
}
