// The event log (E): the engine's events with their simulated times, newest last, a cursor on
// one of them (Enter shows it whole, wrapped), a name filter typed after `/`. The clock keeps the
// last EVENT_LOG_CAPACITY events; older ones leave the log, as a ring buffer's do.

import type { EngineEvent } from '../engine/snapshot.js';
import { formatEvent } from './header-format.js';
import { keyLabel } from './keys.js';
import { clamp, type UiState } from './state.js';

export interface EventLogDialog {
  kind: 'events';
  /** index into the filtered events; null follows the newest */
  cursor: number | null;
  /** case-insensitive text an event must contain; typed after `/` */
  filter: string;
  typing: boolean;
  /** the event under the cursor is shown whole */
  open: boolean;
}

export const openEventLog = (s: UiState): UiState => ({
  ...s, message: null, dialog: { kind: 'events', cursor: null, filter: '', typing: false, open: false },
});

export function filteredEvents(events: readonly EngineEvent[], filter: string): readonly EngineEvent[] {
  if (!filter) return events;
  const f = filter.toLowerCase();
  return events.filter((e) => formatEvent(e).toLowerCase().includes(f));
}

/** The cursor as an index (null follows the newest), -1 for an empty log. */
export const eventCursor = (d: EventLogDialog, count: number) => (count === 0 ? -1 : d.cursor === null ? count - 1 : clamp(d.cursor, 0, count - 1));

export function eventLogKey(s: UiState, d: EventLogDialog, id: string, events: readonly EngineEvent[], page: number): UiState {
  const set = (next: Partial<EventLogDialog>): UiState => ({ ...s, message: null, dialog: { ...d, ...next } });
  if (d.typing) {
    if (id === 'enter') return set({ typing: false });
    if (id === 'esc') return set({ typing: false, filter: '', cursor: null });
    if (id === 'backspace') return set({ filter: d.filter.slice(0, -1), cursor: null });
    if (id === 'space') return set({ filter: d.filter + ' ', cursor: null });
    if ([...id].length === 1) return set({ filter: d.filter + id, cursor: null });
    return s;
  }
  const count = filteredEvents(events, d.filter).length;
  const at = eventCursor(d, count);
  const moveTo = (i: number) => set({ cursor: i >= count - 1 ? null : clamp(i, 0, Math.max(0, count - 1)), open: false });
  switch (id) {
    case 'esc': case 'q': case 'E': return { ...s, dialog: null, message: null };
    case 'up': case 'k': return moveTo(at - 1);
    case 'down': case 'j': return moveTo(at + 1);
    case 'pgup': return moveTo(at - page);
    case 'pgdn': return moveTo(at + page);
    case 'home': return moveTo(0);
    case 'end': return moveTo(count - 1);
    case 'enter': return set({ open: !d.open });
    case '/': return set({ typing: true, filter: '', cursor: null });
    default: return { ...s, message: `${keyLabel(id)}: ↑ ↓ choose, Enter shows it whole, / filters, Esc closes` };
  }
}
