// Plays a demo's steps against the monitor's clock: when the simulation reaches a step's time,
// its caption shows and its panel, host, sort and row are cued to the App as if typed. At the
// end the picture holds for a moment and the monitor ends by itself.

import type { MonitorClock } from '../tui/clock.js';
import { NO_CUE, type ScriptCue } from '../tui/script.js';
import { createStore, type Store } from '../tui/store.js';
import type { Demo, DemoStep } from './types.js';

/** How long the last picture stays, wall ms (less when a fast demo's refresh is shorter). */
const HOLD_MS = 2000;
/**
 * But at least this long: a demo run fast (tests use --speed 400) otherwise showed its last
 * picture for a few ms, and once frames got cheaper the e2e test often missed the last caption.
 */
const MIN_HOLD_MS = 250;

export function stepKeys(step: DemoStep): string[] {
  return [...(step.panel ? [step.panel] : []), ...(step.sort ? [step.sort] : []), ...(step.keys ?? [])];
}

export function demoDirector(demo: Demo) {
  return (clock: MonitorClock, end: () => void): Store<ScriptCue> => {
    const steps = [...demo.steps].sort((a, b) => a.at - b.at);
    const cues = createStore<ScriptCue>(NO_CUE);
    let next = 0;
    let seen = -1;
    let ending = false;

    const reach = (tMs: number) => {
      const keys: string[] = [];
      let host: string | undefined;
      let select: string | undefined;
      let caption: string | undefined;
      while (next < steps.length && steps[next].at * 1000 <= tMs) {
        const step = steps[next++];
        keys.push(...stepKeys(step));
        host = step.host ?? host;
        select = step.select ?? select;
        caption = step.caption ?? caption;
      }
      if (caption !== undefined) clock.setCaption(caption);
      if (keys.length || host || select) cues.set({ seq: cues.get().seq + 1, keys, host, select });
    };

    const onSample = () => {
      const t = clock.timeMs;
      if (t === seen) return;
      seen = t;
      reach(t);
      if (!ending && t >= demo.endS * 1000) {
        ending = true;
        clock.stop();
        const view = clock.store.get();
        setTimeout(end, Math.max(MIN_HOLD_MS, Math.min(HOLD_MS, (view.delayS * 1000) / view.speed)));
      }
    };
    clock.store.subscribe(onSample);
    onSample();
    return cues;
  };
}
