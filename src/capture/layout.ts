// A capture's header line -> which columns the panels use and where each lands: a slot in the
// per-sample Float32Array. Everything else in the file is skipped, so a 17,000-column `-a`
// capture keeps a few thousand numbers a sample. A group is a VM exactly when it has a
// `% VmWait` counter; the rest are the kernel's groups (`1:system`, `8:helper`) and user worlds
// (`hostd.66694`). A VM's vCPUs are its `vmx-vcpu-N` worlds; its other worlds (vmx, mks, svga)
// are listed on expansion as esxtop lists them.

import { ESXTOP_COUNTERS } from '../output/esxtop/counters.js';
import { type CounterPath, parseCounterPath, PDH_FIRST_CELL } from './counter-path.js';
import { type MappedCounter, READ_ONLY_COUNTERS } from './counters.js';

/** counter name -> slot */
export type Slots<O extends string> = Partial<Record<MappedCounter<O>, number>>;

export interface WorldLayout {
  wid: number;
  /** the world's name as written after its id (`vmx-vcpu-0:styx`, `tq:incompatTQ`) */
  name: string;
  /** N of a `vmx-vcpu-N` world, else null */
  vcpu: number | null;
  cpu: Slots<'Vcpu'>;
}

export type PortKind = 'vm' | 'uplink' | 'vmk' | 'other';

export interface PortLayout {
  instance: string;
  kind: PortKind;
  /** the VM's name for a VM port */
  vm: string | null;
  counters: Slots<'Network Port'>;
}

export interface GroupLayout {
  gid: number;
  name: string;
  kind: 'vm' | 'system';
  cpu: Slots<'Group Cpu'>;
  mem: Slots<'Group Memory'>;
  worlds: WorldLayout[];
  ports: PortLayout[];
  /** `Virtual Disk(vm)`: the VM's disks together */
  vdisk: Slots<'Virtual Disk'> | null;
  /** `Virtual Disk(vm:scsi0:0)` and so on */
  disks: { instance: string; counters: Slots<'Virtual Disk'> }[];
  /** its worlds' commands on each device (`Physical Disk Per-Device-Per-World`) */
  deviceWorlds: Slots<'Physical Disk Per-Device-Per-World'>[];
}

export interface CaptureLayout {
  host: string;
  /** file columns, the time column and the trailing field included */
  columns: number;
  /** per file column: its slot, or -1 for a column not mapped */
  slotOf: Int32Array;
  slots: number;
  /** 1-based column numbers of fields without a name (`-a`'s `   -` runs) */
  unnamed: number[];
  /** 1-based columns whose name is not a `\\host\Object(instance)\Counter` path, with the text */
  badNames: { column: number; text: string }[];
  pcpus: { instance: string; used: number; util: number }[];
  total: { used: number; util: number };
  load: [number, number, number];
  memory: Slots<'Memory'>;
  /** `Power(0)\P-State MHZ`, the top P-state; -1 when the capture has none */
  topMHz: number;
  groups: GroupLayout[];
  /** ports that belong to no VM: uplinks, vmk, Management, shadows */
  hostPorts: PortLayout[];
  devices: { id: string; counters: Slots<'Physical Disk SCSI Device'> }[];
  adapters: { id: string; counters: Slots<'Physical Disk Adapter'> }[];
  /** what the header had that the panels do not use, for the notes: objects by name */
  skippedObjects: Set<string>;
}

export class NotACapture extends Error {}

const MAPPED: Record<string, ReadonlySet<string>> = {};
for (const [object, counters] of Object.entries(ESXTOP_COUNTERS)) MAPPED[object] = new Set(Object.keys(counters));
for (const [object, counters] of Object.entries(READ_ONLY_COUNTERS)) {
  MAPPED[object] = new Set([...(MAPPED[object] ?? []), ...counters]);
}

function quote(text: string): string {
  // control characters or bytes that are not UTF-8: a binary file, not a misspelt header
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) return 'binary data, not text';
  }
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);
}

