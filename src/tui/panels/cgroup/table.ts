// The containers panel's columns (`g`): short esxtop-style labels over the cgroup v2 files of
// CGROUP_FIELDS and CGROUP_EXTRA_FIELDS (the help names the file behind each label). A limit that
// is not set reads `max`, as the cgroup file does; a kernel row has no limits and leaves them blank.

import { CGROUP_EXTRA_FIELDS, CGROUP_FIELDS, memoryLevel, type CgroupFieldKey } from '../../../fields/cgroup.js';
import { field, fieldColumn, gauge, wordCell, type Column, type TableSpec } from '../table.js';
import type { CgroupNumbers, CgroupRow } from './rows.js';

const ALL = [...CGROUP_FIELDS, ...CGROUP_EXTRA_FIELDS];

type Key = keyof CgroupNumbers & CgroupFieldKey;

const max = (r: CgroupRow) => (r.limits ? 'max' : '');

const column = (key: Key, label: string, extra: { none?: (r: CgroupRow) => string; importance?: number } = {}) => {
  const c = fieldColumn<CgroupRow, CgroupFieldKey>(field(ALL, key), (r) => r.values[key], { label, ...extra });
  // the field tables speak of the CSV's empty cell; the panel writes max, as the cgroup file does
  return extra.none ? { ...c, meaning: c.meaning.replace(/empty = max( \(no limit\))?/, 'max = no limit') } : c;
};

const memLevel = (r: CgroupRow) => memoryLevel({ 'memory.current': r.values['memory.current'], 'memory.max': r.values['memory.max'] });

const STATE: Column<CgroupRow> = {
  key: 'STATE', label: 'STATE', align: 'left', width: 8, importance: 9,
  meaning: 'running; FROZEN (cgroup.freeze: no task runs, memory kept); restart (OOM-killed, started again after a back-off); ' +
    'dumping, dumped, restore (checkpoint and restore); a service counts the replicas not running',
  cell: (r) => (r.state ? wordCell(r.state.word, 8, r.state.level) : { text: ' '.repeat(8) }),
};

const MEM_BAR: Column<CgroupRow> = {
  key: 'MEM/MAX', label: 'MEM/MAX', width: 10, importance: 6,
  meaning: 'memory.current against memory.max as a bar (yellow from 80 %, red from 95 %: an OOM kill is near); blank without a limit',
  cell: (r) => {
    const limit = r.values['memory.max'];
    if (limit === null || limit <= 0) return { text: ' '.repeat(10) };
    return { text: gauge(r.values['memory.current'], limit, 10), level: memLevel(r) };
  },
};

export const CGROUP_TABLE: TableSpec<CgroupRow> = {
  idLabel: null,
  idWidth: 0,
  id: () => '',
  // a tree: room for a replica's indentation and name (`      front-1`) before columns go
  nameMin: 14,
  name: (r) => {
    if (r.kind === 'host') return `${r.name} (host)`;
    if (r.kind === 'vm') return `${r.name} (VM)`;
    if (r.kind === 'service') return `  ${r.open ? '▾' : '▸'} ${r.name} ×${r.replicas}`;
    return (r.depth === 2 ? '      ' : '    ') + r.name;
  },
  columns: [
    STATE,
    column('cpu.usage%', 'CPU%'),
    column('cpu.weight', 'WEIGHT'),
    // The limits rank above pressure here: at 80 columns a user should see what throttles and what kills.
    column('cpu.max%', 'CPUMAX', { none: max, importance: 8.5 }),
    column('throttled%', 'THR%'),
    column('nr_throttled', 'NR_THR'),
    column('throttled_usec', 'THR_USEC'),
    fieldColumn<CgroupRow, CgroupFieldKey>(field(ALL, 'memory.current'), (r) => r.values['memory.current'],
      { label: 'MEM', level: memLevel }),
    column('memory.max', 'MEMMAX', { none: max, importance: 8.5 }),
    column('memory.high', 'MEMHIGH', { none: max }),
    MEM_BAR,
    column('oom_kill', 'OOM'),
    column('restarts', 'RESTART'),
    column('pids.current', 'PIDS'),
    column('cpu.pressure.avg10', 'PSI.CPU', { importance: 7.5 }),
    column('memory.pressure.avg10', 'PSI.MEM', { importance: 6.5 }),
  ],
};
