// Frame render time of the monitor: the App on the `lab` profile, rendered by Ink (production
// React) into a fake terminal through the same cell-diff output layer the real monitor uses.
// One frame = publish a sample to the clock's store -> React commit -> Ink layout and frame text
// -> cell diff -> the bytes written. The engine is not timed: samples are computed beforehand.
// `node bench/render.mjs [frames]` (needs `npm run build`).
import { fileURLToPath } from 'node:url';
import { FakeStdin, FakeStdout } from './fake-tty.mjs';

// Before React and Ink load: React's production build, Ink not silenced by CI, and colour on
// (named colours only, as chalk gives them in a 256-colour terminal).
process.env.NODE_ENV = 'production';
process.env.CI = '0';
process.env.FORCE_COLOR ??= '2';

const { createElement } = await import('react');
const { render } = await import('ink');
const { App } = await import('../dist/tui/App.js');
const { MonitorClock } = await import('../dist/tui/clock.js');
const { cellOutput } = await import('../dist/tui/terminal/frame-writer.js');
const { Engine } = await import('../dist/engine/engine.js');
const { loadProfileArg } = await import('../dist/cli/load-profile.js');
// as the monitor runs it (run.ts); `node bench/render.mjs 300 ink` measures Ink's own Output.get
const { fastInkOutput } = await import('../dist/tui/terminal/ink-output.js');
if (!process.argv.includes('ink')) await fastInkOutput();

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

let samples;
/** `count` samples of lab, 1 s apart (computed once, shared by every size). */
function labSamples(count) {
  if (!samples || samples.length < count) {
    const engine = new Engine(loadProfileArg('lab'));
    samples = [engine.sample()];
    while (samples.length < count) {
      engine.advance(1000);
      samples.push(engine.sample());
    }
  }
  return samples;
}

/** `frames` refreshes of `lab` at 1 s, after `warmup` untimed ones. */
export async function benchRender(cols, rows, frames = 300, warmup = 40) {
  const samples = labSamples(frames + warmup + 1);
  let next = 0;
  const scripted = { advance() {}, sample: () => samples[next++] };
  const ticker = { start() {}, stop() {} };
  const clock = new MonitorClock(scripted, ticker, { delayS: 1, speed: 1 });

  const stdout = new FakeStdout(cols, rows);
  const output = cellOutput(stdout);
  // maxFps 0: Ink's throttle then renders every commit at once (production uses 10 fps, which
  // never binds at a 1 s refresh), so one tick is one frame. React 19 flushes a legacy root's
  // update in a microtask: a frame ends with its last write, read after the event loop turns.
  const ink = render(createElement(App, { clock, profileName: 'lab', color: true, marker: false }), {
    stdout: output.stream, stdin: new FakeStdin(), incrementalRendering: false, patchConsole: false,
    exitOnCtrlC: false, maxFps: 0,
  });
  const times = [];
  const cpuTimes = [];
  let bytes = 0;
  let missed = 0;
  for (let i = 0; i < frames + warmup; i++) {
    const b0 = stdout.bytes;
    const w0 = stdout.writes;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    clock.tick();
    await new Promise((resolve) => setImmediate(resolve));
    const t = stdout.lastWrite - t0;
    const c = process.cpuUsage(c0);
    if (stdout.writes === w0) missed++;
    if (i >= warmup) {
      times.push(t);
      cpuTimes.push((c.user + c.system) / 1000);
      bytes += stdout.bytes - b0;
    }
  }
  ink.unmount();
  output.dispose();
  if (missed > 0) throw new Error(`render bench: ${missed} ticks wrote nothing (Ink rendered asynchronously?)`);
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    frames, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1),
    cpuP50: quantile(cpuTimes, 0.5), cpuP95: quantile(cpuTimes, 0.95), bytesPerFrame: bytes / frames,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const frames = Number(process.argv[2] ?? 300);
  for (const [cols, rows] of [[120, 40], [200, 60]]) {
    const r = await benchRender(cols, rows, frames);
    console.log(`${cols}x${rows}: wall p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  max ${r.max.toFixed(2)} ms;`
      + ` CPU p50 ${r.cpuP50.toFixed(2)} ms  p95 ${r.cpuP95.toFixed(2)} ms  (${r.frames} frames, ${r.bytesPerFrame.toFixed(0)} bytes/frame)`);
  }
}
