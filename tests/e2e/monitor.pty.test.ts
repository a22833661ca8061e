// The monitor in a real pseudo-terminal, read back through a headless xterm: what a user sees,
// not what was written. Needs the build (npm test builds first).

import xterm from '@xterm/headless';
import { afterEach, expect, test } from 'vitest';
import { press, startPty, stopPty, waitFor, type Session } from './pty.js';

const { Terminal } = xterm;

let session: Session | undefined;
afterEach(() => {
  stopPty(session);
  session = undefined;
});

const start = (cols: number, rows: number, args: string[] = []): Session => startPty(args, cols, rows);

const status = (screen: string[]) => screen.filter((l) => l.trim() !== '').at(-2) ?? '';
const dataRows = (screen: string[]) => screen.filter((l) => /^ *\d+ \S/.test(l) && !l.includes('vcpu-'));

/** Values of one column, read by the header's right edge (numbers are right-aligned). */
function column(screen: string[], name: string): number[] {
  const header = screen.find((l) => /^ +ID NAME/.test(l)) ?? '';
  const end = header.indexOf(name) + name.length;
  return dataRows(screen).map((l) => Number(l.slice(0, end).trim().split(/ +/).at(-1)));
}

const isFrame = (rows: number) => (screen: string[]) =>
  screen[0].startsWith('vmtop lab') && /^ +ID NAME/.test(screen[4]) && screen[rows - 2].includes('q quit') && screen[rows - 1] === '';

/** lab's hosts in Tab order: esx-a, esx-b, esx-old, laptop, xen-1, lx-1, vs-1. */
const HOSTS = 7;
const onHost = (name: string) => (screen: string[]) => screen[0].includes(`host ${name} `);

/**
 * n, d, g and t with the lab's content: esx-a's ports and disks, lx-1's containers (the capped
 * api, the front service), vs-1's token buckets; then Tab back round to esx-a and the CPU panel.
 */
async function visitPanels(s: Session, rows: number) {
  const last = rows - 2;
  await press(s, 'n', 'the network panel', (screen) => status(screen) === 'network panel' &&
    screen[2].startsWith('NIC') && /^ +ID NAME +PKTTX\/s +MbTX\/s/.test(screen[4]) && screen.some((l) => / db /.test(l)) &&
    screen[last].includes('q quit'));
  await press(s, 'v', 'the disk panel', (screen) => status(screen) === 'disk panel' &&
    screen[2].startsWith('DATASTORE: ') && /CMDS\/s.*GAVG( +WQLEN +ACTV +QUED)?$/.test(screen[4]) && screen.some((l) => / db /.test(l)));
  await press(s, 'g', 'the containers panel', (screen) => status(screen) === 'containers panel' &&
    screen[5].startsWith('  no containers on this host — Tab for the next host'));
  for (let i = 0; i < 5; i++) await press(s, '\t', `host ${i + 2}`, onHost(['esx-b', 'esx-old', 'laptop', 'xen-1', 'lx-1'][i]));
  await waitFor(s, 'lx-1\'s cgroup tree', (screen) => screen[2].startsWith('CGROUPS: 6 containers') &&
    screen.some((l) => /^ +api +running +50\.00 (.* )?50\.00 +100\.00 /.test(l)) && screen.some((l) => /▸ front ×3/.test(l)));
  await press(s, 't', 'the VServer panel on lx-1', (screen) => status(screen) === 'VServer panel' &&
    screen[2] === 'VSERVER: no guests on lx-1');
  await press(s, '\t', 'vs-1\'s guests', (screen) => onHost('vs-1')(screen) &&
    screen.some((l) => /^ +101 burster +(running|HELD) /.test(l)) && screen.some((l) => /^ +102 steady /.test(l)));
  await press(s, '\t', 'back to esx-a', onHost('esx-a'));
  await press(s, 'c', 'the CPU panel', isFrame(rows));
  expect(HOSTS).toBe(7);
}

/**
 * o with the lab's cluster: the ESXi host esx-a opened into its VMs, its first VM migrated with V
 * (the picker, Enter, the engine's answer on the status line), then esx-old failed with X and y
 * (its VMs go down) and recovered with X; the filter cleared, back to the CPU panel.
 */
