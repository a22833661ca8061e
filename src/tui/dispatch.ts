// Routes one key id: Ctrl-C and F10 always quit; a mouse event goes to the view under it; an open prompt, dialog or help screen owns the keyboard;
// otherwise the key table decides, and a key it does not know gets a short answer.

import { dialogKey } from './dialogs.js';
import { bindingFor, type KeyEnv } from './keymap.js';
import { keyLabel } from './keys.js';
import { mouseAction, WHEEL_ROWS } from './mouse.js';
import { parseMouseId } from './named-events.js';
import { promptKey } from './prompt.js';
import { clamp, type UiState } from './state.js';

export interface HelpGeometry {
  lines: number;
  page: number;
  /** the help's lines, for `/` */
  text?: () => readonly string[];
}

/** The first help line after `from` (wrapping) that contains `text`, case-insensitive; -1 for none. */
export function findHelpLine(lines: readonly string[], text: string, from: number): number {
  const needle = text.toLowerCase();
  for (let k = 0; k < lines.length; k++) {
    const i = (from + k) % lines.length;
    if (lines[i].toLowerCase().includes(needle)) return i;
  }
  return -1;
}

/** `/` in help, as in less: type, Enter finds the next line with the text (it goes to the top), n the one after. */
function helpSearchKey(s: UiState, id: string, help: HelpGeometry): UiState {
  const search = s.helpSearch!;
  if (id === 'esc') return { ...s, helpSearch: null, message: null };
  if (id === 'backspace') return { ...s, helpSearch: { ...search, text: search.text.slice(0, -1) } };
  if (id === 'enter') return findNext({ ...s, helpSearch: { ...search, typing: false } }, help, s.helpTop);
  const ch = id === 'space' ? ' ' : id;
  return [...ch].length === 1 ? { ...s, helpSearch: { ...search, text: search.text + ch } } : s;
}

function findNext(s: UiState, help: HelpGeometry, from: number): UiState {
  const text = s.helpSearch?.text ?? '';
  if (!text) return { ...s, helpSearch: null, message: null };
  const lines = help.text?.() ?? [];
  const at = findHelpLine(lines, text, from);
  if (at < 0) return { ...s, message: `"${text}" is nowhere in the help` };
  const count = lines.filter((l) => l.toLowerCase().includes(text.toLowerCase())).length;
  // the match on the top line (help's last page stops short of that: then it shows lower down)
  return { ...s, helpTop: at, message: `"${text}": line ${at + 1}, ${count === 1 ? '1 line matches' : `${count} lines match`} (n the next, / a new search)` };
}

function helpKey(s: UiState, id: string, help: HelpGeometry): UiState {
  if (s.helpSearch?.typing) return helpSearchKey(s, id, help);
  if (id === '/') return { ...s, helpSearch: { text: '', typing: true }, message: null };
  if (id === 'n' && s.helpSearch) return findNext(s, help, s.helpTop + 1);
  if (id === 'esc' || id === 'h' || id === 'q' || id === '?' || id === 'f1') return { ...s, help: false, helpSearch: null, message: null };
  const last = Math.max(0, help.lines - help.page);
  // as in less: space and b page too, j and k move a line
  const steps: Record<string, number> = {
    up: -1, k: -1, down: 1, j: 1, pgup: -help.page, b: -help.page, pgdn: help.page, space: help.page,
  };
  if (id in steps) return { ...s, message: null, helpTop: clamp(s.helpTop + steps[id], 0, last) };
  if (id === 'home') return { ...s, message: null, helpTop: 0 };
  if (id === 'end') return { ...s, message: null, helpTop: last };
  return { ...s, message: `${keyLabel(id)} does nothing in the help: Esc, h or q closes it` };
}

export function handleKey(s: UiState, id: string, env: KeyEnv, help: HelpGeometry): UiState {
  if (id === 'C-c' || id === 'f10') {
    env.quit();
    return s;
  }
  const mouse = parseMouseId(id);
  if (mouse) {
    // the wheel scrolls help; a dialog or prompt keeps the keyboard's keys only
    if (s.help && mouse.kind !== 'click') {
      let next = s;
      for (let i = 0; i < WHEEL_ROWS; i++) next = helpKey(next, mouse.kind === 'wheel-up' ? 'up' : 'down', help);
      return next;
    }
    return s.help || s.prompt || s.dialog ? s : mouseAction({ ...s, message: null, awaiting: null }, mouse, env);
  }
  if (s.prompt) return promptKey(s, id, env.clock);
  if (s.dialog) {
    // Esc and a key typed quickly arrive as one Alt-key: close the dialog, then take the key.
    if (/^M-.$/.test(id)) return handleKey(dialogKey(s, 'esc', env), id.slice(2), env, help);
    return dialogKey(s, id, env);
  }
  if (s.help) return helpKey(s, id, help);
  const binding = bindingFor(id, s.panel);
  const cleared = { ...s, message: null, awaiting: null };
  if (!binding && id === 'esc' && s.filter) {
    return { ...cleared, message: 'Esc: the filter stays; / then Esc clears it' };
  }
  if (!binding) return { ...cleared, message: `${keyLabel(id)}: no such key here (h lists the keys)` };
  return binding.action(cleared, env);
}
