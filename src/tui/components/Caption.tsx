// A demo's caption: what to look at and why, word-wrapped into a fixed two lines at the bottom,
// so the layout does not move when the caption changes.

import { Text } from 'ink';
import { accentColor } from '../theme.js';
import { wrapWords } from '../wrap.js';

export const CAPTION_LINES = 2;

/** The caption in its fixed two lines. */
export function wrapCaption(text: string, width: number, lines = CAPTION_LINES): string[] {
  return wrapWords(text, width, lines);
}

export function CaptionLines(props: { caption: string | null; width: number; color: boolean }) {
  const lines = wrapCaption(props.caption ?? '', props.width);
  return (
    <>
      {lines.map((line, i) => <Text key={i} wrap="truncate" bold color={accentColor(props.color)}>{line}</Text>)}
    </>
  );
}
