// e in the CPU panel: opens or closes the selected VM into its vCPU worlds (a vCPU row's VM).

import type { KeyAction } from '../../keymap.js';
import { say, selectedIndex, selectIndex } from '../../state.js';

export const expandVm: KeyAction = (s, env) => {
  const rows = env.rows(s);
  const index = selectedIndex(rows, s);
  if (index < 0) return say(s, 'no VM selected to expand');
  const gid = rows[index].gid;
  const vm = rows.find((r) => r.key === `vm:${gid}`);
  const open = s.expanded.includes(gid);
  const expanded = open ? s.expanded.filter((g) => g !== gid) : [...s.expanded, gid];
  const next = { ...s, expanded, selected: `vm:${gid}` };
  const after = env.rows(next);
  const at = after.findIndex((r) => r.key === next.selected);
  const message = open ? `collapsed ${vm?.name}` : `expanded ${vm?.name} into ${vm?.vcpus} vCPU rows`;
  return say(selectIndex(next, after, at, env.page(next)), message);
};
