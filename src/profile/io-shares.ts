// Share presets of a VM's I/O devices, part of the profile's vocabulary (`net_shares: high`):
// vNIC shares as NIOC v3 gives VMs (low 25, normal 50, high 100) and virtual disk shares as SIOC
// gives them (low 500, normal 1000, high 2000; docs/model/io.md). The engine reads them from here.

export const NET_SHARES = { low: 25, normal: 50, high: 100 } as const;
export const DISK_SHARES = { low: 500, normal: 1000, high: 2000 } as const;
