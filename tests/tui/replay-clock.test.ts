// The clock in its replay and recording roles: recorded instants instead of the delay, a step
// while paused, the end of a recording, every sample reported, commands refused while replaying.

import { expect, test } from 'vitest';
import { MonitorClock, REPLAY_ENDED } from '../../src/tui/clock.js';
import { lab, ManualTicker, ScriptedEngine } from './fixtures.js';
import { KEY, renderTui, statusLine } from './render-tui.js';

const load = { action: 'load', target: 'alpha', cpu: 1, forMs: 1000 } as const;

test('a replay advances to the recorded instants, whatever the delay, then ends paused', () => {
  const engine = new ScriptedEngine([lab(0), lab(2), lab(5), lab(6)]);
  const ticker = new ManualTicker();
  const clock = new MonitorClock(engine, ticker, { delayS: 2, speed: 1, mode: 'replay', schedule: [2000, 5000, 6000] });
  expect(clock.replaying).toBe(true);
  clock.start();
  expect(ticker.periodMs).toBe(2000);
  ticker.fire();
  expect(ticker.periodMs).toBe(3000); // the gap to the next recorded sample
  expect(clock.togglePause()).toBe(true);
  expect(clock.step()).toBe(true);
  expect(engine.advanced).toEqual([2000, 3000]);
  expect(clock.togglePause()).toBe(false);
  ticker.fire();
  expect(engine.advanced).toEqual([2000, 3000, 1000]);
  const end = clock.store.get();
  expect(end.ended).toBe(true);
  expect(end.paused).toBe(true);
  expect(ticker.running).toBe(false);
  expect(clock.togglePause()).toBe(true);
  expect(clock.step()).toBe(false);
  expect(clock.submit(load)).toBe(false);
});

test('at a replay\'s end the title says REPLAY END alone and the status line says so, not a stale "resumed"', async () => {
  const tui = await renderTui({ snapshots: [lab(0), lab(2), lab(4)], replay: [2000, 4000] });
  await tui.press(KEY.space, KEY.space);
  expect(statusLine(tui)).toBe('resumed');
  expect(tui.lines()[0]).toMatch(/ REPLAY /);
  await tui.tick(2);
  expect(tui.lines()[0]).toMatch(/ REPLAY END /);
  expect(tui.lines()[0]).not.toMatch(/PAUSED/);
  expect(statusLine(tui)).toBe(REPLAY_ENDED);
  // space there has nothing to resume
  await tui.press('m', KEY.space);
  expect(statusLine(tui)).toBe(REPLAY_ENDED);
  await tui.unmount();
});

test('live: a step only while paused, every sample reported, commands reach the engine', () => {
  const engine = Object.assign(new ScriptedEngine([lab(0), lab(2), lab(4)]), { submitted: [] as unknown[] });
  const submitting = Object.assign(engine, { submit: (c: unknown) => { engine.submitted.push(c); } });
  const seen: number[] = [];
  const clock = new MonitorClock(submitting, new ManualTicker(), { delayS: 2, speed: 1, onSample: (t) => seen.push(t) });
  clock.start();
  expect(clock.replaying).toBe(false);
  expect(clock.step()).toBe(false);
  clock.tick();
  clock.togglePause();
  expect(clock.step()).toBe(true);
  expect(seen).toEqual([2000, 4000]);
  expect(clock.submit(load)).toBe(true);
  expect(engine.submitted).toEqual([load]);
});

test('the speed limit can be raised for a fast demo, and the caption is published', () => {
  const clock = new MonitorClock(new ScriptedEngine([lab(0)]), new ManualTicker(), { delayS: 4, speed: 400, mode: 'demo', maxSpeed: 1000 });
  expect(clock.speed).toBe(400);
  clock.setCaption('look here');
  expect(clock.store.get().caption).toBe('look here');
  expect(clock.store.get().mode).toBe('demo');
});

test('a schedule still growing (a capture read while it plays) waits at its end for the next sample instead of ending', () => {
  const engine = new ScriptedEngine([lab(0), lab(2), lab(4), lab(6)]);
  const ticker = new ManualTicker();
  const schedule = [2000];
  let complete = false;
  const clock = new MonitorClock(engine, ticker, { delayS: 2, speed: 1, mode: 'replay', schedule, scheduleComplete: () => complete, capture: 'host.csv' });
  expect(clock.capture).toBe('host.csv');
  clock.start();
  ticker.fire();
  expect(engine.advanced).toEqual([2000]);
  // the reader lags: the played sample was the last one read, and the file is not finished
  expect(clock.store.get().ended).toBe(false);
  ticker.fire();
  expect(engine.advanced).toEqual([2000]);
  expect(clock.store.get().ended).toBe(false);
  expect(ticker.running).toBe(true);
  // the reader catches up: playback goes on from where it waited
  schedule.push(4000, 6000);
  ticker.fire();
  ticker.fire();
  expect(engine.advanced).toEqual([2000, 2000, 2000]);
  expect(clock.store.get().ended).toBe(false);
  complete = true;
  ticker.fire();
  expect(clock.store.get().ended).toBe(true);
  expect(ticker.running).toBe(false);
});
