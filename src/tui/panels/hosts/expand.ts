// e in the hosts overview: opens or closes a host into its VMs.

import type { KeyAction } from '../../keymap.js';
import { say, selectedIndex } from '../../state.js';
import { toggleParent } from '../open-parent.js';

/** Hosts overview: opens or closes the selected host (or a VM row's host) into its VMs. */
export const expandHost: KeyAction = (s, env) => {
  const rows = env.rows(s);
  const index = selectedIndex(rows, s);
  if (index < 0) return say(s, 'no host selected to expand');
  const row = rows[index];
  const key = row.kind === 'host' ? row.key : row.parent;
  if (!key) return say(s, `${row.name} has no VMs to show`);
  return toggleParent(s, env, key, 'openHosts',
    (name, opened, n) => (opened ? `expanded ${name} into ${n} VM row${n === 1 ? '' : 's'} (H migrates the selected VM)` : `collapsed ${name}`));
};
