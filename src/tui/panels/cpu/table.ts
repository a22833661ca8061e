// The CPU panel's table (esxtop's c screen): ID, NAME, NWLD, then a column per field of the CPU
// field table. A VM that is not simply running says so after its name (`db mig 45%`); an expanded
// VM's vCPU worlds follow it, indented. Thresholds compare the value per vCPU.

import { CPU_FIELDS, levelOf } from '../../../fields/cpu.js';
import { AUNITS, CPU_ALLOC_FIELDS } from '../../../fields/cpu-alloc.js';
import type { VmSample } from '../../../engine/snapshot.js';
import { fit, type Segment } from '../../columns.js';
import { fieldColumn, limitsText, type Column, type TableSpec } from '../table.js';
import { vmStateWord } from '../rows.js';
import type { CpuRow } from './rows.js';

const NWLD_WIDTH = 4;

/**
 * esxtop's c and m screens drop the earlier of two equally important fields first; the other
 * tables drop the later one. A fraction of the field's place keeps that order.
 */
export const inFieldOrder = (importance: number, index: number) => importance + index / 1000;

const NWLD: Column<CpuRow> = {
  key: 'NWLD', label: 'NWLD', width: NWLD_WIDTH, importance: Infinity, fixed: true,
  meaning: 'number of worlds: one per vCPU plus the VMX and MKS helpers',
  cell: (row) => ({ text: (row.nwld === null ? '' : String(row.nwld)).padStart(NWLD_WIDTH) }),
};

const displayName = (row: CpuRow) => (row.kind === 'vcpu' ? '  ' + row.name : row.name);

export const CPU_TABLE: TableSpec<CpuRow> = {
  idLabel: 'ID',
  idWidth: 7,
  id: (row) => String(row.id),
  name: (row) => displayName(row) + (row.mark ? ` ${row.mark}` : ''),
  nameCell(row, width): Segment[] {
    const name = displayName(row);
    // the mark goes first when the name is too narrow for both
    const mark = row.mark && row.mark.length + 2 <= width ? row.mark : null;
    if (!mark) return [{ text: fit(name, width) }];
    const cut = fit(name, width - mark.length - 1).trimEnd();
    return [{ text: cut + ' ' }, { text: mark, level: vmStateWord(row.values as VmSample).level },
      { text: ' '.repeat(width - cut.length - 1 - mark.length) }];
  },
  columns: [NWLD, ...CPU_FIELDS.map((f, i) => {
    const limits = limitsText(f);
    return fieldColumn<CpuRow, string>(f, (row) => row.values[f.key], {
      importance: inFieldOrder(f.importance, i),
      level: (row, value) => levelOf(f, value, row.vcpus),
      meaning: f.meaning + (limits ? ` [per vCPU: ${limits}]` : ''),
    });
  }),
  // esxtop's CPU ALLOC group, off until the field chooser turns it on (as in esxtop)
  ...CPU_ALLOC_FIELDS.map((f) => fieldColumn<CpuRow, string>(f, (row) => row.alloc?.[f.key] ?? null)),
  {
    key: AUNITS.key, label: AUNITS.key, width: AUNITS.width, importance: AUNITS.importance, meaning: AUNITS.meaning,
    cell: (row) => ({ text: (row.alloc?.AUNITS ?? '').padStart(AUNITS.width) }),
  }],
};

/** The columns the CPU panel shows only once the field chooser turns them on. */
export const CPU_OFF_BY_DEFAULT: readonly string[] = [...CPU_ALLOC_FIELDS.map((f) => f.key), AUNITS.key];
