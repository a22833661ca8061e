// A login shell's part in a pseudo-terminal, for the exit tests: it leads the session, runs
// `node ARGS...` as its child and, when the terminal hangs up, forwards SIGHUP to it as an
// interactive shell does on an ssh drop (`forward`) or does not (`keep`: the child then only sees
// its reads and writes fail). It writes the child's fate to STATUS_FILE as JSON: the exit code or
// the signal that killed it, and the milliseconds from the hang-up to its end.
// `node session-leader.mjs STATUS_FILE forward|keep ARGS...`
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [statusFile, mode, ...args] = process.argv.slice(2);
const child = spawn(process.execPath, args, { stdio: 'inherit' });
let hungUpAt;
process.on('SIGHUP', () => {
  hungUpAt ??= performance.now();
  if (mode === 'forward') child.kill('SIGHUP');
});
child.on('exit', (code, signal) => {
  const ms = hungUpAt === undefined ? null : Math.round(performance.now() - hungUpAt);
  writeFileSync(statusFile, JSON.stringify({ code, signal, ms }));
  // this process's own end on a terminal that is gone is not under test
  process.kill(process.pid, 'SIGKILL');
});
