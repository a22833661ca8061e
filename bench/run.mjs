// `npm run bench`: the figures the issues set goals for. Prints, asserts nothing.
import { benchEngine } from './engine.mjs';

process.env.NODE_ENV = 'production';
const fmt = (x) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });

console.log('engine throughput (one core)');
console.log('  vCPUs   hosts   vCPU-quanta/s   sim s/wall s   lab');
const row = (label, r) => console.log(`  ${String(r.vcpus).padStart(5)}   ${String(r.hosts).padStart(5)}   ${fmt(r.vcpuQuantaPerS).padStart(13)}   ${fmt(r.simSecondsPerS).padStart(10)}   ${label}`);
for (const n of [10, 1000, 10000]) row('memory plentiful', benchEngine(n));
console.log('  memory-heavy: working sets 1.6x host memory (balloon, compression, swap running)');
for (const n of [1000, 10000]) row('memory-heavy', benchEngine(n, true));

try {
  const { benchRender } = await import('./render.mjs');
  console.log('\nCPU panel render time per frame (React production build)');
  for (const [cols, rows] of [[120, 40], [200, 60]]) {
    const r = await benchRender(cols, rows);
    console.log(`  ${cols}x${rows}: p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  (${r.frames} frames, ${r.bytesPerFrame.toFixed(0)} bytes/frame)`);
  }
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') throw err;
}
