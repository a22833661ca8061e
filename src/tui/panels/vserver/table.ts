// The VServer panel's columns (`t`): the token bucket of each guest from VSERVER_FIELDS and its
// extras, a gauge of the bucket (tokens against S, with M marked) and a history of its level, so
// the saw-tooth of burst and hold shows.

import { VSERVER_EXTRA_FIELDS, VSERVER_FIELDS, type VServerFieldKey } from '../../../fields/vserver.js';
import type { Level } from '../../../fields/cpu.js';
import { field, fieldColumn, gauge, sparkline, wordCell, type Column, type TableSpec } from '../table.js';
import type { VServerRow } from './rows.js';

const ALL = [...VSERVER_FIELDS, ...VSERVER_EXTRA_FIELDS];

type NumberKey = Exclude<VServerFieldKey, 'held'>;

const column = (key: NumberKey, label: string = key, importance?: number) =>
  fieldColumn<VServerRow, VServerFieldKey>(field(ALL, key), (r) => r.values[key], { label, importance });

/** Held: red. Running on fewer tokens than M (a hold would last until M): yellow. */
function bucketLevel(r: VServerRow): Level {
  if (r.values.held) return 'alarm';
  return r.values.tokens < r.values.M ? 'warn' : 'ok';
}

const STATE: Column<VServerRow> = {
  key: 'held', label: 'STATE', align: 'left', width: 7, importance: 10,
  meaning: `running or HELD. held: ${field(ALL, 'held').meaning}; a soft-scheduled guest is never held (its priority follows the bucket)`,
  cell: (r) => wordCell(r.values.held ? 'HELD' : r.values.sched === 'soft' ? 'soft' : 'running', 7, r.values.held ? 'alarm' : 'ok'),
};

const BUCKET: Column<VServerRow> = {
  key: 'BUCKET', label: 'BUCKET', width: 14, importance: 9,
  meaning: 'the bucket as a gauge: # tokens against S, | marks M (yellow below M, red while held)',
  cell: (r) => ({ text: gauge(r.values.tokens, r.values.S, 14, r.values.M), level: bucketLevel(r) }),
};

/** 16 samples: at the default 2 s a burst-and-hold cycle of the textbook's bucket shows whole. */
const HISTORY_WIDTH = 16;

/** After the first burst a held guest swings between 0 and about M: scale to what is shown. */
export function historyScale(r: VServerRow): number {
  return Math.max(r.values.M, ...r.values.history.slice(-HISTORY_WIDTH));
}

const HISTORY: Column<VServerRow> = {
  // above SHARE and the bucket's parameters: the saw-tooth is what this panel is for
  key: 'HISTORY', label: 'HISTORY', width: HISTORY_WIDTH, importance: 7.6,
  meaning: 'the bucket level at the last samples, newest at the right, scaled to the highest of them (at least M): ' +
    'the saw-tooth of burst and hold',
  cell: (r) => ({ text: sparkline(r.values.history, historyScale(r), HISTORY_WIDTH) }),
};

export const VSERVER_TABLE: TableSpec<VServerRow> = {
  idLabel: 'CTX',
  idWidth: 5,
  id: (r) => String(r.values.context),
  name: (r) => r.name,
  columns: [
    STATE,
    column('R'),
    column('T'),
    column('S'),
    column('M'),
    column('tokens', 'TOKENS'),
    BUCKET,
    column('%USED'),
    // R/T, also in the gauge's fill rate: below the hold counters when space is short
    column('share', 'SHARE', 7.5),
    column('%HELD'),
    column('holds', 'HOLDS'),
    column('held_s', 'HELD_S'),
    column('prio', 'PRIO'),
    HISTORY,
  ],
};
