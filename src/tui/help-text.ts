// The help screen's lines, from the key table and the panels' own help (their header lines and
// their tables' columns), so the help cannot drift from what the keys and columns do.

import { fit } from './columns.js';
import { DIALOG_HELP } from './help-dialogs.js';
import { COMMAND_HELP } from './command-line/help.js';
import { KEYMAP, type KeyBinding } from './keymap.js';
import { PANEL_IDS, PANELS } from './panels/registry.js';

const KEY_COLUMN = 10;

/** A key's help text, prefixed with its panel when it does not apply everywhere. */
export function bindingHelp(b: KeyBinding): string {
  if (!b.panels || b.panels.length === PANEL_IDS.length) return b.help;
  return `${b.panels.map((p) => PANELS[p].name).join(', ')}: ${b.help}`;
}

/** Greedy word wrap; a word longer than the width is cut by fit() later. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...lines, current];
}

export function helpLines(width: number): string[] {
  const indent = KEY_COLUMN + 3;
  // Long meanings wrap under their text column instead of being cut off.
  // A label wider than the key column gets a line of its own, the meaning under it.
  const line = (left: string, right: string) => {
    const long = left.length > KEY_COLUMN;
    const parts = wrap(right, Math.max(10, width - indent))
      .map((part, i) => fit(`  ${(i === 0 && !long ? left : '').padEnd(KEY_COLUMN)} ${part}`, width));
    return long ? [fit(`  ${left}`, width), ...parts] : parts;
  };
  // section titles wrap too: a long one is never cut off at 80 columns
  const title = (text: string) => wrap(text, width).map((part) => fit(part, width));
  const lines = [fit('Keys', width)];
  for (const b of KEYMAP) lines.push(...line(b.label, bindingHelp(b)));
  lines.push(fit('', width), ...title(DIALOG_HELP.title));
  for (const [name, meaning] of DIALOG_HELP.rows) lines.push(...line(name, meaning));
  lines.push(fit('', width), ...title(COMMAND_HELP.title));
  for (const [name, meaning] of COMMAND_HELP.rows) lines.push(...line(name, meaning));
  for (const section of PANEL_IDS.flatMap((id) => PANELS[id].help)) {
    lines.push(fit('', width), ...title(section.title));
    for (const [name, meaning] of section.rows) lines.push(...line(name, meaning));
  }
  return lines;
}
