// The help screen's sections for the vserver panel: its header lines and every column.

import { columns } from '../help.js';
import type { HelpSection } from '../panel.js';
import { VSERVER_TABLE } from './table.js';

export const VSERVER_HELP: readonly HelpSection[] = [
  {
    title: 'VServer panel header (the selected host\'s guests)',
    rows: [
      ['VSERVER', 'guests, W (the kernel\'s ticks per second), the sum of their R/T against the CPUs, guests held now'],
      ['HOLDS', 'holds and seconds held since start, over all guests'],
    ],
  },
  {
    title: 'VServer panel columns (per guest; U by %USED, N by name)',
    rows: columns(VSERVER_TABLE, [['CTX', 'the guest\'s context id (chcontext)'], ['NAME', 'the guest']]),
  },
];
