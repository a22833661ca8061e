// A panel row as one string with its colours inline, made by the same chalk instance Ink colours
// <Text> with, so the bytes are those nested <Text color> elements would give. A panel's body is
// then one Ink text node instead of one per row and per coloured cell: the frame's React and Ink
// work no longer grows with the cells that crossed a threshold.

import chalk, { type ForegroundColorName } from 'chalk';
import type { Segment } from './columns.js';
import { levelColor } from './theme.js';

/** The row's text cut to `width` columns (rows are ASCII, one column per character). */
export function rowText(segments: readonly Segment[], selected: boolean, color: boolean, width: number): string {
  let text = '';
  let room = width;
  for (const seg of segments) {
    if (room <= 0) break;
    const part = seg.text.length > room ? seg.text.slice(0, room) : seg.text;
    room -= part.length;
    const fg = levelColor(seg.level, color) as ForegroundColorName | undefined;
    text += fg ? chalk[fg](part) : part;
  }
  return selected ? chalk.inverse(text) : text;
}
