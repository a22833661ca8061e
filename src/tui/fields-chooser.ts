// The `f` field chooser: per panel, which of its columns show. NAME always shows; ID and NWLD
// hide as in esxtop's f; the state keeps the hidden keys, so a field added to a table later shows
// by default (unless its panel lists it as off by default, as esxtop's CPU ALLOC group is), and
// the config file stays short.

import { keyLabel } from './keys.js';
import type { ChoosableField } from './panels/panel.js';
import { PANELS } from './panels/registry.js';
import { clamp, type PanelId, type UiState } from './state.js';

/** The panel's optional columns. */
export function panelFields(panel: PanelId): readonly ChoosableField[] {
  return PANELS[panel].fields;
}

const NONE: readonly string[] = [];

export function hiddenFields(s: Pick<UiState, 'hidden'>, panel: PanelId): readonly string[] {
  return s.hidden[panel] ?? PANELS[panel].offByDefault ?? NONE;
}

export function openFields(s: UiState): UiState {
  if (panelFields(s.panel).length === 0) return { ...s, message: 'this panel has no optional fields to choose' };
  return { ...s, dialog: { kind: 'fields', cursor: 0 }, message: null };
}

function toggle(s: UiState, key: string): UiState {
  const hidden = hiddenFields(s, s.panel);
  const next = hidden.includes(key) ? hidden.filter((k) => k !== key) : [...hidden, key];
  return { ...s, hidden: { ...s.hidden, [s.panel]: next }, message: `${key} ${hidden.includes(key) ? 'shown' : 'hidden'}` };
}

/** Keys while the chooser is open: arrows move, space toggles, a shows all, Esc (or f, Enter) closes. */
export function fieldsKey(s: UiState, id: string, page: number): UiState {
  const d = s.dialog;
  if (d?.kind !== 'fields') return s;
  const all = panelFields(s.panel);
  const last = Math.max(0, all.length - 1);
  const moveTo = (cursor: number): UiState => ({ ...s, dialog: { ...d, cursor: clamp(cursor, 0, last) }, message: null });
  switch (id) {
    case 'esc': case 'enter': case 'f': case 'q': {
      const n = all.length - hiddenFields(s, s.panel).length;
      return { ...s, dialog: null, message: `${n} of ${all.length} fields shown (W saves)` };
    }
    case 'up': case 'k': return moveTo(d.cursor - 1);
    case 'down': case 'j': return moveTo(d.cursor + 1);
    case 'pgup': return moveTo(d.cursor - page);
    case 'pgdn': return moveTo(d.cursor + page);
    case 'home': return moveTo(0);
    case 'end': return moveTo(last);
    case 'space': return all[d.cursor] ? toggle(s, all[d.cursor].key) : s;
    case 'a': return { ...s, hidden: { ...s.hidden, [s.panel]: [] }, message: 'all fields shown' };
    default:
      return { ...s, message: `${keyLabel(id)}: space toggles the field, a shows all, Esc closes` };
  }
}
