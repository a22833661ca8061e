// The event log (E) on the whole screen: one event a line with its simulated time, the cursor's
// event shown whole when opened (Enter), the rows shown and the filter on the last line.

import { Box, Text } from 'ink';
import type { EngineEvent } from '../../engine/snapshot.js';
import { EVENT_LOG_CAPACITY } from '../clock.js';
import { fit } from '../columns.js';
import { eventCursor, filteredEvents, type EventLogDialog } from '../event-log.js';
import { formatEvent } from '../header-format.js';
import { wrapWords } from '../wrap.js';
import { accentColor } from '../theme.js';

/** The lines of the log with the cursor's event opened, and the index of the cursor's first line. */
function logLines(events: readonly EngineEvent[], at: number, open: boolean, width: number): { lines: string[]; cursorLine: number; cursorLines: number } {
  const lines: string[] = [];
  let cursorLine = -1;
  let cursorLines = 1;
  events.forEach((e, i) => {
    const text = formatEvent(e);
    if (i === at) {
      cursorLine = lines.length;
      if (open && text.length > width - 2) {
        const n = Math.ceil(text.length / Math.max(1, width - 6)) + 1;
        const wrapped = wrapWords(text, width - 4, n).filter((l) => l.trim() !== '');
        cursorLines = wrapped.length;
        lines.push(...wrapped.map((l, k) => (k === 0 ? '> ' : '    ') + l));
        return;
      }
      lines.push(fit('> ' + text, width));
      return;
    }
    lines.push(fit('  ' + text, width));
  });
  return { lines, cursorLine, cursorLines };
}

export function EventLog(props: { dialog: EventLogDialog; events: readonly EngineEvent[]; width: number; height: number; message: string | null; color: boolean }) {
  const { dialog: d, width, height, color } = props;
  const events = filteredEvents(props.events, d.filter);
  const at = eventCursor(d, events.length);
  const { lines, cursorLine, cursorLines } = logLines(events, at, d.open, width);
  const page = Math.max(1, height - 2);
  // the cursor's event in view: from the top while it fits there, else on the last lines
  const first = Math.max(0, cursorLine + cursorLines - page);
  const shown = lines.slice(first, first + page);
  const filter = d.filter ? `, ${events.length} matching "${d.filter}"` : '';
  const title = `Event log: ${props.events.length} event${props.events.length === 1 ? '' : 's'} (the last ${EVENT_LOG_CAPACITY} are kept)${filter}`;
  const where = events.length > 0 ? `event ${at + 1} of ${events.length}  ` : '';
  const bottom = d.typing
    ? `filter: ${d.filter}_  (Enter keeps, Esc clears)`
    : props.message ?? `${where}↑ ↓ PgUp PgDn Home End choose  Enter whole  / filter  Esc closes`;
  return (
    <Box flexDirection="column" height={height}>
      <Text bold color={accentColor(color)} wrap="truncate">{fit(title, width)}</Text>
      <Box flexDirection="column" height={page}>
        {shown.length === 0
          ? <Text wrap="truncate">{fit(d.filter ? `  no event matches "${d.filter}"` : '  no events yet', width)}</Text>
          : shown.map((line, i) => <Text key={first + i} wrap="truncate" bold={first + i >= cursorLine && first + i < cursorLine + cursorLines}>{line}</Text>)}
      </Box>
      <Text wrap="truncate" dimColor={color && !d.typing}>{fit(bottom, width)}</Text>
    </Box>
  );
}