async function useCluster(s: Session, rows: number) {
  await press(s, 'o', 'the hosts panel', (screen) => status(screen) === 'hosts panel' &&
    /^CLUSTER: 7( of |\/)7 hosts on/.test(screen[2]) && screen[3].startsWith('DRS manual') && /^ *NAME +STATE/.test(screen[5]) &&
    screen.some((l) => /▸ esx-old +up/.test(l)));
  await press(s, '\u001B[H', 'esx-a selected', (screen) => screen.some((l) => /▸ esx-a|▾ esx-a/.test(l)));
  if (s.screen().some((l) => l.includes('▸ esx-a'))) await press(s, 'e', 'esx-a open', (screen) => screen.some((l) => l.includes('▾ esx-a')));
  const vmRow = await press(s, '\u001B[B', 'a VM selected', (screen) => /^ {3,}\S+ +(running|mig)/.test(screen[7]));
  const vm = vmRow[7].trim().split(/ +/)[0];
  await press(s, 'H', 'the host picker', (screen) => screen.some((l) => l.includes(`Migrate VM ${vm} (on esx-a) to:`)) &&
    screen.some((l) => /x esx-a +\S+ is already on esx-a/.test(l)) && screen.some((l) => /x lx-1 /.test(l)));
  await press(s, '\r', `the migration of ${vm}`, (screen) => new RegExp(`migrate-(start|end) ${vm}: `).test(status(screen)));
  await press(s, '/', 'the filter', (screen) => status(screen).startsWith('filter by name'));
  for (const ch of 'esx-old') s.proc.write(ch);
  await press(s, '\r', 'esx-old alone', (screen) => /^(> )?▸ esx-old +up/.test(screen[6]) && !screen.some((l) => l.includes('esx-b ')));
  await press(s, 'X', 'the confirmation', (screen) => screen.some((l) => /Fail host esx-old\? (Its 4 running VMs go down|No VM runs on it now)\./.test(l)));
  await press(s, 'y', 'esx-old failed', (screen) => /host-failed esx-old: /.test(status(screen)) && /FAILED/.test(screen[6]));
  await press(s, 'X', 'esx-old recovered', (screen) => /host-recovered esx-old: back up/.test(status(screen)) && / up /.test(screen[6]));
  await press(s, '/', 'the filter again', (screen) => status(screen).startsWith('filter by name'));
  await press(s, '\u001B', 'the filter cleared', (screen) => status(screen) === 'filter cleared');
  await press(s, 'c', 'the CPU panel', isFrame(rows));
}

/**
 * The actions that are not the cluster's, once each: L on the selected VM (the form, Enter, the
 * engine's answer), Enter for its details and Esc, f for the field chooser and Esc, then on lx-1's
 * containers Z with y to freeze the filtered `api` and Z again to thaw it.
 */
async function useActions(s: Session, rows: number) {
  await press(s, '\u001B[H', 'the first VM selected', isFrame(rows));
  const form = await press(s, 'A', 'the load form', (screen) => screen.some((l) => /Inject load into VM \S+/.test(l)));
  const vm = /Inject load into VM (\S+)/.exec(form.join('\n'))![1];
  await press(s, '\r', `the load on ${vm}`, (screen) => status(screen).includes(`load +100% for 60s sent to ${vm}`) ||
    new RegExp(`load ${vm}: `).test(status(screen)));
  await press(s, '\r', `${vm}'s details`, (screen) => screen[0].startsWith(`VM ${vm} on esx-a`));
  await press(s, '\u001B', 'the details closed', isFrame(rows));
  await press(s, 'f', 'the field chooser', (screen) => screen.some((l) => l.startsWith('Fields of the CPU panel: ')));
  await press(s, '\u001B', 'the field chooser closed', isFrame(rows));
  await press(s, 'g', 'the containers panel', (screen) => status(screen) === 'containers panel');
  for (let i = 0; i < 5; i++) await press(s, '\t', `host ${i + 2}`, onHost(['esx-b', 'esx-old', 'laptop', 'xen-1', 'lx-1'][i]));
  await press(s, '/', 'the filter', (screen) => status(screen).startsWith('filter by name'));
  for (const ch of 'api') s.proc.write(ch);
  await press(s, '\r', 'api alone under lx-1', (screen) => screen.some((l) => /^ +api +running /.test(l.replace(/^> /, '  '))));
  await press(s, '\u001B[F', 'api selected', (screen) => screen.some((l) => /^> +api /.test(l)) || screen.some((l) => /^ {2,}api /.test(l)));
  await press(s, 'Z', 'the freeze confirmation', (screen) => screen.some((l) => l.includes('Freeze container api?')));
  await press(s, 'y', 'api frozen', (screen) => /frozen api: cgroup\.freeze 1/.test(status(screen)) || status(screen).includes('freeze sent to api'));
  await waitFor(s, 'api FROZEN in its row', (screen) => screen.some((l) => /\bapi +FROZEN /.test(l)));
  await press(s, 'Z', 'api thawed', (screen) => /thawed api|thaw sent to api/.test(status(screen)));
  await waitFor(s, 'api running again', (screen) => screen.some((l) => /\bapi +running /.test(l)));
  await press(s, '/', 'the filter again', (screen) => status(screen).startsWith('filter by name'));
  await press(s, '\u001B', 'the filter cleared', (screen) => status(screen) === 'filter cleared');
  await press(s, '\t', 'vs-1', onHost('vs-1'));
  await press(s, '\t', 'back to esx-a', onHost('esx-a'));
  await press(s, 'c', 'the CPU panel', isFrame(rows));
}

