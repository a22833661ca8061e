// What one refresh of the live monitor costs, from a cold start: the engine's second of
// simulation (advance + sample) and the frame (React commit -> Ink -> cell diff -> bytes), CPU
// time per window of refreshes. Unlike render.mjs nothing is warmed up first: the monitor at
// -d 1 runs its code once a second, so V8 compiles it late and the first minutes cost more.
// `node bench/monitor-cost.mjs [refreshes] [cols] [rows]` (needs `npm run build`).
import { fileURLToPath } from 'node:url';
import { FakeStdin, FakeStdout } from './fake-tty.mjs';

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
const { fastInkOutput } = await import('../dist/tui/terminal/ink-output.js');
await fastInkOutput();

const cpuMs = (c) => (c.user + c.system) / 1000;

/** CPU ms of the engine and of the frames, per window of `window` refreshes, from a cold start. */
export async function monitorCost(refreshes = 120, cols = 120, rows = 40, window = 30, profile = 'lab', paceMs = 0) {
  const engine = new Engine(loadProfileArg(profile));
  let engineMs = 0;
  const timed = {
    advance(ms) {
      const c0 = process.cpuUsage();
      engine.advance(ms);
      engineMs += cpuMs(process.cpuUsage(c0));
    },
    sample() {
      const c0 = process.cpuUsage();
      const s = engine.sample();
      engineMs += cpuMs(process.cpuUsage(c0));
      return s;
    },
  };
  const clock = new MonitorClock(timed, { start() {}, stop() {} }, { delayS: 1, speed: 1 });
  const stdout = new FakeStdout(cols, rows);
  const output = cellOutput(stdout);
  const ink = render(createElement(App, { clock, profileName: profile, color: true, marker: false }), {
    stdout: output.stream, stdin: new FakeStdin(), incrementalRendering: false, patchConsole: false,
    exitOnCtrlC: false, maxFps: 0,
  });
  const windows = [];
  let w = { engineMs: 0, totalMs: 0 };
  for (let i = 1; i <= refreshes; i++) {
    // paced as the monitor is (one refresh a second), V8 compiles and collects as it would live
    if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
    engineMs = 0;
    const c0 = process.cpuUsage();
    clock.tick();
    await new Promise((resolve) => setImmediate(resolve));
    const total = cpuMs(process.cpuUsage(c0));
    w.totalMs += total;
    w.engineMs += engineMs;
    (w.frames ??= []).push(total - engineMs);
    if (i % window === 0) {
      const sorted = [...w.frames].sort((a, b) => a - b);
      windows.push({ engineMs: w.engineMs, totalMs: w.totalMs, frameMs: w.totalMs - w.engineMs, frameP50: sorted[Math.floor(sorted.length / 2)], refreshes: window });
      w = { engineMs: 0, totalMs: 0 };
    }
  }
  ink.unmount();
  output.dispose();
  return windows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const [n = 120, cols = 120, rows = 40] = args.filter((a) => a !== '--json').map(Number);
  if (args.includes('--json')) {
    console.log(JSON.stringify(await monitorCost(n, cols, rows, 60)));
    process.exit(0);
  }
  const windows = await monitorCost(n, cols, rows);
  windows.forEach((x, i) => {
    console.log(`refreshes ${i * x.refreshes + 1}-${(i + 1) * x.refreshes}: engine ${(x.engineMs / x.refreshes).toFixed(2)} ms, frame ${(x.frameMs / x.refreshes).toFixed(2)} ms (p50 ${x.frameP50.toFixed(2)}) per refresh`
      + ` (= ${(x.totalMs / x.refreshes / 10).toFixed(2)}% of a core at -d 1)`);
  });
}