/** The header's cells (time column first) -> the layout, or NotACapture saying what differed. */
export function layoutOf(cells: readonly string[]): CaptureLayout {
  if (cells.length === 0 || !PDH_FIRST_CELL.test(cells[0])) {
    throw new NotACapture(`line 1, column 1: expected "(PDH-CSV 4.0) ...", the first cell of an esxtop batch capture; found ${quote(cells[0] ?? '')}`);
  }
  const slotOf = new Int32Array(cells.length).fill(-1);
  let slots = 0;
  const take = (column: number) => {
    slotOf[column] = slots;
    return slots++;
  };
  const unnamed: number[] = [];
  const badNames: { column: number; text: string }[] = [];
  const skippedObjects = new Set<string>();
  let host: string | null = null;
  const pcpu = new Map<string, { instance: string; used: number; util: number }>();
  const load: [number, number, number] = [-1, -1, -1];
  const memory: Slots<'Memory'> = {};
  let topMHz = -1;
  const groups = new Map<number, GroupLayout>();
  const groupByName = new Map<string, GroupLayout>();
  const worlds = new Map<string, WorldLayout>();
  const worldOwner = new Map<number, GroupLayout>();
  const ports = new Map<string, PortLayout>();
  const vdisks = new Map<string, Slots<'Virtual Disk'>>();
  const deviceWorlds = new Map<string, { wid: number; counters: Slots<'Physical Disk Per-Device-Per-World'> }>();
  const devices = new Map<string, Slots<'Physical Disk SCSI Device'>>();
  const adapters = new Map<string, Slots<'Physical Disk Adapter'>>();
  let paths = 0;

  const group = (instance: string): GroupLayout | null => {
    const colon = instance.indexOf(':');
    const gid = Number(instance.slice(0, colon));
    if (colon <= 0 || !Number.isInteger(gid)) return null;
    let g = groups.get(gid);
    if (!g) {
      g = { gid, name: instance.slice(colon + 1), kind: 'system', cpu: {}, mem: {}, worlds: [], ports: [], vdisk: null, disks: [], deviceWorlds: [] };
      groups.set(gid, g);
      groupByName.set(g.name, g);
    }
    return g;
  };

  for (let c = 1; c < cells.length; c++) {
    const cell = cells[c];
    if (cell === '' && c === cells.length - 1) continue; // esxtop's trailing empty field
    const p: CounterPath | null = parseCounterPath(cell);
    if (!p) {
      if (cell.trim() === '' || cell.trim() === '-') unnamed.push(c + 1);
      else badNames.push({ column: c + 1, text: cell });
      continue;
    }
    paths++;
    host ??= p.host;
    if (!MAPPED[p.object]?.has(p.counter)) {
      if (!MAPPED[p.object]) skippedObjects.add(p.object);
      continue;
    }
    mapColumn(p, c);
  }
  if (paths === 0 || host === null) {
    throw new NotACapture('line 1: no column is named like \\\\host\\Object(instance)\\Counter, as esxtop names its counters; ' +
      `column 2 is ${quote(cells[1] ?? '')}`);
  }

  function mapColumn(p: CounterPath, c: number): void {
    // the table checked the name above: the slot goes under it
    const put = (slots: object) => { (slots as Record<string, number>)[p.counter] = take(c); };
    /** the counter into the instance's slots of `map`, made on its first counter */
    const putIn = (map: Map<string, object>, inst: string) => {
      const d = map.get(inst) ?? {};
      map.set(inst, d);
      put(d);
    };
    const inst = p.instance;
    switch (p.object) {
      case 'Physical Cpu': {
        if (inst === null) return;
        const e = pcpu.get(inst) ?? { instance: inst, used: -1, util: -1 };
        pcpu.set(inst, e);
        if (p.counter === '% Processor Time') e.used = take(c);
        else e.util = take(c);
        return;
      }
      case 'Physical Cpu Load': {
        const k = ['Cpu Load (1 Minute Avg)', 'Cpu Load (5 Minute Avg)', 'Cpu Load (15 Minute Avg)'].indexOf(p.counter);
        load[k] = take(c);
        return;
      }
      case 'Memory':
        if (inst === null) put(memory);
        return;
      case 'Power':
        if (inst === '0') topMHz = take(c);
        return;
      case 'Group Cpu': {
        const g = inst && group(inst);
        if (g) put(g.cpu);
        return;
      }
      case 'Group Memory': {
        const g = inst && group(inst);
        if (g) put(g.mem);
        return;
      }
      case 'Vcpu': {
        const w = inst && world(inst);
        if (w) put(w.cpu);
        return;
      }
      case 'Network Port': {
        if (!inst) return;
        let port = ports.get(inst);
        if (!port) {
          port = portOf(inst);
          ports.set(inst, port);
        }
        put(port.counters);
        return;
      }
      case 'Virtual Disk': {
        if (!inst) return;
        putIn(vdisks, inst);
        return;
      }
      case 'Physical Disk Per-Device-Per-World': {
        if (!inst) return;
        const dash = inst.lastIndexOf('-');
        const wid = Number(inst.slice(dash + 1));
        if (dash < 0 || !Number.isInteger(wid)) return;
        const d = deviceWorlds.get(inst) ?? { wid, counters: {} };
        deviceWorlds.set(inst, d);
        put(d.counters);
        return;
      }
      case 'Physical Disk SCSI Device': {
        if (!inst) return;
        putIn(devices, inst);
        return;
      }
      case 'Physical Disk Adapter': {
        if (!inst) return;
        putIn(adapters, inst);
        return;
      }
    }
  }

  /** `gid:group:wid:name`, where the group's name is known from its Group Cpu columns before */
  function world(instance: string): WorldLayout | null {
    let w = worlds.get(instance);
    if (w) return w;
    const colon = instance.indexOf(':');
    const g = groups.get(Number(instance.slice(0, colon)));
    if (!g || !instance.startsWith(`${g.name}:`, colon + 1)) return null;
    const rest = instance.slice(colon + 1 + g.name.length + 1);
    const sep = rest.indexOf(':');
    const wid = Number(sep < 0 ? rest : rest.slice(0, sep));
    if (!Number.isInteger(wid)) return null;
    const name = sep < 0 ? '' : rest.slice(sep + 1);
    const m = /^vmx-vcpu-(\d+)(:|$)/.exec(name);
    w = { wid, name, vcpu: m ? Number(m[1]) : null, cpu: {} };
    worlds.set(instance, w);
    g.worlds.push(w);
    worldOwner.set(wid, g);
    return w;
  }

  const layoutGroups = [...groups.values()];
  for (const g of layoutGroups) if (g.cpu['% VmWait'] !== undefined) g.kind = 'vm';

  // ports, disks and device worlds reach their VM by name or world id once every group is known
  const hostPorts: PortLayout[] = [];
  for (const port of ports.values()) {
    const g = port.vm !== null ? groupByName.get(port.vm) : undefined;
    if (g && g.kind === 'vm') g.ports.push(port);
    else hostPorts.push({ ...port, kind: port.kind === 'vm' ? 'other' : port.kind, vm: null });
  }
  for (const [instance, counters] of vdisks) {
    const colon = instance.indexOf(':');
    const g = groupByName.get(colon < 0 ? instance : instance.slice(0, colon));
    if (!g) continue;
    if (colon < 0) g.vdisk = counters;
    else g.disks.push({ instance, counters });
  }
  for (const d of deviceWorlds.values()) worldOwner.get(d.wid)?.deviceWorlds.push(d.counters);

  const pcpus = [...pcpu.values()].filter((e) => e.instance !== '_Total');
  const total = pcpu.get('_Total') ?? { used: -1, util: -1 };
  return {
    host, columns: cells.length, slotOf, slots, unnamed, badNames, pcpus, total: { used: total.used, util: total.util }, load, memory, topMHz,
    groups: layoutGroups, hostPorts, skippedObjects,
    devices: [...devices].map(([id, counters]) => ({ id, counters })),
    adapters: [...adapters].map(([id, counters]) => ({ id, counters })),
  };
}

/** `switch:port:cartel:vm` for a VM's port; `switch:port:name` for the host's own. */
function portOf(instance: string): PortLayout {
  const parts = instance.split(':');
  const name = parts.slice(2).join(':');
  const vm = /^\d+:(.+)$/.exec(name);
  if (vm) return { instance, kind: 'vm', vm: vm[1], counters: {} };
  const kind: PortKind = /^vmnic\d+$/.test(name) ? 'uplink' : /^vmk\d+$/.test(name) ? 'vmk' : 'other';
  return { instance, kind, vm: null, counters: {} };
}
