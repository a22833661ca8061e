// Shown instead of the monitor until the terminal is big enough for its fixed header and columns.

import { Box, Text } from 'ink';
import { MIN_SIZE, type TerminalSize } from '../terminal-size.js';

export function TooSmall({ size }: { size: TerminalSize }) {
  const height = Math.max(1, size.rows - 1);
  const width = Math.max(1, size.columns - 1);
  const text = `terminal too small (need ${MIN_SIZE.columns}x${MIN_SIZE.rows}, have ${size.columns}x${size.rows})`;
  const above = Math.floor((height - 1) / 2);
  const pad = Math.max(0, Math.floor((width - text.length) / 2));
  return (
    <Box flexDirection="column" height={height}>
      {Array.from({ length: above }, (_, i) => <Text key={i}> </Text>)}
      <Text wrap="truncate">{(' '.repeat(pad) + text).slice(0, width)}</Text>
    </Box>
  );
}
