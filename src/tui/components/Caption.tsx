// A demo's caption: what to look at and why, word-wrapped into a fixed two lines at the bottom,
// so the layout does not move when the caption changes.

import { Text } from 'ink';
import { fit } from '../columns.js';
import { accentColor } from '../theme.js';

export const CAPTION_LINES = 2;

/** Words into at most `lines` lines of `width`; the last line is cut with … if the text is longer. */
export function wrapCaption(text: string, width: number, lines = CAPTION_LINES): string[] {
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

export function CaptionLines(props: { caption: string | null; width: number; color: boolean }) {
  const lines = wrapCaption(props.caption ?? '', props.width);
  return (
    <>
      {lines.map((line, i) => <Text key={i} wrap="truncate" bold color={accentColor(props.color)}>{line}</Text>)}
    </>
  );
}
