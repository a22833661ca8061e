// The key filter in front of Ink's parser: text and vmtop's keys through, every other sequence
// dropped whole; and, through Ink 6.8's own parser and keypress table, nothing that crashes or
// falls apart into phantom keys.

import fc from 'fast-check';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KEY_SEQUENCES, keyFilter } from '../../../src/tui/terminal/keyboard.js';
import { EVENT_END, EVENT_START, namedEvent } from '../../../src/tui/named-events.js';

const ESC = '\u001B';
const through = (...chunks: string[]) => {
  const f = keyFilter();
  return chunks.map((c) => f.push(c)).join('') + f.expire();
};

describe('the key filter', () => {
  it('passes text, control keys and Alt-keys as they are', () => {
    expect(through('cRq')).toBe('cRq');
    expect(through('\r\t\u007F\u0003 ')).toBe('\r\t\u007F\u0003 ');
    expect(through(ESC + 'x')).toBe(ESC + 'x');
    expect(through('é日本')).toBe('é日本');
  });

  it('drops Ctrl+F1..F4 (ESC[1;5P..S), the sequence that killed Ink 6.8, and any F-key but F1 and F10', () => {
    for (const f of 'PQRS') expect(through(`${ESC}[1;5${f}`)).toBe('');
    expect(through(`${ESC}[15~${ESC}[24;5~${ESC}[[B${ESC}[21;5~`)).toBe('');
  });

  it('hands over F1 (xterm, VT220, the Linux console) and F10 as named events', () => {
    for (const f1 of [`${ESC}OP`, `${ESC}[11~`, `${ESC}[[A`]) expect(through(f1), JSON.stringify(f1)).toBe(namedEvent('f1'));
    expect(through(`${ESC}[21~`)).toBe(namedEvent('f10'));
  });

  it('spells the keys vmtop binds one way, modifiers dropped', () => {
    expect(through(`${ESC}[1;5A${ESC}OB${ESC}[c${ESC}[1;2D`)).toBe(KEY_SEQUENCES.up + KEY_SEQUENCES.down + KEY_SEQUENCES.right + KEY_SEQUENCES.left);
    expect(through(`${ESC}[1~${ESC}[4~${ESC}[7$${ESC}[8^${ESC}OH${ESC}OF`)).toBe(
      KEY_SEQUENCES.home + KEY_SEQUENCES.end + KEY_SEQUENCES.home + KEY_SEQUENCES.end + KEY_SEQUENCES.home + KEY_SEQUENCES.end);
    expect(through(`${ESC}[5;3~${ESC}[6$${ESC}[Z${ESC}OM`)).toBe(KEY_SEQUENCES.pgup + KEY_SEQUENCES.pgdn + KEY_SEQUENCES['S-tab'] + '\r');
    expect(through(`${ESC}${ESC}[A`)).toBe(KEY_SEQUENCES.up);
  });

  it('hands over an SGR click and the wheel as named events; drops releases, drags, other buttons, X10 reports and paste markers', () => {
    expect(through(`${ESC}[<0;10;5M${ESC}[<0;10;5m`)).toBe(namedEvent('mouse:click:10:5'));
    expect(through(`${ESC}[<64;3;200M${ESC}[<65;3;4M`)).toBe(namedEvent('mouse:wheel-up:3:200') + namedEvent('mouse:wheel-down:3:4'));
    expect(through(`${ESC}[<32;10;5M${ESC}[<2;10;5M${ESC}[<0;10M${ESC}[<1;1;1;1M`)).toBe('');
    expect(through(`${ESC}[M !!a`)).toBe('a');
    expect(through(`${ESC}[200~abc${ESC}[201~`)).toBe('abc');
  });

  it('holds a sequence split across reads, and a lone ESC is Escape only when nothing followed', () => {
    const f = keyFilter();
    expect(f.push(`x${ESC}[1;`)).toBe('x');
    expect(f.holding()).toBe(true);
    expect(f.push('5P')).toBe('');
    expect(f.holding()).toBe(false);
    expect(f.push(ESC)).toBe('');
    expect(f.expire()).toBe(ESC);
    expect(f.push(`${ESC}[1;5`)).toBe('');
    expect(f.expire()).toBe('');
    expect(f.push('q')).toBe('q');
  });

  it('ends a sequence broken off by a byte no sequence has, and keeps that byte', () => {
    expect(through(`${ESC}[1;\u0003`)).toBe('\u0003');
    expect(through(`${ESC}O\r`)).toBe('\r');
  });

  it('drops an endless sequence whole, holding no more than a key\'s length', () => {
    const f = keyFilter();
    expect(f.push(`${ESC}[` + '1;'.repeat(100_000))).toBe('');
    expect(f.push('A')).toBe('');
  });
});

/** Ink 6.8's input parser and keypress parser, from its build (not exported). */
async function inkParsers() {
  const entry = createRequire(import.meta.url).resolve('ink');
  const load = (file: string) => import(pathToFileURL(join(dirname(entry), file)).href);
  const { createInputParser } = (await load('input-parser.js')) as { createInputParser: () => { push(s: string): string[]; flushPendingEscape(): string | undefined } };
  const parseKeypress = ((await load('parse-keypress.js')) as { default: (s: string) => { name?: string; ctrl: boolean; sequence: string } }).default;
  return { createInputParser, parseKeypress };
}

/** A byte soup weighted to escape sequences: keys, modifiers, mouse, paste, broken pieces. */
const soup = fc.array(fc.oneof(
  fc.constantFrom(ESC, `${ESC}[`, `${ESC}O`, '[', 'O', ';', '1;5', '1;2', '<', '~', '$', '^', 'M', '200~', '201~', 'P', 'A', 'Z', '\u0003', '\r'),
  fc.string({ maxLength: 3 }),
  fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
), { maxLength: 40 }).map((parts) => parts.join(''));

describe('the key filter before Ink 6.8', () => {
  it('hands Ink only text, Alt-keys, Escape and the key sequences vmtop binds, in any split', async () => {
    const { createInputParser, parseKeypress } = await inkParsers();
    const known = new Set<string>(Object.values(KEY_SEQUENCES));
    fc.assert(fc.property(soup, fc.array(fc.nat(40), { maxLength: 4 }), (input, cuts) => {
      const f = keyFilter();
      const ink = createInputParser();
      const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b).filter((c) => c < input.length), input.length];
      const events: string[] = [];
      for (let i = 1; i < bounds.length; i++) events.push(...ink.push(f.push(input.slice(bounds[i - 1], bounds[i]))));
      events.push(...ink.push(f.expire()));
      const pending = ink.flushPendingEscape();
      if (pending !== undefined) events.push(pending);
      for (const e of events) {
        // a named event is whole: its brackets in one event, nothing else inside
        if (e.includes(EVENT_START)) expect(e, JSON.stringify(e)).toMatch(new RegExp(`^[^${EVENT_START}${EVENT_END}]*(${EVENT_START}[a-z0-9:-]+${EVENT_END}[^${EVENT_START}${EVENT_END}]*)+$`, 'u'));
        // eslint-disable-next-line no-control-regex -- escape sequences are the point
        const ok = !e.includes(ESC) || known.has(e) || /^\u001B{1,2}[^[O\u001B]?$/u.test(e) || /^\u001B[^[O]$/u.test(e);
        expect(ok, JSON.stringify(e)).toBe(true);
        const key = parseKeypress(e);
        // the crash of ink issue 901: a Ctrl key Ink has no name for
        expect(key.ctrl && key.name === undefined, JSON.stringify(e)).toBe(false);
      }
    }), { numRuns: 3000, seed: 17 });
  });
});
