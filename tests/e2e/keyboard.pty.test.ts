// Keys a terminal can send, in a real pseudo-terminal: Ink 6.8 died on Ctrl+F1 (ESC[1;5P, ink
// issue 901); the fuzz sends the key table, every CSI/SS3 key with every modifier, mouse reports,
// pastes and broken sequences, with resizes, and the monitor must be running and answering after.

import { afterEach, expect, test } from 'vitest';
import { KEYMAP } from '../../src/tui/keymap.js';
import { KEY_SEQUENCES } from '../../src/tui/terminal/keyboard.js';
import { tempDir } from '../helpers/tmp.js';
import { isLabFrame as isFrame, press, startPty, statusOf, stopPty, waitFor, type Session } from './pty.js';

let session: Session | undefined;
afterEach(() => {
  stopPty(session);
  session = undefined;
});

const ESC = '\u001B';
/** The mouse test's config home (removed after the file's tests). */
const configHome = tempDir();

/** The exit is clean: status 0, the alternate screen left, the cursor shown, no error printed. */
async function quitsCleanly(s: Session) {
  s.proc.write('q');
  const { exitCode, signal } = await s.exited;
  await new Promise<void>((resolve) => s.term.write('', resolve));
  expect({ exitCode, signal: signal || 0 }).toEqual({ exitCode: 0, signal: 0 });
  expect(s.term.buffer.active.type).toBe('normal');
  const raw = s.raw();
  expect(raw.lastIndexOf(`${ESC}[?25h`)).toBeGreaterThan(raw.lastIndexOf(`${ESC}[?25l`));
  expect(raw).not.toMatch(/TypeError|vmtop: /);
}

