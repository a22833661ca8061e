// The line above the footer: the `s` or `/` prompt while it is open, else the engine's answer to
// a command a key sent, else the answer to the last key, else the newest engine event. A name
// filter in effect stays in front of the line.

import { Text } from 'ink';
import type { EngineEvent } from '../../engine/snapshot.js';
import { fit } from '../columns.js';
import { formatEvent } from '../header-format.js';
import { filterPromptText } from '../filter.js';
import { promptText } from '../prompt.js';
import type { UiState } from '../state.js';
import { accentColor, pausedColor } from '../theme.js';

/** The event that answers the command a key sent (its load, freeze, thaw or refusal), if it came. */
export function commandReply(ui: UiState, events: readonly EngineEvent[]): EngineEvent | undefined {
  const wait = ui.awaiting;
  if (!wait) return undefined;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    // a deploy answers under the new VM's name: its detail names the template
    if (e.t >= wait.t && (e.target === wait.target || (wait.detail !== undefined && e.detail.includes(wait.detail)))) return e;
  }
  return undefined;
}

export function StatusLine(props: { ui: UiState; events: readonly EngineEvent[]; width: number; color: boolean; rows?: number }) {
  const { ui, events, width, color } = props;
  if (ui.prompt) {
    return <Text wrap="truncate" bold color={ui.prompt.error ? pausedColor(color) : undefined}>{fit(promptText(ui), width)}</Text>;
  }
  if (ui.dialog?.kind === 'filter') return <Text wrap="truncate" bold>{fit(filterPromptText(ui, props.rows ?? 0), width)}</Text>;
  const shown = props.rows ?? 0;
  const filter = ui.filter ? `[/${ui.filter}: ${shown} row${shown === 1 ? '' : 's'}] ` : '';
  const reply = commandReply(ui, events);
  if (reply) {
    const refused = reply.kind === 'refused';
    return <Text wrap="truncate" bold color={refused ? pausedColor(color) : accentColor(color)}>{fit(filter + formatEvent(reply), width)}</Text>;
  }
  if (ui.message) return <Text wrap="truncate" color={accentColor(color)}>{fit(filter + ui.message, width)}</Text>;
  const last = events.at(-1);
  const more = events.length > 1 ? `  (${events.length - 1} earlier)` : '';
  return <Text wrap="truncate">{fit(filter + (last ? formatEvent(last) + more : 'no events yet'), width)}</Text>;
}
