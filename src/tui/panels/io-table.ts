// The network (`n`) and disk (`d`) panels' columns, from NET_FIELDS and DISK_FIELDS (plus their
// extras) in esxtop's screen order. Thresholds compare the VM's own value (%DRPTX > 1, DAVG > 25,
// KAVG > 2, GAVG > 25).

import { DISK_EXTRA_FIELDS, DISK_FIELDS, DISK_QUEUE_FIELDS, type DiskFieldKey } from '../../fields/disk.js';
import { NET_EXTRA_FIELDS, NET_FIELDS, type NetFieldKey } from '../../fields/network.js';
import { field, fieldColumn, type TableSpec } from './table.js';
import type { IoRow } from './io-rows.js';

const NET = [...NET_FIELDS, ...NET_EXTRA_FIELDS];
const DISK = [...DISK_FIELDS, ...DISK_EXTRA_FIELDS];

const netColumn = (key: NetFieldKey) => fieldColumn<IoRow, NetFieldKey>(field(NET, key), (r) => r.values[key]);
const diskColumn = (key: DiskFieldKey) => fieldColumn<IoRow, DiskFieldKey>(field(DISK, key), (r) => r.values[key]);

const vmTable = { idLabel: 'ID', idWidth: 7, id: (r: IoRow) => String(r.id), name: (r: IoRow) => r.name };

/** esxtop's order: packets and megabits sent, then received, then drops. */
export const NET_TABLE: TableSpec<IoRow> = {
  ...vmTable,
  columns: (['PKTTX/s', 'MbTX/s', 'PKTRX/s', 'MbRX/s', '%DRPTX', '%DRPRX'] as const).map(netColumn),
};

/**
 * Where a virtual disk is when it is not on its host's datastore: `svm→b 45%` while Storage
 * vMotion copies it to b's datastore, `@b` once it is there.
 */
export function diskWhere(vm: IoRow['values']): string {
  if (vm.relocation) return ` svm→${vm.relocation.to} ${Math.round(vm.relocation.progress * 100)}%`;
  return vm.datastore ? ` @${vm.datastore}` : '';
}

/** Throughput, then the latency split GAVG = DAVG + KAVG. */
export const DISK_TABLE: TableSpec<IoRow> = {
  ...vmTable,
  name: (r: IoRow) => r.name + diskWhere(r.values),
  columns: [
    ...(['CMDS/s', 'READS/s', 'WRITES/s', 'MBREAD/s', 'MBWRTN/s', 'DAVG', 'KAVG', 'GAVG'] as const).map(diskColumn),
    // the VM's queue at the device: esxtop's WQLEN, ACTV, QUED
    ...DISK_QUEUE_FIELDS.map((f) => fieldColumn<IoRow, typeof f.key>(f, (r) => r.values[f.key], { label: f.label })),
  ],
};
