// Word wrapping for the few texts longer than a line (a demo's caption, a confirmation's detail).

import { fit } from './columns.js';

/**
 * Words into at most `lines` lines of `width`, always `lines` of them (blank ones at the end), so
 * a layout does not move with the text; the last line is cut with … if the text is longer.
 */
export function wrapWords(text: string, width: number, lines: number): string[] {
  const wrapped: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = wrapped.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) wrapped[wrapped.length - 1] = `${last} ${word}`;
    else wrapped.push(word);
  }
  // what does not fit goes on the last line, which fit() then cuts with …
  const out = [...wrapped.slice(0, lines - 1), wrapped.slice(lines - 1).join(' ')];
  while (out.length < lines) out.push('');
  return out.map((l) => fit(l, width));
}
