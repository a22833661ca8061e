// The mouse, as htop has it: a click on a row selects it, a click on a column's header sorts by
// that column where the panel has that order, the wheel moves the selection (and scrolls help);
// a click on the event line opens the event log.
// What is under the pointer is the screen's business: the key environment answers it (pointAt).

import { openEventLog } from './event-log.js';
import type { KeyEnv } from './keymap.js';
import type { MouseEvent } from './named-events.js';
import type { SortKey } from './panels/rows.js';
import { PANELS, panelSorts } from './panels/registry.js';
import { say, selectedIndex, selectIndex, type UiState } from './state.js';

/** Rows the wheel moves per notch, as in most terminal programs (less, htop). */
export const WHEEL_ROWS = 3;

/** What a point of the screen shows: a panel row (its index in the rows) or a column header. */
export type PointTarget = { row: number } | { column: string; label: string } | { eventLine: true } | null;

function wheel(s: UiState, down: boolean, env: KeyEnv): UiState {
  const rows = env.rows(s);
  if (rows.length === 0) return s;
  const page = env.page(s);
  return selectIndex(s, rows, selectedIndex(rows, s) + (down ? WHEEL_ROWS : -WHEEL_ROWS), page);
}

function sortByColumn(s: UiState, column: string, label: string): UiState {
  const sorts = panelSorts(s.panel);
  const sort = sorts.find((k) => k === column) as SortKey | undefined;
  if (!sort) return say(s, `${label}: not an order of this panel; ${PANELS[s.panel].sortsHere}`);
  return say({ ...s, sort }, `sorted by ${sort === 'NAME' ? 'name' : sort}`);
}

/** The main view's answer to a mouse event (help, dialogs and prompts take theirs elsewhere). */
export function mouseAction(s: UiState, e: MouseEvent, env: KeyEnv): UiState {
  if (e.kind !== 'click') return wheel(s, e.kind === 'wheel-down', env);
  const target = env.pointAt?.(s, e.x - 1, e.y - 1) ?? null;
  if (!target) return s;
  if ('row' in target) return selectIndex(s, env.rows(s), target.row, env.page(s));
  if ('eventLine' in target) return openEventLog(s);
  return sortByColumn(s, target.column, target.label);
}
