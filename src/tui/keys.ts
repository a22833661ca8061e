// Turns Ink's (input, key) into key ids the key table uses. A PTY can coalesce several keys into
// one chunk ("cR"), which Ink hands over as one string, so plain text yields one id per character.

import type { Key } from 'ink';
import { EVENT_END, EVENT_START } from './named-events.js';

const NAMED: readonly [keyof Key, string][] = [
  ['upArrow', 'up'], ['downArrow', 'down'], ['leftArrow', 'left'], ['rightArrow', 'right'],
  ['pageUp', 'pgup'], ['pageDown', 'pgdn'], ['home', 'home'], ['end', 'end'],
  ['return', 'enter'], ['escape', 'esc'], ['backspace', 'backspace'], ['delete', 'backspace'],
];

function charId(ch: string): string {
  if (ch === ' ') return 'space';
  if (ch === '\r' || ch === '\n') return 'enter';
  if (ch === '\t') return 'tab';
  if (ch === '\u007F' || ch === '\b') return 'backspace';
  const code = ch.charCodeAt(0);
  if (code < 0x20) return 'C-' + String.fromCharCode(code + 96);
  return ch;
}

export function keyIds(input: string, key: Key): string[] {
  if (key.tab) return [key.shift ? 'S-tab' : 'tab'];
  for (const [flag, id] of NAMED) if (key[flag]) return [id];
  if (key.ctrl) return input.length === 1 ? ['C-' + input.toLowerCase()] : [];
  if (key.meta && input.length === 1) return ['M-' + input];
  return textIds(input);
}

/** Plain text: one id per character, a named event from the key filter (F1, a mouse report) as its name. */
function textIds(input: string): string[] {
  const ids: string[] = [];
  let at = 0;
  while (at < input.length) {
    const start = input.indexOf(EVENT_START, at);
    const end = start < 0 ? -1 : input.indexOf(EVENT_END, start);
    const text = input.slice(at, start < 0 || end < 0 ? input.length : start);
    ids.push(...[...text].map(charId));
    if (start < 0 || end < 0) break;
    ids.push(input.slice(start + 1, end));
    at = end + 1;
  }
  return ids;
}

/** How a key id reads on screen. */
export function keyLabel(id: string): string {
  const labels: Record<string, string> = {
    up: '↑', down: '↓', left: '←', right: '→', pgup: 'PgUp', pgdn: 'PgDn', home: 'Home',
    end: 'End', enter: 'Enter', esc: 'Esc', tab: 'Tab', 'S-tab': 'Shift-Tab', space: 'space',
    backspace: 'Backspace', f1: 'F1', f10: 'F10',
  };
  if (labels[id]) return labels[id];
  if (id.startsWith('C-')) return 'Ctrl-' + id.slice(2).toUpperCase();
  if (id.startsWith('M-')) return 'Alt-' + id.slice(2);
  return id;
}
