// The monitor's panels, in the order the keys, the help screen and the config list them. Adding a
// panel is its folder (see src/tui/panels/README.md) and one line here.

import { CGROUP_PANEL } from './cgroup/index.js';
import { CPU_PANEL } from './cpu/index.js';
import { DISK_PANEL } from './disk/index.js';
import { HOSTS_PANEL } from './hosts/index.js';
import { MEM_PANEL } from './mem/index.js';
import { NET_PANEL } from './net/index.js';
import type { Panel } from './panel.js';
import { orderIn, type SortKey } from './rows.js';
import { VSERVER_PANEL } from './vserver/index.js';

/** `cpu` is esxtop's `c` screen, `mem` its `m`, `net` its `n`, `disk` its `v` (per-VM disks); `cgroup`
 *  the containers panel (`g`), `vserver` the VServer token buckets (`t`), `hosts` the hosts
 *  (cluster) overview (`o`). */
export const PANELS = {
  cpu: CPU_PANEL, mem: MEM_PANEL, net: NET_PANEL, disk: DISK_PANEL, cgroup: CGROUP_PANEL, vserver: VSERVER_PANEL, hosts: HOSTS_PANEL,
} as const satisfies Record<string, Panel>;

export type PanelId = keyof typeof PANELS;

export const PANEL_IDS = Object.keys(PANELS) as PanelId[];

/** The orders a panel offers, default first (what `<` and `>` step through). */
export function panelSorts(panel: PanelId): readonly SortKey[] {
  const p = PANELS[panel].sorts;
  return [p.default, ...p.accepts.filter((k) => k !== p.default)];
}

/** The order a panel shows for the shared sort: N carries across panels, U/R/M do not. */
export const panelSort = (panel: PanelId, sort: SortKey): SortKey => orderIn(PANELS[panel].sorts, sort);
