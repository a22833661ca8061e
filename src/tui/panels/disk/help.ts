// The help screen's sections for the disk panel: its header lines and every column.

import { HOST_DISK_FIELDS, HOST_DISK_QUEUE_FIELDS } from '../../../fields/disk.js';
import { columns, hostField, VM_FIXED } from '../help.js';
import type { HelpSection } from '../panel.js';
import { DISK_TABLE } from '../io-table.js';

const DISK_FIXED = [
  VM_FIXED[0],
  ['NAME', `${VM_FIXED[1][1]}; after it "svm→HOST n%" while Storage vMotion copies the disk to HOST's datastore, ` +
    '"@HOST" once the disk is on HOST\'s datastore rather than its own host\'s (its I/O is served there)'],
] as const;

export const DISK_HELP: readonly HelpSection[] = [
  {
    title: 'Disk panel header (the selected host\'s datastore)',
    rows: [
      ['DATASTORE', `${hostField(HOST_DISK_FIELDS, 'DISK_IOPS')}, against ${hostField(HOST_DISK_FIELDS, 'diskMaxIops')}; MiB/s read and written`],
      ['LATENCY', 'the datastore\'s DAVG, KAVG and GAVG (ms per command, colours as in the columns); SIOC active: ' +
        'Storage I/O Control divides the device by disk shares; then the device\'s queue: ' +
        HOST_DISK_QUEUE_FIELDS.map((f) => f.meaning).join('; ')],
    ],
  },
  { title: 'Disk panel columns (per VM virtual disk; busiest first, N by name)', rows: columns(DISK_TABLE, DISK_FIXED) },
];
