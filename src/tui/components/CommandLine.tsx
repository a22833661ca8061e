// The `:` line at the bottom of the screen, in the footer's place while it is open (as vi's):
// what is typed, and the cursor at its end. The status line above says what it expects.

import { Text } from 'ink';
import { fit } from '../columns.js';
import type { CommandLineDialog } from '../command-line/line.js';

export function CommandLine({ dialog, width }: { dialog: CommandLineDialog; width: number }) {
  const line = `:${dialog.text}_`;
  // a line longer than the screen shows its end, where the typing is
  const shown = line.length > width ? '…' + line.slice(line.length - width + 1) : line;
  return <Text wrap="truncate" bold>{fit(shown, width)}</Text>;
}
