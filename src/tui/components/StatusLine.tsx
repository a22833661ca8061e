// The line above the footer: the `s` prompt while it is open, else the answer to the last key,
// else the newest engine event.

import { Text } from 'ink';
import type { EngineEvent } from '../../engine/snapshot.js';
import { fit } from '../columns.js';
import { formatEvent } from '../header-format.js';
import { promptText } from '../prompt.js';
import type { UiState } from '../state.js';
import { accentColor, pausedColor } from '../theme.js';

export function StatusLine(props: { ui: UiState; events: readonly EngineEvent[]; width: number; color: boolean }) {
  const { ui, events, width, color } = props;
  if (ui.prompt) {
    return <Text wrap="truncate" bold color={ui.prompt.error ? pausedColor(color) : undefined}>{fit(promptText(ui), width)}</Text>;
  }
  if (ui.message) return <Text wrap="truncate" color={accentColor(color)}>{fit(ui.message, width)}</Text>;
  const last = events.at(-1);
  const more = events.length > 1 ? `  (${events.length - 1} earlier)` : '';
  return <Text wrap="truncate">{fit(last ? formatEvent(last) + more : 'no events yet', width)}</Text>;
}
