// Record a monitor run with keys pressed (a load typed with L, panels, pause, a step), then:
// `batch --replay` gives the same samples as a batch of the same profile and commands, and the
// numbers the monitor showed; `vmtop replay` shows the same frames at the same simulated times
// and refuses the keys that would change the simulation.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Command, TimedCommand } from '../../src/profile/types.js';
import { parseRecording } from '../../src/record/parse.js';
import { vmtop } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { press, startPty, statusOf, stopPty, waitFor, type Session } from './pty.js';

const COLS = 100;
const ROWS = 30;
const FIXTURE = 'tests/fixtures/golden-cpu.yaml';
const dir = tempDir('vmtop-rec-');
const rec = join(dir, 'run.vmtrec');

let session: Session | undefined;
afterEach(() => {
  stopPty(session);
  session = undefined;
});

const clockOf = (screen: string[]) => screen[1].slice(0, 8);
const at = (hhmmss: string) => (screen: string[]) => clockOf(screen) === hhmmss;
const seconds = (hhmmss: string) => hhmmss.split(':').reduce((n, p) => n * 60 + Number(p), 0);
const hhmmss = (s: number) => [s / 3600, (s / 60) % 60, s % 60].map((n) => String(Math.floor(n)).padStart(2, '0')).join(':');
/** What must match between a run and its replay: everything but the title and the status/footer. */
const frame = (screen: string[]) => screen.slice(1, ROWS - 3);

/** The recorded commands as a profile timeline: the "same run" for a plain batch. */
function asEvent(tc: TimedCommand): string {
  const c = tc.command as Command & Record<string, unknown>;
  const parts = [`at: ${tc.atMs}ms`, `action: ${c.action}`, `target: ${c.target}`];
  if (c.action === 'load') {
    parts.push(`cpu: ${(c.cpu as number) * 100}%`, `for: ${c.forMs as number}ms`);
    if (c.threads !== undefined) parts.push(`threads: ${c.threads as number}`);
    if (c.activeMiB) parts.push(`active: ${c.activeMiB as number}MiB`);
  }
  if (c.to !== undefined) parts.push(`to: ${c.to as string}`);
  if (c.replicas !== undefined) parts.push(`replicas: ${c.replicas as number}`);
  return `  - { ${parts.join(', ')} }`;
}

let paused: string[] = [];
let stepped: string[] = [];

test('a monitor run with keys pressed is recorded; batch --replay gives the same samples', async () => {
  const s = (session = startPty([FIXTURE, '--speed', '4', '--record', rec], COLS, ROWS));
  await waitFor(s, 'two refreshes', at('00:00:04'));
  // L on the selected VM, Enter sends the dialog's default load
  s.proc.write('A');
  await new Promise((r) => setTimeout(r, 150));
  s.proc.write('\r');
  await waitFor(s, 'ten seconds', (screen) => seconds(clockOf(screen)) >= 10);
  await press(s, 'm', 'the memory panel', (screen) => statusOf(screen) === 'memory panel');
  await press(s, 'c', 'the CPU panel', (screen) => statusOf(screen) === 'CPU panel');
  paused = await press(s, ' ', 'PAUSED', (screen) => screen[0].includes('PAUSED'));
  const t1 = seconds(clockOf(paused));
  stepped = await press(s, '.', 'one step', at(hhmmss(t1 + 2)));
  expect(stepped[0]).toContain('PAUSED');
  await press(s, ' ', 'resumed', (screen) => !screen[0].includes('PAUSED'));
  await waitFor(s, 'three more refreshes', (screen) => seconds(clockOf(screen)) >= t1 + 8);
  s.proc.write('q');
  expect((await s.exited).exitCode).toBe(0);

  const parsed = parseRecording(readFileSync(rec, 'utf8'), rec);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { commands, samples } = parsed.recording;
  expect(samples.length).toBeGreaterThanOrEqual(9);
  expect(samples).toEqual(samples.map((_, i) => (i + 1) * 2000));
  const typed = commands.filter((c) => c.atMs % 2000 === 0 && c.command.action === 'load' && c.atMs !== 5000);
  expect(typed, JSON.stringify(commands)).toHaveLength(1);
  expect(typed[0].atMs).toBeGreaterThanOrEqual(4000);
  expect(commands.length).toBe(3); // two from the timeline, one typed

  // a plain batch of the same profile with the same commands
  const text = readFileSync(FIXTURE, 'utf8');
  const same = join(dir, 'same.yaml');
  writeFileSync(same, `${text.slice(0, text.indexOf('events:'))}events:\n${commands.map(asEvent).join('\n')}\n`);
  const replayed = vmtop(['batch', '--replay', rec]);
  expect(replayed.code).toBe(0);
  const batch = vmtop(['batch', same, '-d', '2', '-n', String(samples.length)]);
  expect(batch.stderr).toBe('');
  expect(replayed.stdout).toBe(batch.stdout);

  // and the numbers the monitor showed when paused are those samples'
  const sample = replayed.stdout.trim().split('\n').map((l) => JSON.parse(l) as { t: number; vms: Record<string, number | string>[] })
    .find((x) => x.t === t1);
  expect(sample).toBeDefined();
  const header = paused.find((l) => /^ +ID NAME/.test(l)) ?? '';
  const end = header.indexOf('%USED') + '%USED'.length;
  const shown = paused.filter((l) => /^ +\d+ [a-z]/.test(l)).map((l) => {
    const words = l.trim().split(/ +/);
    return [words[1], l.slice(0, end).trim().split(/ +/).at(-1)];
  });
  expect(shown.length).toBeGreaterThan(0);
  for (const [name, used] of shown) {
    const vm = sample!.vms.find((v) => v.name === name)!;
    expect(used, name).toBe((vm['%USED'] as number).toFixed(2));
  }
}, 60000);

