// The CPU panel's table (esxtop's c screen): ID, NAME, NWLD, then a column per field of the CPU
// field table, then STATE: a VM that is not simply running says so there (`mig 45%`,
// `suspended`), in a column of its own so that a state never widens NAME and shifts the others.
// An expanded VM's vCPU worlds follow it, indented. Thresholds compare the value per vCPU.

import { CPU_FIELDS, levelOf } from '../../../fields/cpu.js';
import { AUNITS, CPU_ALLOC_FIELDS } from '../../../fields/cpu-alloc.js';
import type { VmSample } from '../../../engine/snapshot.js';
import { fit } from '../../columns.js';
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
  key: 'NWLD', label: 'NWLD', width: NWLD_WIDTH, importance: Infinity,
  meaning: 'number of worlds: one per vCPU plus the VMX and MKS helpers',
  cell: (row) => ({ text: (row.nwld === null ? '' : String(row.nwld)).padStart(NWLD_WIDTH) }),
};

const displayName = (row: CpuRow) => (row.kind === 'vcpu' ? '  ' + row.name : row.name);

/** `suspended`, the longest of the state words (`mig 45%`, `svm 45%`, `off`, `DOWN`). */
const STATE_WIDTH = 9;

/**
 * Blank for a running VM and a vCPU, so the states that matter stand out. esxtop has no such
 * column, and a user of esxtop reads an 80-column c screen for its fields in its order (%USED
 * %RUN %SYS %WAIT ... %RDY): so STATE is vmtop's extra, dropped on a narrow terminal before
 * esxtop's %SYS and %WAIT (between them and the rarer %IDLE, %VMWAIT, %OVRLP, %SWPWT), and drawn
 * only while some row has a state, since a column blank on every row would only take a field's
 * place. Being the last column, its coming and going moves no other on a wide terminal; at 80
 * columns it never shows, and o lists every VM's state.
 */
const STATE: Column<CpuRow> = {
  key: 'STATE', label: 'STATE', align: 'left', width: STATE_WIDTH,
  importance: 4.5,
  needed: (rows) => rows.some((r) => r.mark),
  meaning: 'the VM\'s state when it is not simply running: mig n% (vMotion), svm n% (Storage vMotion), suspended, off, DOWN (its host failed); ' +
    'shown while a VM has one, where the terminal has room after esxtop\'s fields (o lists every VM\'s state)',
  cell: (row) => (row.mark
    ? { text: fit(row.mark, STATE_WIDTH), level: vmStateWord(row.values as VmSample).level }
    : { text: ' '.repeat(STATE_WIDTH) }),
};

export const CPU_TABLE: TableSpec<CpuRow> = {
  idLabel: 'ID',
  idWidth: 7,
  id: (row) => String(row.id),
  name: displayName,
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
  },
  STATE],
};

/** The columns the CPU panel shows only once the field chooser turns them on. */
export const CPU_OFF_BY_DEFAULT: readonly string[] = [...CPU_ALLOC_FIELDS.map((f) => f.key), AUNITS.key];
