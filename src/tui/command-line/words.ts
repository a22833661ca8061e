// The `:` line's words: `action target key=value …`, the timeline's event written on one line.
// Only the line's shape is read here; the values are the profile loader's to read and refuse
// (src/profile/typed-command.ts), so the shape's own mistakes are all this file says.

import type { TypedField } from '../../profile/typed-command.js';

export interface CommandWords {
  action: string;
  target?: string;
  fields: TypedField[];
  /** the words again, one space apart: what the status line and the history keep */
  line: string;
}

export type WordsResult = { ok: true; words: CommandWords } | { ok: false; message: string };

export const EXAMPLE = 'migrate web-1 to=esx-b';

/** The words of a line; the last is '' when the line ends with a space (a new word begins). */
export const splitWords = (text: string): string[] => text.replace(/^ +/, '').split(/ +/);

export function readWords(text: string): WordsResult {
  const words = text.trim().split(/ +/).filter(Boolean);
  if (words.length === 0) return { ok: false, message: `expected a command like ${EXAMPLE} (Tab completes)` };
  const [action, ...rest] = words;
  if (action.includes('=')) return { ok: false, message: `${action}: the action comes first, like ${EXAMPLE}` };
  let target: string | undefined;
  const fields: TypedField[] = [];
  for (const [i, word] of rest.entries()) {
    const eq = word.indexOf('=');
    if (eq < 0 && i === 0) {
      target = word;
      continue;
    }
    const key = eq < 0 ? word.replace(/:$/, '') : word.slice(0, eq);
    const value = eq < 0 ? '' : word.slice(eq + 1);
    if (eq < 0 || key === '' || value === '') {
      return { ok: false, message: `${word}: expected key=value after the target, like to=esx-b or for=60s` };
    }
    if (key === 'at') return { ok: false, message: 'at: a typed command runs now (at is for a profile\'s timeline)' };
    if (key === 'action') return { ok: false, message: `action: the action is the first word, like ${EXAMPLE}` };
    if (key === 'target') {
      if (target !== undefined) return { ok: false, message: `target: given twice (${target} and ${value})` };
      target = value;
      continue;
    }
    if (fields.some((f) => f.key === key)) return { ok: false, message: `${key}: given twice` };
    fields.push({ key, value });
  }
  return { ok: true, words: { action, target, fields, line: words.join(' ') } };
}