/**
 * One `:` command: Tab completes the action, a key the loader does not know is refused with its
 * message and the line kept, Ctrl-W takes the word back, Enter sends the load.
 */
async function useCommandLine(s: Session, rows: number) {
  const bottom = (screen: string[]) => screen[rows - 2];
  await press(s, ':', 'the command line', (screen) => bottom(screen) === ':_' && status(screen).startsWith('an action: load migrate'));
  for (const ch of 'lo') s.proc.write(ch);
  await press(s, '\t', 'load completed', (screen) => bottom(screen) === ':load _' && status(screen).startsWith('the VM, container or service to load:'));
  for (const ch of 'db cpu=50% fore=30s') s.proc.write(ch);
  await press(s, '\r', 'the refusal', (screen) => status(screen) === 'fore: unknown key "fore"; did you mean "for"? (and 1 more)' &&
    bottom(screen) === ':load db cpu=50% fore=30s_');
  await press(s, '\u0017', 'the word taken back', (screen) => bottom(screen) === ':load db cpu=50% _');
  for (const ch of 'for=30s') s.proc.write(ch);
  await press(s, '\r', 'the load sent', (screen) => /^(:load db cpu=50% for=30s sent|\d+s load db: )/.test(status(screen)) && isFrame(rows)(screen));
}

test('keys, resize and quit in a real terminal', async () => {
  const s = (session = start(80, 24));
  await waitFor(s, 'the first frame at 80x24', isFrame(24));
  const afterStart = s.raw().length;
  await waitFor(s, 'a refresh with load', (screen) => screen[1].startsWith('00:00:02'));
  await visitPanels(s, 24);
  await useCluster(s, 24);
  await useActions(s, 24);
  await useCommandLine(s, 24);

  s.term.resize(200, 60);
  s.proc.resize(200, 60);
  await waitFor(s, 'the frame at 200x60', (screen) => isFrame(60)(screen) && screen[4].includes('%OVRLP'));
  await visitPanels(s, 60);
  await useCluster(s, 60);

  await press(s, 'c', 'c', (screen) => status(screen) === 'CPU panel');
  await press(s, 'R', 'sort by %RDY', (screen) => status(screen) === 'sorted by %RDY');
  const rdy = column(s.screen(), '%RDY');
  expect(rdy.length).toBeGreaterThan(1);
  expect(rdy).toEqual([...rdy].sort((a, b) => b - a));
  await press(s, 'e', 'vCPU rows', (screen) => screen.some((l) => l.includes('  vcpu-0 ')));
  await press(s, 'U', 'sort by %USED', (screen) => status(screen) === 'sorted by %USED');
  await press(s, ' ', 'PAUSED', (screen) => screen[0].includes('PAUSED'));
  await press(s, '+', 'speed x2', (screen) => screen[0].includes('speed x2'));
  await press(s, '-', 'speed x1', (screen) => screen[0].includes('speed x1'));
  await press(s, 'h', 'the help', (screen) => screen[0].startsWith('vmtop help'));
  await press(s, 'q', 'the help closed', isFrame(60));
  s.proc.write('q');
  const { exitCode } = await s.exited;
  await new Promise<void>((resolve) => s.term.write('', resolve));

  expect(exitCode).toBe(0);
  expect(s.term.buffer.active.type).toBe('normal');
  expect(s.term.modes.wraparoundMode).toBe(true);
  const raw = s.raw();
  expect(raw.lastIndexOf('\u001B[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001B[?25l'));
  const frames = raw.slice(afterStart);
  expect(frames).not.toContain('\u001B[2J');
  expect(frames).not.toContain('\u001B[3J');
});

const BSU = '\u001B[?2026h';

