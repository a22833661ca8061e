// e on a tree panel whose parents are named in a list of the view state (the containers panel's
// services, the hosts overview's hosts): opens or closes the parent, keeps it selected, and says
// how many rows it opened into.

import type { KeyEnv } from '../keymap.js';
import { say, selectIndex, type UiState } from '../state.js';

type OpenList = 'openServices' | 'openHosts';

/** `key` is the parent row's (`kind:name`); `said` words the answer from the name and its child rows. */
export function toggleParent(s: UiState, env: KeyEnv, key: string, list: OpenList, said: (name: string, opened: boolean, children: number) => string): UiState {
  const name = key.slice(key.indexOf(':') + 1);
  const open = s[list].includes(name);
  const next = { ...s, [list]: open ? s[list].filter((n) => n !== name) : [...s[list], name], selected: key };
  const after = env.rows(next);
  const children = after.filter((r) => r.parent === key).length;
  return say(selectIndex(next, after, after.findIndex((r) => r.key === key), env.page(next)), said(name, !open, children));
}
