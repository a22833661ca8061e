// The help screen's section on the `:` line's vocabulary, from the command table itself: each
// action, what it targets and the keys it takes, so the help cannot drift from what the line reads.

import { kindLabel } from '../../profile/names.js';
import { eventKeys, targetKinds } from '../../profile/typed-command.js';
import { COMMAND_NAMES } from '../../profile/types.js';
import type { HelpSection } from '../panels/panel.js';

export const COMMAND_HELP: HelpSection = {
  title: 'The : line\'s commands (a profile timeline\'s events, typed: action, target, key=value; e.g. :load db cpu=80% for=60s)',
  rows: COMMAND_NAMES.map((action) => {
    const keys = eventKeys(action);
    const target = targetKinds(action).map(kindLabel).join(' or ');
    return [action, `a ${target}${keys.length ? `; ${keys.map((k) => `${k}=`).join(' ')}` : ''}`] as const;
  }),
};
