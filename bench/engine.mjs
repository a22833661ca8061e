// Engine throughput: vCPU-quanta per wall second and simulated seconds per wall second.
import { Engine } from '../dist/engine/engine.js';
import { benchProfile } from './lab.mjs';

export function benchEngine(totalVcpus, memoryPressure = false, minWallMs = 1500) {
  const p = benchProfile(totalVcpus, memoryPressure);
  const vcpus = p.vms.reduce((a, v) => a + v.vcpus, 0);
  const e = new Engine(p);
  e.advance(memoryPressure ? 120_000 : 2000); // warm-up: JIT, and memory filled up
  let simMs = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minWallMs) {
    e.advance(1000);
    simMs += 1000;
    e.sample();
  }
  const wallS = (performance.now() - t0) / 1000;
  const quanta = simMs / p.quantumMs;
  return { vcpus, hosts: p.hosts.length, vcpuQuantaPerS: (vcpus * quanta) / wallS, simSecondsPerS: simMs / 1000 / wallS };
}
