// batch's output over a long run: no listener growth when the reader is slower than the engine
// (a file, a slow pipe), one message per write failure, and the recording written however the
// run is stopped (SIGHUP included: an ssh drop under `vmtop batch ... --record`).

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { every, runBatch } from '../../src/cli/batch.js';
import { Engine } from '../../src/engine/engine.js';
import { loadProfileArg } from '../../src/cli/load-profile.js';
import { BIN, ROOT, shell, vmtop } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'vmtop-batch-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = 'tests/fixtures/golden-cpu.yaml';

/** A reader that takes each chunk a turn of the event loop later, with a small buffer: always behind. */
class SlowReader extends Writable {
  lines = 0;
  most = { close: 0, error: 0, drain: 0 };
  constructor() {
    super({ highWaterMark: 256 });
  }
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.lines += chunk.toString().split('\n').length - 1;
    for (const event of ['close', 'error', 'drain'] as const) this.most[event] = Math.max(this.most[event], this.listenerCount(event));
    setImmediate(done);
  }
}

describe('vmtop batch, 10,000 samples to a reader that keeps it waiting', () => {
  it('adds no listener per full buffer (in-process, a stream slower than the engine)', async () => {
    const out = new SlowReader();
    const engine = new Engine(loadProfileArg(FIXTURE));
    const base = { close: out.listenerCount('close'), error: out.listenerCount('error'), drain: out.listenerCount('drain') };
    await runBatch(() => engine, { schedule: [...every(1000, 10_000)], format: 'jsonl', realtime: false, speed: 1 }, out);
    expect(out.lines).toBe(10_000);
    // batch's own error listener, and while it waits one each for drain, close and error
    expect(out.most.close).toBeLessThanOrEqual(base.close + 1);
    expect(out.most.error).toBeLessThanOrEqual(base.error + 2);
    expect(out.most.drain).toBeLessThanOrEqual(base.drain + 1);
    expect(out.listenerCount('close')).toBe(base.close);
    expect(out.listenerCount('drain')).toBe(base.drain);
  });

  it('to a file (-o): no MaxListenersExceededWarning, every sample written', () => {
    const file = join(dir, 'long.jsonl');
    const r = vmtop(['batch', FIXTURE, '-d', '1', '-n', '10000', '-o', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8').split('\n').length - 1).toBe(10_000);
  });

  it('through a pipe to a slow reader: no warning, every sample read', () => {
    const reader = `let n = 0; process.stdin.on('data', (d) => { n += d.toString().split('\\n').length - 1; process.stdin.pause(); setTimeout(() => process.stdin.resume(), 1); }); process.stdin.on('end', () => console.log(n));`;
    const r = shell(`node bin/vmtop.js batch ${FIXTURE} -d 1 -n 10000 2>${join(dir, 'err')} | node -e "${reader}"; cat ${join(dir, 'err')}`);
    expect(r.stdout.trim()).toBe('10000');
  });
});

describe('vmtop batch: failures and interruptions', () => {
  it('a full disk is one message, exit 1', () => {
    for (const cmd of [`node bin/vmtop.js batch lab -n 3 > /dev/full`, `node bin/vmtop.js batch lab -n 3 -o /dev/full`]) {
      const r = shell(cmd);
      expect(r.code, cmd).toBe(1);
      expect(r.stderr.trim().split('\n'), cmd).toEqual([expect.stringMatching(/^vmtop: cannot write the output( to \/dev\/full)?: ENOSPC: no space left on device/)]);
    }
  });

  it.each(['SIGHUP', 'SIGINT', 'SIGTERM'] as const)('an endless run stopped by %s writes a complete recording', async (signal) => {
    const rec = join(dir, `${signal}.vmtrec`);
    const out = join(dir, `${signal}.jsonl`);
    const child = spawn(process.execPath, [BIN, 'batch', FIXTURE, '-d', '1', '--realtime', '--speed', '50', '--record', rec, '-o', out], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 15_000;
    while ((statSync(out, { throwIfNoEntry: false })?.size ?? 0) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
    child.kill(signal);
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    const written = readFileSync(out, 'utf8').trim().split('\n');
    const replay = vmtop(['batch', '--replay', rec]);
    expect(replay.code).toBe(0);
    expect(replay.stdout.trim().split('\n')).toEqual(written);
  });
});
