// The help screen's sections for the net panel: its header lines and every column.

import { HOST_NET_FIELDS } from '../../../fields/network.js';
import { columns, hostField, VM_FIXED } from '../help.js';
import type { HelpSection } from '../panel.js';
import { NET_TABLE } from '../io-table.js';

export const NET_HELP: readonly HelpSection[] = [
  {
    title: 'Network panel header (the selected host\'s uplink)',
    rows: [
      ['NIC', `vmnic0: ${hostField(HOST_NET_FIELDS, 'nicSpeedMbit')}; TX and RX in Mbit/s and % of the link; ` +
        `%DRPTX: ${hostField(HOST_NET_FIELDS, 'nicDropTxPct')}; %DRPRX: ${hostField(HOST_NET_FIELDS, 'nicDropRxPct')}`],
      ['PORTS', 'the VMs\' ports, how many carry traffic, and those dropping more than 1 % (red)'],
    ],
  },
  { title: 'Network panel columns (per VM port; busiest first, N by name)', rows: columns(NET_TABLE, VM_FIXED) },
];
