// Bytes the monitor writes to a real pseudo-terminal: first frame, then per refresh and per
// second once steady. `node bench/tty-bytes.mjs [seconds] [COLSxROWS ...] [-- other command]`
// (needs `npm run build`). With `-- htop -d 10` it measures another program the same way.
import { fileURLToPath } from 'node:url';
import { sleep, spawnPty, vmtopCommand } from './pty.mjs';

const BSU = '\u001B[?2026h';
/** The first frame and start-up are not steady state: count from this long after the first frame. */
const SETTLE_MS = 2000;

/** Runs `command` in a cols x rows PTY for `seconds` after its first frame and counts what it writes. */
export async function measureBytes(command, cols, rows, seconds = 12) {
  const s = spawnPty(command, cols, rows);
  let first;
  try {
    first = await s.firstFrame();
    await sleep(seconds * 1000);
  } finally {
    await s.stop();
  }
  const from = first + SETTLE_MS;
  const end = first + seconds * 1000;
  const steady = s.chunks.filter((c) => c.t >= from && c.t < end).map((c) => c.d).join('');
  const updates = steady.split(BSU).length - 1;
  return {
    first: s.bytes(0, first + 1000),
    perS: Buffer.byteLength(steady) / ((end - from) / 1000),
    perUpdate: updates ? Buffer.byteLength(steady) / updates : NaN,
    updates,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const dash = argv.indexOf('--');
  const own = dash < 0 ? argv : argv.slice(0, dash);
  const command = dash < 0 ? vmtopCommand('-d', '1') : argv.slice(dash + 1);
  const seconds = Number(own.find((a) => /^\d+$/.test(a)) ?? 12);
  const sizes = own.filter((a) => /^\d+x\d+$/.test(a)).map((a) => a.split('x').map(Number));
  console.log(`${command.join(' ')}: ${seconds} s per size`);
  for (const [cols, rows] of sizes.length ? sizes : [[120, 40], [200, 60]]) {
    const r = await measureBytes(command, cols, rows, seconds);
    const perUpdate = Number.isNaN(r.perUpdate) ? '' : `, ${r.perUpdate.toFixed(0)} bytes per synchronized update`;
    console.log(`  ${cols}x${rows}: up to 1 s after the first frame ${r.first} bytes, steady ${r.perS.toFixed(0)} bytes/s${perUpdate}`);
  }
}
