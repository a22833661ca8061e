// The memory panel's table (esxtop's m screen): ID, NAME, then a column per field of the memory
// field table, MiB as whole numbers and rates with two decimals. Thresholds compare the VM's own
// value, not per vCPU.

import { MEM_FIELDS } from '../../../fields/memory.js';
import { fieldColumn, type TableSpec } from '../table.js';
import type { MemRow } from './rows.js';
import { inFieldOrder } from '../cpu/table.js';

export const MEM_TABLE: TableSpec<MemRow> = {
  idLabel: 'ID',
  idWidth: 7,
  id: (row) => String(row.id),
  name: (row) => row.name,
  columns: MEM_FIELDS.map((f, i) => fieldColumn<MemRow, string>(f, (row) => row.values[f.key],
    { importance: inFieldOrder(f.importance, i) })),
};