test('vmtop replay shows the same frames at the same simulated times, and refuses commands', async () => {
  expect(paused.length).toBe(ROWS);
  const s = (session = startPty(['replay', rec], COLS, ROWS));
  await waitFor(s, 'the first frame with REPLAY', (screen) => screen[0].includes('REPLAY') && screen[1].startsWith('00:00:'));
  await press(s, ' ', 'PAUSED', (screen) => screen[0].includes('PAUSED'));
  const target = clockOf(paused);
  for (let guard = 0; clockOf(s.screen()) !== target; guard++) {
    expect(guard).toBeLessThan(20);
    const before = clockOf(s.screen());
    await press(s, '.', 'a step', (screen) => clockOf(screen) !== before);
  }
  expect(frame(s.screen())).toEqual(frame(paused));
  const next = await press(s, '.', 'the next step', at(clockOf(stepped)));
  expect(frame(next)).toEqual(frame(stepped));

  // panels are free to change; commands are not
  await press(s, 'm', 'the memory panel', (screen) => statusOf(screen) === 'memory panel');
  await press(s, 'c', 'the CPU panel', (screen) => statusOf(screen) === 'CPU panel');
  const refused = await press(s, 'A', 'A refused', (screen) => /replay/i.test(statusOf(screen)));
  expect(statusOf(refused)).toMatch(/not while replaying|replay/);
  await press(s, 's', 's answered', (screen) => /recorded instants/.test(statusOf(screen)));
  s.proc.write('q');
  expect((await s.exited).exitCode).toBe(0);
}, 60000);

test('L above 100 % on a 2-vCPU VM is recorded as it runs and replays: the log says what %USED shows', async () => {
  const lab = join(dir, 'two-vcpus.yaml');
  writeFileSync(lab, [
    'name: two-vcpus', 'seed: 3',
    'hosts: [{ name: h1, hypervisor: esxi, pcpus: 4, memory: 8GiB }]',
    'vms: [{ name: web, host: h1, vcpus: 2, workload: { cpu: 10% } }]', '',
  ].join('\n'));
  const file = join(dir, 'load-150.vmtrec');
  const s = (session = startPty([lab, '--speed', '4', '--record', file], COLS, ROWS));
  await waitFor(s, 'the first refresh', at('00:00:02'));
  await press(s, 'A', 'the load dialog', (screen) => screen.some((l) => l.includes('% of one vCPU (max 200)')));
  for (const key of ['\u007F', '\u007F', '\u007F', '3', '0', '0', '\r']) s.proc.write(key);
  await waitFor(s, 'L 300 refused', (screen) => screen.some((l) => l.includes('CPU: 1..200 % of one vCPU (web has 2 vCPUs)')));
  for (const key of ['\u007F', '\u007F', '\u007F', '1', '5', '0', '\r']) s.proc.write(key);
  await waitFor(s, 'the load applied', (screen) => /load web: \+150% CPU \(75% on each of 2 vCPUs\)/.test(statusOf(screen)));
  await waitFor(s, 'two refreshes under the load', (screen) => seconds(clockOf(screen)) >= 12);
  s.proc.write('q');
  expect((await s.exited).exitCode).toBe(0);

  const replayed = vmtop(['batch', '--replay', file]);
  expect(replayed.stderr).toBe('');
  expect(replayed.code).toBe(0);
  const samples = replayed.stdout.trim().split('\n').map((l) => JSON.parse(l) as {
    t: number; vms: { name: string; '%USED': number }[]; events: { kind: string; detail: string }[];
  });
  const loaded = samples.findIndex((x) => x.events.some((e) => e.kind === 'load'));
  expect(samples[loaded].events.find((e) => e.kind === 'load')!.detail).toBe('+150% CPU (75% on each of 2 vCPUs) for 60s');
  // 10 % + 75 % + 1 % housekeeping on each of the two vCPUs, once a whole interval is loaded
  expect(samples[loaded + 1].vms[0]['%USED']).toBeGreaterThan(168);
  expect(samples[loaded + 1].vms[0]['%USED']).toBeLessThan(176);
}, 60000);

test('SIGTERM and SIGINT still write the recording, whole, and restore the terminal', async () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    const file = join(dir, `${signal}.vmtrec`);
    const s = (session = startPty([FIXTURE, '--speed', '8', '--record', file], COLS, ROWS));
    await waitFor(s, 'three refreshes', at('00:00:06'));
    s.proc.kill(signal);
    expect((await s.exited).exitCode).toBe(code);
    await new Promise<void>((resolve) => s.term.write('', resolve));
    expect(s.term.buffer.active.type).toBe('normal');
    const parsed = parseRecording(readFileSync(file, 'utf8'), file);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.recording.samples.length).toBeGreaterThanOrEqual(3);
  }
}, 30000);
