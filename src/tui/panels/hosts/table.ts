// The hosts (cluster) overview's columns (`o`): state, hypervisor, CPU and memory use as a bar
// with its number, running/registered VMs, the memory it keeps for itself and where its management
// runs (a service console or not), and what is going on (migrations in flight with their progress,
// DPM, why a VM is down). The last column takes the room the terminal has left.

import type { Level } from '../../../fields/cpu.js';
import { fit, type Segment } from '../../columns.js';
import { gauge, wordCell, type Column, type TableSpec } from '../table.js';
import type { HostRow } from './rows.js';

/** DRS and DPM's marks: above 81 % a host is busy (DPM powers another on), above 100 % overloaded. */
function useLevel(x: number): Level {
  if (x > 1) return 'alarm';
  return x > 0.81 ? 'warn' : 'ok';
}

const BAR = 10;
const NUMBER = 4;

/** `[####....] 52%`: the bar, then the share in whole per cent. */
function bar(x: number): Segment {
  const number = `${Math.round(x * 100)}%`;
  return { text: `${gauge(x, 1, BAR)} ${number.length <= NUMBER ? number.padStart(NUMBER) : '>999'}`, level: useLevel(x) };
}

const STATE: Column<HostRow> = {
  key: 'STATE', label: 'STATE', align: 'left', width: 9, importance: 10,
  meaning: 'a host: up, FAILED, standby (DPM) or draining (DPM moving its VMs off); a VM: running, mig n% (live migration, ' +
    'its progress), svm n% (running, its disk moving: Storage vMotion), suspended, off, or DOWN (its host failed: HA restarts it, or says why not)',
  cell: (r) => wordCell(r.state.word, 9, r.state.level),
};

const HYPERVISOR: Column<HostRow> = {
  key: 'HV', label: 'HV', align: 'left', width: 7, importance: 5,
  meaning: 'the host\'s hypervisor (VMs migrate only between hosts of the same one)',
  cell: (r) => wordCell(r.hypervisor, 7),
};

const RESERVED: Column<HostRow> = {
  key: 'RSVD', label: 'RSVD', width: 5, importance: 4.5,
  meaning: 'a host: memory its virtualization layer keeps for itself, MiB — ESXi\'s VMkernel; classic ESX\'s VMkernel and ' +
    'service console; Xen\'s Domain-0; Hyper-V\'s parent partition; a host OS — taken from what its VMs may use',
  cell: (r) => {
    const n = r.reserved === null ? '' : String(Math.round(r.reserved));
    return { text: (n.length <= 5 ? n : '>99k').padStart(5) };
  },
};

const MANAGEMENT: Column<HostRow> = {
  key: 'MGMT', label: 'MGMT', align: 'left', width: 7, importance: 4,
  meaning: 'a host: where its management agents (hostd, vpxa, the HA agent, hardware and backup agents) run, what an ' +
    'attacker on the management network meets: vmk (ESXi: the VMkernel\'s own user worlds, no general-purpose OS), ' +
    'console (classic ESX: a Linux service console with a shell and sshd), dom0, parent (Windows), host, host os, kernel; ' +
    'Enter on the host gives the installed image\'s size where published (ESXi 32 MB, ESX about 1.6 GB)',
  cell: (r) => wordCell(r.management, 7),
};

const CPU: Column<HostRow> = {
  key: 'CPU', label: 'CPU', align: 'left', width: BAR + 1 + NUMBER, importance: 9,
  meaning: 'a host: its VMs\' CPU demand over its capacity (the DRS host load; yellow above 81 %, red above 100 %), ' +
    'or PCPU UTIL% where that is higher (containers and VServer guests are not VMs); ' +
    'a VM: its demand as a share of its host',
  cell: (r) => bar(r.cpu),
};

const MEM: Column<HostRow> = {
  key: 'MEM', label: 'MEM', align: 'left', width: BAR + 1 + NUMBER, importance: 8,
  meaning: 'a host: memory in use over its size; a VM: the memory it consumes (CNSM + OVHD) as a share of its host',
  cell: (r) => bar(r.mem),
};

const MEMLOAD: Column<HostRow> = {
  key: 'MEMDRS', label: 'MEMDRS', width: 6, importance: 6,
  meaning: 'a host: its VMs\' memory demand (active, a quarter of idle consumed, overhead) over its memory for VMs — ' +
    'the DRS memory load, balanced beside the CPU one (yellow above 81 %, red above 100 %: they want more than it has); ' +
    'a VM: its memory demand as a share of its host',
  cell: (r) => {
    const n = `${Math.round(r.memLoad * 100)}%`;
    return { text: (n.length <= 5 ? n : '>999').padStart(6), level: useLevel(r.memLoad) };
  },
};

const VMS: Column<HostRow> = {
  key: 'VMS', label: 'VMS', width: 5, importance: 7,
  meaning: 'a host: its running (or migrating) VMs / every VM registered on it',
  cell: (r) => ({ text: r.vms.padStart(5) }),
};

const ACTIVITY: Column<HostRow> = {
  key: 'ACTIVITY', label: 'MIGRATIONS / NOTES', align: 'left', width: 18, importance: 9.5, grow: true,
  meaning: 'a host: its site, migrations in flight (VM → target or VM ← source, progress), Storage vMotions through its datastore ' +
    '(VM disk → target, VM disk ← source), DPM evacuating it, VMs down, its datastore past a Storage DRS threshold; a VM: its migration\'s target, progress and phase, ' +
    'its disk\'s Storage vMotion (target, progress, rate), Storage DRS\'s recommendation for its disk and why, its place in a recovery plan ' +
    '(SRM priority, booting, recovered and the data lost), when HA restarts it or why it stays down, its FT secondary, its replica ' +
    '(site, age of its newest point against its RPO, a sync in progress), or the datastore it is on when not its host\'s; ' +
    'a security virtual appliance: how many VMs it watches ' +
    'and its alerts so far (yellow once it has reported one; what watching costs it is on its row and in its details); a virtual appliance: so marked',
  cell: (r, width) => ({ text: fit(r.activity, width), level: r.activityLevel }),
};

export const HOSTS_TABLE: TableSpec<HostRow> = {
  idLabel: null,
  idWidth: 0,
  id: () => '',
  nameMin: 10,
  name: (r) => (r.kind === 'host' ? `${r.open ? '▾' : '▸'} ${r.name}` : `   ${r.name}`),
  columns: [STATE, HYPERVISOR, CPU, MEM, MEMLOAD, VMS, RESERVED, MANAGEMENT, ACTIVITY],
};
