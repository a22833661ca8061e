// What reaches Ink's input parser. Ink 6.8 names a terminal's escape sequences with a table, and
// a sequence outside it either kills the monitor (Ctrl+F1 is ESC[1;5P: a Ctrl key without a
// name, `undefined.startsWith`, ink issue 901) or falls apart into phantom keys: ESC[1;3P came
// through as `[`, `1`, `;`, `3`, `P` (and P powers a VM off), a mouse report ESC[<0;10;5M as
// `M`, a sort. This filter reads the bytes first, as a terminal's own parser does (ECMA-48:
// CSI parameter, intermediate and final bytes; SS3 and one final byte), and hands Ink text and
// only the sequences of keys vmtop has, each in the one spelling Ink surely knows. Every other
// sequence is dropped whole. Modifiers on the keys vmtop knows are dropped too: no binding
// tells Ctrl-Up from Up.
// Keys and reports Ink has no name for (F1, F10, xterm's SGR mouse reports) pass as named
// events (../named-events.ts).

import { mouseId, namedEvent } from '../named-events.js';

const ESC = '\u001B';

/** Function keys vmtop binds, by their CSI n ~ number (xterm, VT220) . */
const FUNCTION_KEYS: Readonly<Record<string, string>> = { 11: 'f1', 21: 'f10' };

/**
 * An SGR (mode 1006) mouse report's event: `<button;column;row` then M (press) or m (release).
 * Only what vmtop uses: a left click, the wheel; releases, drags and other buttons are dropped.
 */
export function sgrMouse(body: string, final: string): string | undefined {
  const m = /^<(\d{1,3});(\d{1,4});(\d{1,4})$/.exec(body);
  if (!m || final !== 'M') return undefined;
  const button = Number(m[1]);
  const kind = button === 0 ? 'click' : button === 64 ? 'wheel-up' : button === 65 ? 'wheel-down' : undefined;
  return kind && mouseId({ kind, x: Number(m[2]), y: Number(m[3]) });
}

/** The keys vmtop binds that a terminal sends as a sequence, as Ink's table spells them. */
export const KEY_SEQUENCES = {
  up: ESC + '[A', down: ESC + '[B', right: ESC + '[C', left: ESC + '[D',
  home: ESC + '[H', end: ESC + '[F', pgup: ESC + '[5~', pgdn: ESC + '[6~',
  delete: ESC + '[3~', 'S-tab': ESC + '[Z', enter: '\r',
} as const;
export type SequenceKey = keyof typeof KEY_SEQUENCES;

/** CSI (or SS3) ... letter: xterm's cursor keys, with `1;m` when a modifier is held. */
const LETTER_KEYS: Readonly<Record<string, SequenceKey>> = {
  A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'S-tab',
};
/** rxvt's Shift+arrow: CSI a..d, SS3 a..d with Ctrl. */
const RXVT_ARROWS: Readonly<Record<string, SequenceKey>> = { a: 'up', b: 'down', c: 'right', d: 'left' };
/** CSI n ~ (VT220 editing keys; rxvt ends them in $ with Shift and ^ with Ctrl). */
const TILDE_KEYS: Readonly<Record<string, SequenceKey>> = {
  1: 'home', 7: 'home', 4: 'end', 8: 'end', 5: 'pgup', 6: 'pgdn', 3: 'delete',
};

/** The key a complete CSI sequence is (`ESC [` body final), or undefined: not one vmtop has. */
export function csiKey(body: string, final: string): SequenceKey | undefined {
  if (final in LETTER_KEYS && (body === '' || /^1;\d{1,3}$/.test(body))) return LETTER_KEYS[final];
  if (final in RXVT_ARROWS && body === '') return RXVT_ARROWS[final];
  if (final === '~' || final === '$' || final === '^') {
    const m = /^(\d{1,3})(?:;\d{1,3})?$/.exec(body);
    if (m && m[1] in TILDE_KEYS) return TILDE_KEYS[m[1]];
  }
  return undefined;
}

/** The key an SS3 sequence is (`ESC O` [modifier digits] final), or undefined. */
export function ss3Key(body: string, final: string): SequenceKey | undefined {
  if (body !== '' && !/^\d{1,3}$/.test(body)) return undefined;
  if (final in LETTER_KEYS && final !== 'Z') return LETTER_KEYS[final];
  if (final in RXVT_ARROWS) return RXVT_ARROWS[final];
  if (final === 'M') return 'enter'; // keypad Enter in application mode
  return undefined;
}

