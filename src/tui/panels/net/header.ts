// The network panel's header: the host's uplink (speed, TX and RX, drops) and its VMs' ports,
// with the ports dropping more than 1 % named.

import type { HostSample, Snapshot } from '../../../engine/snapshot.js';
import { levelOf } from '../../../fields/cpu.js';
import { NET_FIELDS } from '../../../fields/network.js';
import type { Segment } from '../../columns.js';
import { field } from '../table.js';
import { coloured, line, pct, plural, two, whole } from '../header-line.js';

const DRPTX = field(NET_FIELDS, '%DRPTX');
const DRPRX = field(NET_FIELDS, '%DRPRX');

/** Which row carries the guests' I/O on this host, in a word. */
const BACK_ENDS: Partial<Record<HostSample['hypervisor'], string>> = {
  xen: 'Domain-0 runs the back ends',
  hyperv: 'Parent-Partition runs the VSPs',
  vbox: 'the host OS carries the I/O',
};

export function netLines(snap: Snapshot, host: HostSample, width: number): Segment[][] {
  const io = host.io;
  const tx = coloured(two(io.nicDropTxPct), levelOf(DRPTX, io.nicDropTxPct));
  const rx = coloured(two(io.nicDropRxPct), levelOf(DRPRX, io.nicDropRxPct));
  const speed = whole(io.nicSpeedMbit);
  const nic = line([
    [`NIC   /Mbit: vmnic0 ${speed} full duplex, TX ${two(io.nicTxMbps)} (${pct(io.nicTxMbps, io.nicSpeedMbit)}%), ` +
      `RX ${two(io.nicRxMbps)} (${pct(io.nicRxMbps, io.nicSpeedMbit)}%)   %DRPTX `, tx, '  %DRPRX ', rx],
    [`NIC/Mbit: ${speed}, TX ${two(io.nicTxMbps)}, RX ${two(io.nicRxMbps)}  %DRPTX `, tx, ' %DRPRX ', rx],
    [`NIC ${speed}: TX ${two(io.nicTxMbps)} RX ${two(io.nicRxMbps)} DRP `, tx, '/', rx],
  ], width);
  const vms = snap.vms.filter((v) => v.host === host.name);
  const active = vms.filter((v) => v['MbTX/s'] + v['MbRX/s'] > 0).length;
  const dropping = vms.filter((v) => levelOf(DRPTX, v['%DRPTX']) !== 'ok' || levelOf(DRPRX, v['%DRPRX']) !== 'ok')
    .map((v) => v.name);
  const drops = dropping.length ? coloured(dropping.join(', '), 'alarm') : 'none';
  const system = BACK_ENDS[host.hypervisor];
  const ports = line([
    [`PORTS: ${plural(vms.length, 'port')}, ${active} with traffic${system ? ` (${system})` : ''}; dropping > 1%: `, drops],
    [`PORTS: ${vms.length}, ${active} with traffic; dropping: `, drops],
    ['DROPPING: ', drops],
  ], width);
  return [nic, ports];
}
