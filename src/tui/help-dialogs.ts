// The help screen's section on the keys inside dialogs: an open prompt or dialog takes every key,
// so the key table's meanings do not hold there. The limits are read from the dialogs' own
// constants so the help cannot drift from what the prompts accept.

import { DELAY_MAX_S, DELAY_MIN_S } from './clock.js';
import { LOAD_LIMITS } from './dialogs.js';
import { LIMITS } from '../limits.js';
import type { HelpSection } from './panels/panel.js';

export const DIALOG_HELP: HelpSection = {
  title: 'Keys inside dialogs (an open dialog takes every key; Esc closes it and sends nothing)',
  rows: [
    ['/ filter', 'type the name (letters, digits, - . _ and space); the rows narrow as you type; Backspace ' +
      'deletes a character, Ctrl-U the whole text; Enter keeps the filter, Esc clears it'],
    ['f fields', '↑ ↓ (or j k), PgUp PgDn, Home End move; space shows or hides the field under the cursor; ' +
      'a shows all; Esc, Enter, f or q closes (W saves the choice)'],
    ['Enter', 'details: ↑ ↓, PgUp PgDn, Home scroll; Esc, Enter or q closes'],
    ['A load', `digits edit the field, Backspace deletes; Tab (or an arrow) moves between CPU and duration; ` +
      `Enter sends (CPU: the total in % of one vCPU as %USED counts it, ${LOAD_LIMITS.cpu[0]} up to 100 per vCPU ` +
      `of the VM, or ${LOAD_LIMITS.cpu[1]} for a container; 150 on a 2-vCPU VM keeps both 75 % busy; ` +
      `${LOAD_LIMITS.secs[0]}..${LOAD_LIMITS.secs[1]} s); Esc cancels`],
    ['y / n', 'a confirmation (Z freeze, X fail, P power off, W over a broken config file): y carries it out; n, Esc or q cancels'],
    ['V D pick', 'a list to pick from (the V host picker, the D template and host pickers): ↑ ↓ (or j k), ' +
      'PgUp PgDn, Home End move; Enter sends, or says why the line cannot be picked; Esc or q cancels'],
    ['s delay', `digits and . type seconds (${DELAY_MIN_S} to ${DELAY_MAX_S}), Backspace deletes; Enter applies, ` +
      'Esc keeps the interval'],
    ['# rows', `digits type how many rows every panel shows (0 to ${LIMITS.rowsShown.max}; more than fit show as many as fit), ` +
      'Backspace deletes; Enter applies (0 or nothing: as many as fit the window), Esc keeps the number'],
    [': command', 'type the action, its target and its keys as a profile\'s events: entry writes them, key=value in the ' +
      'timeline\'s units (cpu=50%, for=60s, active=512MiB); Tab completes the action, the target, a key and a host (several: ' +
      'the status line lists them); ↑ ↓ recall this session\'s lines; Backspace deletes (on an empty line it closes), Ctrl-U ' +
      'clears, Ctrl-W deletes a word; Enter runs, and a mistake is refused with the profile loader\'s message and what it ' +
      'expected, the line kept to fix; Esc cancels. No y/n: the typed line is the confirmation'],
    ['h help', '↑ ↓ (or j k) scroll a line, PgUp PgDn (or b, space) a page, Home End the ends; Esc, h, ? or q closes'],
  ],
};
