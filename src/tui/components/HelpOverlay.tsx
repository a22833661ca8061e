// Full-screen help: every key from the key table and every CPU column from the field table,
// scrollable because it is longer than a small terminal.

import { Box, Text } from 'ink';
import { fit } from '../columns.js';
import { helpLines } from '../help-text.js';
import { accentColor } from '../theme.js';

export function helpPage(height: number): number {
  return Math.max(1, height - 2);
}

export function HelpOverlay(props: { top: number; width: number; height: number; message: string | null; color: boolean; search?: { text: string; typing: boolean } | null }) {
  const { top, width, height, color } = props;
  const lines = helpLines(width);
  const page = helpPage(height);
  const first = Math.max(0, Math.min(top, lines.length - page));
  const shown = lines.slice(first, first + page);
  const where = `lines ${first + 1}-${first + shown.length} of ${lines.length}`;
  const hint = props.search?.typing
    ? `/${props.search.text}_  (Enter finds it, Esc cancels)`
    : props.message ?? `Esc, h or q closes  ↑ ↓ PgUp PgDn space Home End  / finds  ${where}`;
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={accentColor(color)} wrap="truncate">{fit('vmtop help', width)}</Text>
      <Box flexDirection="column" height={page}>
        {shown.map((line, i) => <Text key={first + i} wrap="truncate">{line}</Text>)}
      </Box>
      <Text wrap="truncate" dimColor={color}>{fit(hint, width)}</Text>
    </Box>
  );
}
