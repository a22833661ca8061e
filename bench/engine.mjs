// Engine throughput: vCPU-quanta per wall second and simulated seconds per wall second, and
// vCPU-quanta per CPU second of this process (what an idle core would give; on a busy machine
// the wall figures fall with the share of a core the process gets).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Engine } from '../dist/engine/engine.js';
import { benchProfile } from './lab.mjs';

export function benchEngine(totalVcpus, memoryPressure = false, minWallMs = 1500) {
  const p = benchProfile(totalVcpus, memoryPressure);
  const vcpus = p.vms.reduce((a, v) => a + v.vcpus, 0);
  const e = new Engine(p);
  // Warm-up: JIT, and memory filled up. In the memory-heavy labs the hosts reach the low state
  // with balloon, compression and swap all running at about 45 simulated seconds; 60 s is past
  // that, and half the cost of the 120 s it was (the warm-up was most of `npm run bench`).
  e.advance(memoryPressure ? 60_000 : 2000);
  // and 1.5 s of wall time at least, sampling as measured: V8 has then compiled the hot code (a
  // small lab ran 200 quanta in 2 simulated seconds, and its figure counted the compiler; the
  // 10,000-vCPU lab's simulated second takes ~2 s of wall time to reach its steady speed)
  const w0 = performance.now();
  while (performance.now() - w0 < 1500) {
    e.advance(1000);
    e.sample();
  }
  let simMs = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < minWallMs) {
    e.advance(1000);
    simMs += 1000;
    e.sample();
  }
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const quanta = simMs / p.quantumMs;
  return {
    vcpus, hosts: p.hosts.length, vcpuQuantaPerS: (vcpus * quanta) / wallS, simSecondsPerS: simMs / 1000 / wallS,
    vcpuQuantaPerCpuS: (vcpus * quanta) / cpuS,
  };
}

/**
 * benchEngine in a process of its own: one lab per V8 instance, as a monitor or batch run has.
 * Run one after another in one process, the later labs ran at half speed or less (the code V8
 * had optimized for the earlier ones, and their garbage), so a figure depended on its neighbours.
 */
export function benchEngineAlone(totalVcpus, memoryPressure = false) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), String(totalVcpus), memoryPressure ? 'heavy' : 'plentiful'],
    { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`engine bench for ${totalVcpus} vCPUs failed: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout);
}

// `node bench/engine.mjs N [heavy]`: one figure as JSON (what benchEngineAlone runs)
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(benchEngine(Number(process.argv[2]), process.argv[3] === 'heavy'))}\n`);
}
