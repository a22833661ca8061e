// What the monitor's bytes are: runs it in a real PTY, then takes each synchronized update apart
// into cursor moves, SGR, sync markers and text, and lists the screen rows it changed (read back
// through a headless xterm). Not part of `npm run bench`; a tool for the output layer.
// `node bench/tty-anatomy.mjs [seconds] [COLSxROWS]` (needs `npm run build`).
// Note: in a PTY the line discipline (ONLCR, kept on by libuv's raw mode) turns each '\n' into
// '\r\n', so a written "\r\n" arrives as "\r\r\n".
import xterm from '@xterm/headless';
import { sleep, spawnPty, vmtopCommand } from './pty.mjs';

const { Terminal } = xterm;
const BSU = '\u001B[?2026h';
// eslint-disable-next-line no-control-regex -- escape sequences are what this takes apart
const TOKEN = /\u001B\[\?2026[hl]|\u001B\[[\d;]*m|\u001B\[[\d;]*[ABCDGHf]|[\r\n\x08]+|\u001B[^a-zA-Z]*[a-zA-Z]|[^\u001B\r\n\x08]+/g;

const argv = process.argv.slice(2);
const seconds = Number(argv.find((a) => /^\d+$/.test(a)) ?? 12);
const [cols, rows] = (argv.find((a) => /^\d+x\d+$/.test(a)) ?? '120x40').split('x').map(Number);

const s = spawnPty(vmtopCommand('lab', '-d', '1'), cols, rows);
const first = await s.firstFrame();
await sleep(seconds * 1000);
const end = performance.now() - s.t0;
// Only what came before the stop: quitting repaints and leaves the alternate screen.
const written = s.chunks.filter((c) => c.t < end).map((c) => c.d).join('');
await s.stop();

const term = new Terminal({ cols, rows, allowProposedApi: true });
const screen = () => {
  const b = term.buffer.active;
  return Array.from({ length: rows }, (_, y) => b.getLine(y)?.translateToString(true) ?? '');
};
const updates = written.split(BSU).filter((u) => u !== '').map((u) => BSU + u);
const kinds = { move: 0, sgr: 0, sync: 0, text: 0, other: 0 };
let before = screen();
let steady = 0;
for (const [i, u] of updates.entries()) {
  await new Promise((resolve) => term.write(u, resolve));
  const after = screen();
  const changed = after.flatMap((line, y) => (line === before[y] ? [] : [y + 1]));
  before = after;
  if (i < 3) continue; // the first frame and start-up
  steady++;
  for (const [t] of u.matchAll(TOKEN)) {
    const n = Buffer.byteLength(t);
    if (t.startsWith('\u001B[?2026')) kinds.sync += n;
    // eslint-disable-next-line no-control-regex
    else if (/^\u001B\[[\d;]*m$/.test(t)) kinds.sgr += n;
    // eslint-disable-next-line no-control-regex
    else if (/^\u001B\[[\d;]*[ABCDGHf]$|^[\r\n\x08]+$/.test(t)) kinds.move += n;
    else if (t.startsWith('\u001B')) kinds.other += n;
    else kinds.text += n;
  }
  console.log(`update ${i}: ${Buffer.byteLength(u)} bytes, rows changed ${changed.join(',')}`);
  if (i === 3) {
    console.log(`  bytes: ${JSON.stringify(u)}`);
    for (const y of changed) console.log(`  ${String(y).padStart(2)}| ${after[y - 1].trimEnd()}`);
  }
}
const total = Object.values(kinds).reduce((a, b) => a + b, 0);
console.log(`first frame at ${(first / 1000).toFixed(1)} s; ${steady} steady updates, ${(total / Math.max(1, steady)).toFixed(0)} bytes each:`,
  Object.entries(kinds).map(([k, v]) => `${k} ${v} (${((100 * v) / total).toFixed(0)}%)`).join(', '));
