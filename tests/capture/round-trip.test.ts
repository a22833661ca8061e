// The round trip: `vmtop batch lab --host esx-a --format csv -o x.csv`, then x.csv opened as the
// monitor opens a capture (the stream and the player behind `vmtop x.csv`), shows what the
// engine produced: sample by sample, VM by VM, within the CSV's rounding (two decimals, or a
// whole number where esxtop writes one) and the reader's 32-bit floats.

import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { CapturePlayer } from '../../src/capture/player.js';
import type { CaptureSnapshot } from '../../src/capture/snapshot.js';
import { CaptureStream } from '../../src/capture/stream.js';
import type { HostSample, Snapshot, VmSample } from '../../src/engine/snapshot.js';
import { vmtop } from '../helpers/cli.js';
import { samples } from '../helpers/esxtop-run.js';
import { tempDir } from '../helpers/tmp.js';

const HOST = 'esx-a';
const DELAY = 2;
const COUNT = 12;
const dir = tempDir('vmtop-round-trip-');
const file = join(dir, 'x.csv');

/** written with two decimals, or as a whole number; the 32-bit float read back adds its own step (close) */
const DEC = 0.005;
const INT = 0.5;

const VM_FIELDS: [keyof VmSample, number][] = [
  ['NWLD', 0], ['vcpus', 0],
  ['%USED', DEC], ['%RUN', DEC], ['%SYS', DEC], ['%WAIT', DEC], ['%VMWAIT', DEC], ['%RDY', DEC], ['%IDLE', DEC],
  ['%OVRLP', DEC], ['%CSTP', DEC], ['%MLMTD', DEC], ['%SWPWT', DEC],
  ['MEMSZ', DEC], ['GRANT', DEC], ['CNSM', DEC], ['SZTGT', DEC], ['TCHD', DEC], ['SWCUR', DEC], ['OVHD', DEC],
  ['MbTX/s', DEC], ['MbRX/s', DEC], ['%DRPTX', DEC], ['%DRPRX', DEC],
  ['CMDS/s', DEC], ['READS/s', DEC], ['WRITES/s', DEC], ['MBREAD/s', DEC], ['MBWRTN/s', DEC],
];
const HOST_FIELDS: [keyof HostSample, number][] = [
  ['PCPU_USED%', DEC], ['PCPU_UTIL%', DEC], ['pcpus', 0],
  ['MEM_TOTAL', INT], ['MEM_FREE', INT], ['MEM_STATE', 0], ['SWAP', INT], ['MEMCTL', INT], ['PSHARE_SAVING', INT],
];

let engine: Snapshot[] = [];
const shown: CaptureSnapshot[] = [];

beforeAll(async () => {
  const r = vmtop(['batch', 'lab', '--host', HOST, '--format', 'csv', '-d', String(DELAY), '-n', String(COUNT), '-o', file]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  engine = samples('lab', DELAY, COUNT);
  const stream = new CaptureStream(file);
  const first = await stream.next();
  const player = new CapturePlayer(stream, first!, file);
  while (!stream.readAll) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    player.pull();
  }
  player.pull();
  for (let k = 0; k < COUNT; k++) {
    shown.push(player.sample());
    player.advance();
  }
  expect(stream.notes.notes).toEqual([]);
});

const close = (got: number | string, want: number | string, tolerance: number, what: string) => {
  if (typeof want === 'string' || tolerance === 0) expect(got, what).toBe(want);
  // a 32-bit float has 24 bits of mantissa: a step of 2^-23 of the value, 2^-24 each way
  else expect(Math.abs((got as number) - want), `${what}: shown ${got}, engine ${want}`).toBeLessThanOrEqual(tolerance + Math.abs(want) * 2 ** -23);
};

test('every sample of the file is shown, in order, with the capture\'s own position and times', () => {
  expect(shown.map((s) => s.capture.index)).toEqual(engine.map((_, i) => i + 1));
  // the times as the file labels them: whole seconds DELAY apart from the first
  expect(shown.map((s) => s.t)).toEqual(engine.map((s) => s.t - engine[0].t));
  expect(shown.map((s) => s.hosts[0].name)).toEqual(engine.map(() => HOST));
});

test('each VM of the host reads as the engine sampled it: CPU states, memory, network, disk', () => {
  let compared = 0;
  engine.forEach((snap, k) => {
    const vms = snap.vms.filter((v) => v.host === HOST && v.state === 'running');
    const read = shown[k].vms.filter((v) => v.kind === 'vm');
    expect(read.map((v) => v.name).sort(), `sample ${k + 1}`).toEqual(vms.map((v) => v.name).sort());
    for (const want of vms) {
      const got = read.find((v) => v.name === want.name)!;
      expect(got.gid).toBe(want.gid);
      for (const [field, tolerance] of VM_FIELDS) {
        close(got[field] as number, want[field] as number, tolerance, `sample ${k + 1} ${want.name} ${String(field)}`);
        compared++;
      }
      // and each vCPU, expanded with e
      want.vcpu.forEach((vc, i) => {
        for (const field of ['%USED', '%RUN', '%RDY', '%CSTP', '%WAIT'] as const) {
          close(got.vcpu[i][field], vc[field], DEC, `sample ${k + 1} ${want.name} vCPU ${i} ${field}`);
        }
      });
    }
  });
  // the run is not an idle one: the comparison has numbers in it
  expect(compared).toBeGreaterThan(100);
  expect(Math.max(...shown.flatMap((s) => s.vms.map((v) => v['%RDY'])))).toBeGreaterThan(1);
  expect(Math.max(...shown.flatMap((s) => s.vms.map((v) => v['CMDS/s'])))).toBeGreaterThan(1);
});

test('the host\'s header lines read as the engine sampled them', () => {
  engine.forEach((snap, k) => {
    const want = snap.hosts.find((h) => h.name === HOST)!;
    const got = shown[k].hosts[0];
    for (const [field, tolerance] of HOST_FIELDS) close(got[field] as number, want[field] as number, tolerance, `sample ${k + 1} ${field}`);
    want.pcpuUsed.forEach((x, i) => close(got.pcpuUsed[i], x, DEC, `sample ${k + 1} PCPU ${i} USED`));
    want.loadAvg.forEach((x, i) => close(got.loadAvg[i], x, DEC, `sample ${k + 1} load average ${i}`));
  });
});
