// e in the hosts overview: opens or closes a host into its VMs.

import type { KeyAction } from '../../keymap.js';
import { say, selectedIndex, selectIndex } from '../../state.js';

/** Hosts overview: opens or closes the selected host (or a VM row's host) into its VMs. */
export const expandHost: KeyAction = (s, env) => {
  const rows = env.rows(s);
  const index = selectedIndex(rows, s);
  if (index < 0) return say(s, 'no host selected to expand');
  const row = rows[index];
  const key = row.kind === 'host' ? row.key : row.parent;
  if (!key) return say(s, `${row.name} has no VMs to show`);
  const name = key.slice(key.indexOf(':') + 1);
  const open = s.openHosts.includes(name);
  const openHosts = open ? s.openHosts.filter((n) => n !== name) : [...s.openHosts, name];
  const next = { ...s, openHosts, selected: key };
  const after = env.rows(next);
  const vms = after.filter((r) => r.parent === key).length;
  const message = open ? `collapsed ${name}` : `expanded ${name} into ${vms} VM row${vms === 1 ? '' : 's'} (H migrates the selected VM)`;
  return say(selectIndex(next, after, after.findIndex((r) => r.key === key), env.page(next)), message);
};
