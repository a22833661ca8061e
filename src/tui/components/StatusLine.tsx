// The line above the footer: the `s`, `#` or `/` prompt while it is open, what the `:` line
// expects (or its refusal) while that is open, else the engine's answer to
// a command a key sent, else the answer to the last key, else the newest engine event. A name
// filter in effect stays in front of the line; when the panel hides rows, its end says which
// rows show ("rows 11-22 of 40"), as the help screen's last line does.

import { Text } from 'ink';
import type { EngineEvent } from '../../engine/snapshot.js';
import { fit } from '../columns.js';
import { formatEvent } from '../header-format.js';
import { filterPromptText } from '../filter.js';
import { promptText } from '../prompt.js';
import type { UiState } from '../state.js';
import type { Profile } from '../../profile/types.js';
import { commandLineNote } from '../command-line/line.js';
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

/** Which rows a panel shows when some are hidden above or below; '' when every row shows. */
export function scrollMarker(top: number, page: number, total: number): string {
  if (total <= page) return '';
  const last = Math.min(total, top + page);
  return `${top > 0 ? '↑' : ' '}${last < total ? '↓' : ' '} rows ${top + 1}-${last} of ${total}`;
}

/** The line's text with the scroll marker at its right end (the marker wins when both do not fit). */
function withMarker(text: string, marker: string, width: number): string {
  if (!marker) return fit(text, width);
  if (marker.length + 2 > width) return fit(marker, width);
  return fit(text, width - marker.length - 2) + '  ' + marker;
}

export function StatusLine(props: {
  ui: UiState; events: readonly EngineEvent[]; width: number; color: boolean; rows?: number; scroll?: string;
  /** the profile the `:` line reads against */
  profile?: Profile;
}) {
  const { ui, events, width, color } = props;
  const scroll = props.scroll ?? '';
  if (ui.prompt) {
    return <Text wrap="truncate" bold color={ui.prompt.error ? pausedColor(color) : undefined}>{fit(promptText(ui), width)}</Text>;
  }
  if (ui.dialog?.kind === 'filter') return <Text wrap="truncate" bold>{fit(filterPromptText(ui, props.rows ?? 0), width)}</Text>;
  if (ui.dialog?.kind === 'command') {
    const d = ui.dialog;
    return <Text wrap="truncate" color={d.error ? pausedColor(color) : accentColor(color)}>{fit(commandLineNote(d, props.profile), width)}</Text>;
  }
  const shown = props.rows ?? 0;
  const filter = ui.filter ? `[/${ui.filter}: ${shown} row${shown === 1 ? '' : 's'}] ` : '';
  const reply = commandReply(ui, events);
  if (reply) {
    const refused = reply.kind === 'refused';
    return <Text wrap="truncate" bold color={refused ? pausedColor(color) : accentColor(color)}>{withMarker(filter + formatEvent(reply), scroll, width)}</Text>;
  }
  if (ui.message) return <Text wrap="truncate" color={accentColor(color)}>{withMarker(filter + ui.message, scroll, width)}</Text>;
  const last = events.at(-1);
  const more = events.length > 1 ? `  (${events.length - 1} earlier)` : '';
  return <Text wrap="truncate">{withMarker(filter + (last ? formatEvent(last) + more : 'no events yet'), scroll, width)}</Text>;
}
