// The network (`n`) and disk (`d`) panels on a real run of the lab: per VM port and virtual disk
// with esxtop's fields, Domain-0 first on the Xen host, the host's uplink and datastore in the
// header, busiest first or by name, and the selection carried across c, m, n and d.

import { afterEach, beforeAll, expect, test } from 'vitest';
import type { Snapshot, VmSample } from '../../src/engine/snapshot.js';
import { NET_FIELDS } from '../../src/fields/network.js';
import { DISK_TABLE, NET_TABLE } from '../../src/tui/panels/io-table.js';
import { fitTable, tableRow } from '../../src/tui/panels/table.js';
import { footerHints } from '../../src/tui/keymap.js';
import { diskRows, netRows } from '../../src/tui/panels/io-rows.js';
import { cell, engineSnapshots, labels, rowLine } from './engine-snapshots.js';
import { KEY, renderTui, rowNames, selectedName, statusLine, tabsTo as tabsFrom, type Tui } from './render-tui.js';
import { expectFits } from './fits.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

let lab: Snapshot;
beforeAll(() => {
  lab = engineSnapshots('lab', [20]).get(20)!;
});

const vmNamed = (name: string): VmSample => lab.vms.find((v) => v.name === name)!;
const two = (n: number) => n.toFixed(2);
/** Tab presses from the first host (esx-a) to `host`. */
const tabsTo = (host: string) => tabsFrom(lab, host);

test('n on the Xen host: Domain-0 first, every port\'s Mbit/s and drops in their columns, the uplink in the header', async () => {
  tui = await renderTui({ snapshots: [lab], size: { columns: 200, rows: 60 } });
  await tui.press(...tabsTo('xen-1'), 'n');
  expect(statusLine(tui)).toBe('network panel');
  const xen = lab.hosts.find((h) => h.name === 'xen-1')!;
  const [, , nic, ports] = tui.lines();
  expect(nic).toBe(`NIC   /Mbit: vmnic0 1000 full duplex, TX ${two(xen.io.nicTxMbps)} (${(xen.io.nicTxMbps / 10).toFixed(1)}%), ` +
    `RX ${two(xen.io.nicRxMbps)} (${(xen.io.nicRxMbps / 10).toFixed(1)}%)   %DRPTX ${two(xen.io.nicDropTxPct)}  %DRPRX ${two(xen.io.nicDropRxPct)}`);
  // the file server's peak overruns the 1 Gbit uplink: it drops, and so does Domain-0 that carries it
  expect(ports).toMatch(/^PORTS: 4 ports, 4 with traffic \(Domain-0 runs the back ends\); dropping > 1%: .*xfiles/);
  expect(labels(tui)).toEqual(['ID', 'NAME', 'PKTTX/s', 'MbTX/s', 'PKTRX/s', 'MbRX/s', '%DRPTX', '%DRPRX']);
  expect(rowNames(tui)[0]).toBe('Domain-0');
  expect(rowNames(tui).slice(1).sort()).toEqual(['xfiles', 'xlegacy', 'xweb']);
  for (const name of ['Domain-0', 'xweb', 'xlegacy', 'xfiles']) {
    const vm = vmNamed(name);
    expect(cell(tui, name, 'MbTX/s')).toBe(two(vm['MbTX/s']));
    expect(cell(tui, name, 'MbRX/s')).toBe(two(vm['MbRX/s']));
    expect(cell(tui, name, '%DRPTX')).toBe(two(vm['%DRPTX']));
    expect(cell(tui, name, 'PKTTX/s')).toBe(two(vm['PKTTX/s']));
  }
  expect(vmNamed('xweb')['MbTX/s']).toBeCloseTo(300, 0);
  expect(Number(cell(tui, 'xfiles', '%DRPTX'))).toBeGreaterThan(1);
  expect(rowLine(tui, 'Domain-0')).toMatch(new RegExp(`^[> ] +${vmNamed('Domain-0').gid} Domain-0 `));
});

test('guest rows go busiest first (MbTX/s + MbRX/s), N by name; U and M answer what sorts here', async () => {
  tui = await renderTui({ snapshots: [lab], size: { columns: 120, rows: 40 } });
  await tui.press('n');
  const traffic = (v: VmSample) => v['MbTX/s'] + v['MbRX/s'];
  const expected = lab.vms.filter((v) => v.host === 'esx-a').sort((a, b) => traffic(b) - traffic(a) || a.gid - b.gid);
  expect(rowNames(tui)).toEqual(expected.map((v) => v.name));
  expect(rowNames(tui)[0]).toBe('db');
  await tui.press('N');
  expect(statusLine(tui)).toBe('sorted by name');
  expect(rowNames(tui)).toEqual(['batch', 'capped', 'db', 'web-1', 'web-2', 'web-3']);
  await tui.press('U');
  expect(statusLine(tui)).toBe('U sorts c, g and t by %USED; here the busiest port is first, N sorts by name');
  await tui.press('R');
  expect(statusLine(tui)).toMatch(/^R sorts the CPU panel by %RDY; here the busiest port/);
  await tui.press('e');
  expect(statusLine(tui)).toMatch(/^e expands a VM into vCPUs in the CPU panel \(c\)/);
  expect(footerHints('net')).toContain('N sort');
  expect(footerHints('net')).not.toContain('expand');
});

