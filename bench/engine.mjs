// Engine throughput: vCPU-quanta per wall second and simulated seconds per wall second, and
// vCPU-quanta per CPU second of this process (what an idle core would give; on a busy machine
// the wall figures fall with the share of a core the process gets).
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
  // and half a second of wall time at least, sampling as measured: V8 has then compiled the hot
  // code (a small lab ran 200 quanta in 2 simulated seconds, and its figure counted the compiler)
  const w0 = performance.now();
  while (performance.now() - w0 < 500) {
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
