// The monitor left running: `npm run soak [-- MINUTES [PROFILE]]` (default 30 minutes, lab) runs
// `vmtop PROFILE --speed 64 -d 1` in a 120x40 pseudo-terminal, as a lab machine would for days,
// and prints its resident memory once a minute, then the spread after minute 10. Memory that
// keeps rising here is a leak a day-long run would hit; the goal is flat within 5 MiB after
// minute 10. Not part of CI (it takes its length in wall time). Needs `npm run build`.
import { readFileSync } from 'node:fs';
import { spawnPty, vmtopCommand } from './pty.mjs';

const minutes = Number(process.argv[2] ?? 30);
const profile = process.argv[3] ?? 'lab';
if (!(minutes > 0)) {
  process.stderr.write('usage: node bench/soak.mjs [MINUTES] [PROFILE]\n');
  process.exit(2);
}

/** Resident and peak memory of a process, MiB, from /proc (Linux). */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
}

const { proc: p, chunks } = spawnPty(vmtopCommand(profile, '--speed', '64', '-d', '1'), 120, 40);
let bytes = 0;
// keep the count, not the text: the soak measures the monitor, not this script
setInterval(() => {
  for (const c of chunks.splice(0)) bytes += c.d.length;
}, 1000).unref();
let exited = false;
let finished = false;
p.onExit(({ exitCode, signal }) => {
  exited = true;
  if (finished) return;
  process.stderr.write(`the monitor ended early: exit ${exitCode}, signal ${signal}\n`);
  process.exit(1);
});

process.stdout.write(`soak: vmtop ${profile} --speed 64 -d 1, 120x40, ${minutes} min, pid ${p.pid}\n`);
process.stdout.write('minute   RSS MiB   peak MiB   output KiB\n');
const rss = [];
for (let m = 1; m <= minutes && !exited; m++) {
  await new Promise((resolve) => setTimeout(resolve, 60_000));
  const { rss: r, hwm } = memory(p.pid);
  rss.push(r);
  process.stdout.write(`${String(m).padStart(6)}   ${r.toFixed(1).padStart(7)}   ${hwm.toFixed(1).padStart(8)}   ${(bytes / 1024).toFixed(0).padStart(10)}\n`);
}
const late = rss.slice(10);
if (late.length > 0) {
  const spread = Math.max(...late) - Math.min(...late);
  process.stdout.write(`after minute 10: ${Math.min(...late).toFixed(1)}..${Math.max(...late).toFixed(1)} MiB, spread ${spread.toFixed(1)} MiB (goal: within 5)\n`);
}
finished = true;
p.write('q');
await new Promise((resolve) => setTimeout(resolve, 1000));
process.exit(0);