test('d: IOPS, MiB/s and DAVG/KAVG/GAVG per virtual disk, busiest first; the datastore in the header', async () => {
  tui = await renderTui({ snapshots: [lab], size: { columns: 200, rows: 60 } });
  await tui.press('v');
  expect(statusLine(tui)).toBe('disk panel');
  const esx = lab.hosts[0];
  expect(tui.lines()[2]).toBe(`DATASTORE: ${two(esx.io.DISK_IOPS)} cmds/s of 20000 (${(esx.io.DISK_IOPS / 200).toFixed(1)}%), ` +
    `MBREAD/s ${two(esx.io.diskReadMBs)}, MBWRTN/s ${two(esx.io.diskWriteMBs)}`);
  expect(tui.lines()[3]).toMatch(new RegExp(`^LATENCY/ms: DAVG ${two(esx.io.diskDAVG)} {2}KAVG ${two(esx.io.diskKAVG)} {2}GAVG ${two(esx.io.diskGAVG)} `));
  expect(labels(tui)).toEqual(['ID', 'NAME', 'CMDS/s', 'READS/s', 'WRITES/s', 'MBREAD/s', 'MBWRTN/s', 'DAVG', 'KAVG', 'GAVG', 'WQLEN', 'ACTV', 'QUED']);
  const expected = lab.vms.filter((v) => v.host === 'esx-a').sort((a, b) => b['CMDS/s'] - a['CMDS/s'] || a.gid - b.gid);
  expect(rowNames(tui)).toEqual(expected.map((v) => v.name));
  expect(rowNames(tui).slice(0, 2)).toEqual(['db', 'batch']);
  for (const name of ['db', 'batch', 'web-1', 'capped']) {
    const vm = vmNamed(name);
    expect(cell(tui, name, 'CMDS/s')).toBe(two(vm['CMDS/s']));
    expect(cell(tui, name, 'MBREAD/s')).toBe(two(vm['MBREAD/s']));
    expect(cell(tui, name, 'GAVG')).toBe(two(vm.GAVG));
  }
  // the capped VM does no I/O at all
  expect(cell(tui, 'capped', 'CMDS/s')).toBe('0.00');
  // Domain-0 carries its guests' disk commands on the Xen host
  await tui.press(...tabsTo('xen-1'));
  expect(rowNames(tui)[0]).toBe('Domain-0');
  expect(cell(tui, 'Domain-0', 'CMDS/s')).toBe(two(vmNamed('Domain-0')['CMDS/s']));
});

test('the selected VM carries across c, m, n and d; a host without VMs says so', async () => {
  tui = await renderTui({ snapshots: [lab], size: { columns: 100, rows: 30 } });
  await tui.press(...tabsTo('xen-1'), 'c', KEY.end);
  const last = selectedName(tui);
  await tui.press('n');
  expect(selectedName(tui)).toBe(last);
  await tui.press('v');
  expect(selectedName(tui)).toBe(last);
  await tui.press(KEY.home);
  expect(selectedName(tui)).toBe('Domain-0');
  await tui.press('c');
  expect(selectedName(tui)).toBe('Domain-0');
  await tui.press(KEY.down);
  const second = selectedName(tui);
  expect(second).not.toBe('Domain-0');
  await tui.press('m', 'n');
  expect(selectedName(tui)).toBe(second);
  await tui.press(KEY.tab, 'n');
  expect(tui.lines()[0]).toContain('host lx-1');
  expect(tui.lines()[5]).toBe('  no VMs on this host — Tab for the next host');
  await tui.press(KEY.down);
  expect(statusLine(tui)).toBe('no rows to select on this host');
});

test.each([[80, 24], [200, 60]])('n and v fit %ix%i: the least important columns go first, NAME is cut with …', async (columns, rows) => {
  const long = structuredClone(lab);
  const web = long.vms.find((v) => v.name === 'web-1')!;
  web.name = 'web-1-with-a-rather-long-name-for-a-vm';
  tui = await renderTui({ snapshots: [long], size: { columns, rows } });
  for (const panel of ['n', 'v']) {
    await tui.press(panel);
    expectFits(tui, columns, rows);
    const table = panel === 'n' ? NET_TABLE : DISK_TABLE;
    const shown = labels(tui).slice(2);
    if (columns === 200) {
      expect(shown).toEqual(table.columns.map((c) => c.label));
      expect(rowNames(tui)).toContain(web.name);
    } else {
      // the most important stay: throughput and drops, IOPS and the guest's latency
      for (const key of panel === 'n' ? ['MbTX/s', 'MbRX/s', '%DRPTX', '%DRPRX'] : ['CMDS/s', 'DAVG', 'KAVG', 'GAVG']) {
        expect(shown).toContain(key);
      }
      const kept = table.columns.filter((c) => shown.includes(c.label)).map((c) => c.importance);
      expect(table.columns.filter((c) => !shown.includes(c.label)).every((c) => c.importance <= Math.min(...kept))).toBe(true);
      expect(tui.lines().some((l) => /^ +\d+ web-1-with-a-r\S*…/.test(l))).toBe(true);
    }
  }
  await tui.press('h', KEY.end);
  expectFits(tui, columns, rows);
});

test('drops and latencies take the esxtop thresholds: %DRPTX > 1, DAVG > 25, KAVG > 2, GAVG > 25 are red', () => {
  const vm = { ...vmNamed('xfiles'), '%DRPTX': 1.5, '%DRPRX': 0.5, DAVG: 26, KAVG: 2.5, GAVG: 28.5 };
  const levels = (table: typeof NET_TABLE, row: ReturnType<typeof netRows>[number]) => {
    const layout = fitTable(table, 199, false, [row]);
    const segs = tableRow(row, layout, false).filter((s) => s.level === 'alarm').map((s) => s.text.trim());
    return segs;
  };
  const [net] = netRows([vm], 'xen-1', '%USED');
  expect(levels(NET_TABLE, net)).toEqual(['1.50']);
  const [disk] = diskRows([vm], 'xen-1', '%USED');
  expect(levels(DISK_TABLE, disk)).toEqual(['26.00', '2.50', '28.50']);
  expect(NET_FIELDS.find((f) => f.key === '%DRPTX')!.alarm).toBe(1);
});
