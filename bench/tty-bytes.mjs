// Bytes the monitor writes to a real pseudo-terminal: first frame, then per refresh and per
// second once steady. `node bench/tty-bytes.mjs [seconds] [COLSxROWS ...] [-- other command]`
// (needs `npm run build`). With `-- htop -d 10` it measures another program the same way.
import pty from '@lydell/node-pty';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BSU = '\u001B[?2026h';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash < 0 ? argv : argv.slice(0, dash);
const command = dash < 0 ? [process.execPath, 'dist/cli/main.js', '-d', '1'] : argv.slice(dash + 1);
const seconds = Number(own.find((a) => /^\d+$/.test(a)) ?? 12);
const sizes = own.filter((a) => /^\d+x\d+$/.test(a)).map((a) => a.split('x').map(Number));

function measure(cols, rows) {
  return new Promise((resolve) => {
    const env = { ...process.env, CI: '0', NODE_ENV: 'production', TERM: process.env.TERM || 'xterm-256color' };
    const p = pty.spawn(command[0], command.slice(1), { name: env.TERM, cols, rows, cwd: ROOT, env });
    const t0 = performance.now();
    const chunks = [];
    p.onData((d) => chunks.push({ t: (performance.now() - t0) / 1000, d }));
    setTimeout(() => {
      p.kill();
      const bytes = (from, to) => chunks.filter((c) => c.t >= from && c.t < to).reduce((n, c) => n + Buffer.byteLength(c.d), 0);
      const steady = chunks.filter((c) => c.t >= 2).map((c) => c.d).join('');
      const updates = steady.split(BSU).length - 1;
      resolve({ first: bytes(0, 1), perS: bytes(2, seconds) / (seconds - 2), perUpdate: updates ? Buffer.byteLength(steady) / updates : NaN });
    }, seconds * 1000);
  });
}

console.log(`${command.join(' ')}: ${seconds} s per size`);
for (const [cols, rows] of sizes.length ? sizes : [[120, 40], [200, 60]]) {
  const r = await measure(cols, rows);
  const perUpdate = Number.isNaN(r.perUpdate) ? '' : `, ${r.perUpdate.toFixed(0)} bytes per synchronized update`;
  console.log(`  ${cols}x${rows}: first second ${r.first} bytes, steady ${r.perS.toFixed(0)} bytes/s${perUpdate}`);
}
