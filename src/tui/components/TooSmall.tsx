// Shown instead of the monitor until the terminal is big enough for its fixed header and columns.
// The message itself must fit whatever the size (down to 20x5): the widest wording that fits on
// the lines there are, centred.

import { Box, Text } from 'ink';
import { frameHeight, frameWidth, MIN_SIZE, type TerminalSize } from '../terminal-size.js';

/** The wordings, widest first: each a list of lines. */
export function tooSmallLines(size: TerminalSize): string[][] {
  const need = `${MIN_SIZE.columns}x${MIN_SIZE.rows}`;
  const have = `${size.columns}x${size.rows}`;
  return [
    [`terminal too small (need ${need}, have ${have})`],
    ['terminal too small', `need ${need}, have ${have}`],
    ['terminal too small', `need ${need}`, `have ${have}`],
    ['too small', `need ${need}`, `have ${have}`],
    ['too small', `${have} < ${need}`],
    [`need ${need}`],
  ];
}

/** The first wording that fits `width` x `height`, else the last one cut to fit. */
export function tooSmallText(size: TerminalSize, width: number, height: number): string[] {
  const wordings = tooSmallLines(size);
  const fits = wordings.find((w) => w.length <= height && w.every((l) => l.length <= width));
  return (fits ?? wordings.at(-1)!).slice(0, Math.max(1, height)).map((l) => l.slice(0, width));
}

export function TooSmall({ size }: { size: TerminalSize }) {
  const height = frameHeight(size);
  const width = frameWidth(size);
  const lines = tooSmallText(size, width, height);
  const above = Math.floor((height - lines.length) / 2);
  return (
    <Box flexDirection="column" height={height}>
      {Array.from({ length: above }, (_, i) => <Text key={`pad-${i}`}> </Text>)}
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">{' '.repeat(Math.max(0, Math.floor((width - line.length) / 2))) + line}</Text>
      ))}
    </Box>
  );
}
