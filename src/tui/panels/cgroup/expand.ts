// e in the containers panel: opens or closes a service into its replicas.

import type { KeyAction } from '../../keymap.js';
import { say, selectedIndex, selectIndex } from '../../state.js';

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
  const name = key.slice(key.indexOf(':') + 1);
  const open = s.openServices.includes(name);
  const openServices = open ? s.openServices.filter((n) => n !== name) : [...s.openServices, name];
  const next = { ...s, openServices, selected: key };
  const after = env.rows(next);
  const replicas = after.filter((r) => r.parent === key).length;
  const message = open ? `collapsed ${name}` : `expanded ${name} into ${replicas} container rows`;
  return say(selectIndex(next, after, after.findIndex((r) => r.key === key), env.page(next)), message);
};