test('Ctrl+F1..F4 (ESC[1;5P..S) and Alt+F1 are ignored: the monitor keeps running and answering', async () => {
  const s = (session = startPty([], 80, 24));
  await waitFor(s, 'the first frame', isFrame);
  const before = statusOf(s.screen());
  for (const f of 'PQRS') {
    await new Promise((resolve) => setTimeout(resolve, 40));
    s.proc.write(`${ESC}[1;5${f}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 40));
  s.proc.write(`${ESC}[1;3P`); // Alt+F1: Ink 6.8 made it the keys [ 1 ; 3 P ("no row selected: P powers ...")
  await new Promise((resolve) => setTimeout(resolve, 300));
  await waitFor(s, 'a frame after the keys', isFrame);
  expect(statusOf(s.screen())).toBe(before);
  await press(s, 'm', 'the memory panel', (screen) => statusOf(screen) === 'memory panel');
  await quitsCleanly(s);
});

/** mulberry32: the fuzz's one seeded source, so a failure replays. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a key id of the table is as bytes. */
function bytesOf(id: string): string | undefined {
  if (id in KEY_SEQUENCES) return KEY_SEQUENCES[id as keyof typeof KEY_SEQUENCES];
  if (id === 'space') return ' ';
  if (id === 'tab') return '\t';
  if (id === 'esc') return ESC;
  if (id.startsWith('C-')) return String.fromCharCode(id.charCodeAt(2) - 96);
  return id.length === 1 ? id : undefined;
}

/** Ends the run: q, Ctrl-C, and the Alt-q a dialog turns into q. The fuzz never sends them. */
// eslint-disable-next-line no-control-regex -- Ctrl-C is the point
const QUITS = /[q\u0003]/;

function fuzzKeys(next: () => number): () => string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const int = (n: number) => Math.floor(next() * n);
  const table = KEYMAP.map((b) => bytesOf(b.key)).filter((k): k is string => k !== undefined && !QUITS.test(k));
  const typed = [...'0123456789abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ/.,<>[]+-=y', '\r', '\u007F', '\b', '\u0015'];
  const finals = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnoprstuvwxyz~^$@`{|}'];
  const safe = () => pick(typed.filter((k) => k.length === 1 && k >= ' ' && k <= '~'));
  const kinds: (() => string)[] = [
    () => pick(table),
    () => pick(table),
    () => pick(typed),
    // CSI with every modifier (1..16) and number, SS3 with and without a modifier digit
    () => `${ESC}[${pick(['', '1;', `${int(35)};`, `${int(300)};`])}${1 + int(16)}${pick(finals)}`,
    // not F10 (ESC[21~): it quits, as in htop
    () => `${ESC}[${pick([int(21), 22 + int(13)])}${pick(['~', '^', '$', ''])}${pick(finals)}`,
    () => `${ESC}O${pick(['', String(1 + int(9))])}${pick(finals)}`,
    () => `${ESC}${ESC}[${pick(finals)}`,
    // Alt and a key; Esc and a key typed fast
    () => ESC + pick(typed),
    // SGR and X10 mouse reports, bracketed paste
    () => `${ESC}[<${int(128)};${1 + int(300)};${1 + int(100)}${pick(['M', 'm'])}`,
    () => `${ESC}[M${safe()}${safe()}${safe()}`,
    () => `${ESC}[200~${Array.from({ length: int(20) }, safe).join('')}${ESC}[201~`,
    // broken off: a sequence cut short by a control character, a long parameter run
    () => `${ESC}[${int(99)};${pick(['\r', '\t', '\u007F'])}`,
    () => `${ESC}[${'1;'.repeat(int(60))}${pick(finals)}`,
  ];
  return () => pick(kinds)();
}

const SIZES = [[80, 24], [60, 15], [200, 60]] as const;

test('a minute of random keys and resizes, seed 17: no crash, and the monitor answers after', async () => {
  const s = (session = startPty(['--seed', '3'], 80, 24));
  await waitFor(s, 'the first frame', isFrame, 20000);
  const next = random(17);
  const key = fuzzKeys(next);
  const end = Date.now() + 45_000;
  let sent = 0;
  let resizes = 0;
  let gone = false;
  void s.exited.then(() => {
    gone = true;
  });
  while (Date.now() < end && !gone) {
    if (next() < 0.01) {
      const [cols, rows] = SIZES[Math.floor(next() * SIZES.length)];
      s.term.resize(cols, rows);
      s.proc.resize(cols, rows);
      resizes++;
    }
    // one to three keys in one write: a PTY hands a burst over in one read
    let burst = '';
    for (let n = 1 + Math.floor(next() * 3); n > 0; n--) burst += key();
    expect(QUITS.test(burst)).toBe(false);
    s.proc.write(burst);
    sent++;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(gone, `the monitor ended after ${sent} writes:\n${s.raw().slice(-600)}`).toBe(false);
  expect(sent).toBeGreaterThan(500);
  expect(resizes).toBeGreaterThan(2);
  // close whatever is open (a prompt, a dialog, the help), then a key with a known answer
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 80));
    s.proc.write(ESC);
  }
  // (a small size may leave the scroll marker at the line's end)
  await press(s, 'c', 'the CPU panel', (screen) => statusOf(screen).includes('CPU panel'));
  await quitsCleanly(s);
}, 120_000);

test('F1, Ctrl-L, j/k, the mouse (SGR reports: a click, the wheel, a column header) and F10 in a real terminal', async () => {
  // without colour the `>` column marks the selection, which the test reads; a config home of its
  // own, so a view the fuzz saved with W (another panel, another delay) is not the one it starts in
  const s = (session = startPty(['--no-color'], 100, 30, [], { XDG_CONFIG_HOME: configHome }));
  await waitFor(s, 'the first frame', isFrame);
  // reporting is on (button presses, SGR encoding) while the monitor runs
  expect(s.term.modes.mouseTrackingMode).toBe('vt200');
  expect(s.raw()).toContain(`${ESC}[?1006h`);
  await press(s, `${ESC}OP`, 'help on F1', (screen) => screen[0].startsWith('vmtop help'));
  await press(s, `${ESC}[11~`, 'help closed by F1 (VT220)', isFrame);
  const selected = (screen: string[]) => screen.findIndex((l) => l.startsWith('> '));
  // the CPU panel: title, clock, two PCPU lines, the column header on row 5, rows from row 6
  const rowNamed = (screen: string[]) => (screen[6] ?? '').replace(/^[> ] +\d+ +(\S+).*/, '$1');
  await press(s, `${ESC}[<0;15;7M${ESC}[<0;15;7m`, 'a click selecting the second row', (screen) => selected(screen) === 6);
  const second = rowNamed(s.screen());
  await press(s, 'k', 'k: the row above', (screen) => selected(screen) === 5);
  await press(s, 'j', 'j: the row below', (screen) => selected(screen) === 6);
  await press(s, `${ESC}[<65;15;7M`, 'the wheel down', (screen) => selected(screen) === 9);
  await press(s, `${ESC}[<64;15;7M`, 'the wheel up', (screen) => selected(screen) === 6);
  const header = s.screen()[4];
  const column = header.indexOf('%RDY') + 3;
  await press(s, `${ESC}[<0;${column};5M`, 'a click on %RDY sorting by it', (screen) => statusOf(screen).startsWith('sorted by %RDY'));
  expect(s.screen().some((l) => l.startsWith('> ') && l.includes(` ${second} `))).toBe(true);
  await press(s, '\u000C', 'Ctrl-L: the frame again', isFrame);
  await new Promise((resolve) => setTimeout(resolve, 40));
  s.proc.write(`${ESC}[21~`);
  const { exitCode } = await s.exited;
  await new Promise<void>((resolve) => s.term.write('', resolve));
  expect(exitCode).toBe(0);
  expect(s.term.modes.mouseTrackingMode).toBe('none');
  expect(s.term.buffer.active.type).toBe('normal');
}, 60_000);
