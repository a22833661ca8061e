// The clock: one advance of `delay` per `delay / speed` wall seconds, one store update per sample,
// nothing while paused.

import { expect, test } from 'vitest';
import { MonitorClock } from '../../src/tui/clock.js';
import { lab, ManualTicker, ScriptedEngine } from './fixtures.js';

function setup(delayS = 2, speed = 1) {
  const engine = new ScriptedEngine([lab(0), lab(2), lab(4)]);
  const ticker = new ManualTicker();
  const clock = new MonitorClock(engine, ticker, { delayS, speed });
  return { engine, ticker, clock };
}

test('each tick advances one delay, samples, and publishes once', () => {
  const { engine, ticker, clock } = setup(2, 1);
  let published = 0;
  clock.store.subscribe(() => published++);
  expect(ticker.running).toBe(false);
  clock.start();
  expect(ticker.periodMs).toBe(2000);
  ticker.fire();
  expect(engine.advanced).toEqual([2000]);
  expect(clock.store.get().snapshot.t).toBe(2);
  expect(published).toBe(1);
});

test('speed changes the wall period, not the simulated step', () => {
  const { engine, ticker, clock } = setup(2, 1);
  clock.start();
  expect(clock.scaleSpeed(4)).toBe(4);
  expect(ticker.periodMs).toBe(500);
  ticker.fire();
  expect(engine.advanced).toEqual([2000]);
});

test('past the 10 fps floor each tick covers more simulated time, so the speed stays true', () => {
  const { engine, ticker, clock } = setup(1, 64);
  clock.start();
  expect(ticker.periodMs).toBe(100);
  ticker.fire();
  expect(engine.advanced).toEqual([6400]);
});

test('pause stops the ticker and ignores a late tick; resume restarts it', () => {
  const { engine, ticker, clock } = setup();
  clock.start();
  expect(clock.togglePause()).toBe(true);
  expect(ticker.running).toBe(false);
  clock.tick();
  expect(engine.advanced).toEqual([]);
  expect(clock.togglePause()).toBe(false);
  expect(ticker.periodMs).toBe(2000);
});

test('speed is clamped to x0.25..x64 and the delay re-schedules the ticker', () => {
  const { ticker, clock } = setup(2, 100);
  expect(clock.speed).toBe(64);
  expect(clock.scaleSpeed(1 / 1024)).toBe(0.25);
  clock.start();
  clock.setDelay(5);
  expect(ticker.periodMs).toBe(20000);
  clock.stop();
  expect(ticker.running).toBe(false);
});

test('the event history survives quiet samples', () => {
  const noisy = lab(2);
  noisy.events = [{ t: 2, kind: 'hold', target: 'vs1', detail: '' }];
  const engine = new ScriptedEngine([lab(0), noisy, lab(4)]);
  const clock = new MonitorClock(engine, new ManualTicker(), { delayS: 2, speed: 1 });
  clock.start();
  clock.tick();
  clock.tick();
  expect(clock.store.get().events.map((e) => e.kind)).toEqual(['hold']);
});