/** A sequence longer than this is no key: dropped whole, whatever its end. */
const MAX_SEQUENCE = 32;
/** Bytes after ESC [ M in a legacy (X10) mouse report: button, column, row. */
const X10_BYTES = 3;

type State = 'ground' | 'esc' | 'esc-esc' | 'csi' | 'ss3' | 'x10';

const isParameter = (c: number) => c >= 0x30 && c <= 0x3f;
const isIntermediate = (c: number) => c >= 0x20 && c <= 0x2f;
const isFinal = (c: number) => c >= 0x40 && c <= 0x7e;

export interface KeyFilter {
  /** The text for Ink from the next chunk of input; an unfinished sequence is held. */
  push(chunk: string): string;
  /** Whether a sequence is held, waiting for its end. */
  holding(): boolean;
  /** No more came in time: a held ESC is the Escape key; a held unfinished sequence is dropped. */
  expire(): string;
}

export function keyFilter(): KeyFilter {
  let state: State = 'ground';
  let body = '';
  let skip = 0;

  const reset = () => {
    state = 'ground';
    body = '';
  };

  /** One code point; returns what it adds to Ink's text. */
  const step = (ch: string): string => {
    const c = ch.codePointAt(0) ?? 0;
    switch (state) {
      case 'ground':
        if (ch !== ESC) return ch;
        state = 'esc';
        return '';
      case 'esc':
        if (ch === '[') state = 'csi';
        else if (ch === 'O') state = 'ss3';
        else if (ch === ESC) state = 'esc-esc';
        else {
          state = 'ground';
          return ESC + ch; // Alt and a key (or Esc and a key typed fast): Ink's meta key
        }
        return '';
      case 'esc-esc':
        // ESC ESC [ ... is Alt with a key sequence (Ink's `option`); ESC ESC alone is Escape
        if (ch === '[') state = 'csi';
        else if (ch === 'O') state = 'ss3';
        else {
          state = 'ground';
          return ESC + ESC + step(ch);
        }
        return '';
      case 'csi': {
        if (ch === '[' && body === '') {
          body = '['; // the Linux console's F1-F5 are ESC [ [ A..E: F1 is vmtop's help
          return '';
        }
        // rxvt's Shift+PgUp is ESC [ 5 $: `$` ends it, though ECMA-48 makes it an intermediate
        if (ch === '$' && /^\d+$/.test(body)) return finish(csiKey(body, ch));
        if (isParameter(c) || isIntermediate(c)) {
          if (body.length <= MAX_SEQUENCE) body += ch; // past that no key matches: stop keeping it
          return '';
        }
        if (isFinal(c)) {
          if (ch === 'M' && body === '') {
            state = 'x10';
            skip = X10_BYTES;
            return '';
          }
          if (body === '[' && ch === 'A') return named('f1'); // the Linux console's F1
          if (body.startsWith('<')) return named(sgrMouse(body, ch));
          if (ch === '~' && body in FUNCTION_KEYS) return named(FUNCTION_KEYS[body]);
          return finish(body.startsWith('[') ? undefined : csiKey(body, ch));
        }
        // not a CSI byte: the sequence was broken off; the byte is input of its own
        reset();
        return step(ch);
      }
      case 'ss3':
        if (c >= 0x30 && c <= 0x39 && body.length < 3) {
          body += ch;
          return '';
        }
        if (ch === 'P' && body === '') return named('f1'); // xterm's F1
        if (isFinal(c)) return finish(ss3Key(body, ch));
        reset();
        return step(ch);
      case 'x10':
        if (--skip === 0) reset();
        return '';
    }
  };

  const finish = (key: SequenceKey | undefined): string => {
    reset();
    return key ? KEY_SEQUENCES[key] : '';
  };

  const named = (name: string | undefined): string => {
    reset();
    return name ? namedEvent(name) : '';
  };

  return {
    push(chunk) {
      let out = '';
      for (const ch of chunk) out += step(ch);
      return out;
    },
    holding: () => state !== 'ground',
    expire() {
      const held = state === 'esc' ? ESC : state === 'esc-esc' ? ESC + ESC : '';
      reset();
      return held;
    },
  };
}