/** The screen a headless terminal shows after `data`, row by row (trailing blanks trimmed). */
async function replay(term: InstanceType<typeof Terminal>, data: string): Promise<string[]> {
  await new Promise<void>((resolve) => term.write(data, resolve));
  const b = term.buffer.active;
  return Array.from({ length: term.rows }, (_, y) => (b.getLine(y)?.translateToString(true) ?? '').trimEnd());
}

test('after the first frame only changed cells are written, never a full clear', async () => {
  const [cols, rows] = [120, 40];
  const s = (session = start(cols, rows, ['-d', '1']));
  await waitFor(s, 'the first frame at 120x40', isFrame(rows));
  const first = s.raw();
  await waitFor(s, 'three refreshes', (screen) => screen[1].startsWith('00:00:03'));
  await waitFor(s, 'four refreshes', (screen) => screen[1].startsWith('00:00:04'));
  const updates = s.raw().slice(first.length).split(BSU).filter((u) => u !== '').map((u) => BSU + u);
  expect(updates.length).toBeGreaterThanOrEqual(3);

  // What Ink's line-incremental renderer wrote for the same change, at the least: each changed
  // line in full (without its colours) plus column-1 and erase-line, inside the sync markers.
  const shadow = new Terminal({ cols, rows, allowProposedApi: true });
  let before = await replay(shadow, first);
  let ours = 0;
  let lines = 0;
  for (const update of updates) {
    // No clear and no erase-below: not a repaint.
    for (const erase of ['\u001B[2J', '\u001B[3J', '\u001B[J']) expect(update).not.toContain(erase);
    const after = await replay(shadow, update);
    const changed = after.filter((line, y) => line !== before[y]);
    ours += Buffer.byteLength(update);
    lines += 2 * BSU.length + changed.reduce((n, line) => n + Buffer.byteLength(line) + '\u001B[1G\u001B[K\n'.length, 0);
    before = after;
  }
  expect(ours).toBeLessThan(lines);
});

test('SIGTERM restores the terminal and exits 143', async () => {
  const s = (session = start(80, 24));
  await waitFor(s, 'the first frame', isFrame(24));
  s.proc.kill('SIGTERM');
  const { exitCode } = await s.exited;
  await new Promise<void>((resolve) => s.term.write('', resolve));
  expect(exitCode).toBe(143);
  expect(s.term.buffer.active.type).toBe('normal');
});

test('CI=0 without FORCE_COLOR keeps the styles: the selected row is drawn in inverse', async () => {
  const s = (session = startPty([], 100, 30, ['FORCE_COLOR']));
  await waitFor(s, 'the first frame', isFrame(30));
  // the first data row is the selection: every one of its cells inverse in the terminal
  const b = s.term.buffer.active;
  const y = s.screen().findIndex((l) => /^ *\d+ \S/.test(l));
  const line = b.getLine(b.viewportY + y);
  const inverse = Array.from({ length: 20 }, (_, x) => line?.getCell(x)?.isInverse() ?? 0);
  expect(inverse.every((v) => v !== 0)).toBe(true);
});

test('TERM=dumb is refused as a non-terminal is, pointing to batch, before any escape is written', async () => {
  const s = (session = startPty([], 100, 30, [], { TERM: 'dumb' }));
  const exit = await Promise.race([s.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 8000))]);
  const out = s.raw();
  expect(exit?.exitCode, out).toBe(2);
  expect(out).toContain('TERM=dumb');
  expect(out).toContain('vmtop batch');
  // no alternate screen, no cursor addressing, no hidden cursor: only the message's text
  // eslint-disable-next-line no-control-regex
  expect(out.replace(/\r?\n/g, '')).not.toMatch(/\u001B/);
});

test('"terminal too small" fits whole at 40x10 and 20x5, and the monitor comes back at 100x30', async () => {
  const s = (session = start(40, 10));
  const shown = (screen: string[]) => screen.map((l) => l.trim()).filter(Boolean);
  await waitFor(s, 'the message at 40x10', (screen) => shown(screen).join('|') === 'terminal too small|need 60x15, have 40x10');
  s.term.resize(20, 5);
  s.proc.resize(20, 5);
  await waitFor(s, 'the message at 20x5', (screen) => shown(screen).join('|') === 'terminal too small|need 60x15|have 20x5');
  s.term.resize(100, 30);
  s.proc.resize(100, 30);
  await waitFor(s, 'the monitor', isFrame(30));
  s.proc.write('q');
  expect((await s.exited).exitCode).toBe(0);
});
