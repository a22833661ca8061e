// e in the containers panel: opens or closes a service into its replicas.

import type { KeyAction } from '../../keymap.js';
import { say, selectedIndex } from '../../state.js';
import { toggleParent } from '../open-parent.js';

/** Containers panel: opens or closes the selected service (or a selected replica's service). */
export const expandService: KeyAction = (s, env) => {
  const rows = env.rows(s);
  const index = selectedIndex(rows, s);
  if (index < 0) return say(s, 'no service selected to expand');
  const row = rows[index];
  const key = row.kind === 'service' ? row.key : row.parent;
  if (!key) {
    const what = row.kind === 'container' ? 'a lone container' : 'a kernel';
    return say(s, `${row.name} is ${what}: e expands a service (▸, ×N replicas) into its containers`);
  }
  return toggleParent(s, env, key, 'openServices',
    (name, opened, n) => (opened ? `expanded ${name} into ${n} container rows` : `collapsed ${name}`));
};
