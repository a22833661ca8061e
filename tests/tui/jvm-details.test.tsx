// Enter on a VM that runs a JVM (the built-in jvm profile): the details call it a process VM inside
// the guest, draw its heap in use as the third sparkline (the collector's saw-tooth) and list its
// heap, collections, pauses and JIT warm-up from the engine's sample.
import { afterEach, expect, test } from 'vitest';
import { builtinEngine } from './engine-snapshots.js';
import { KEY, renderTui, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

test('Enter on shop: the JVM as a process VM, its heap\'s saw-tooth and the JIT warm-up', async () => {
  tui = await renderTui({ sim: builtinEngine('jvm'), size: { columns: 120, rows: 50 } });
  // 50 s at the 2 s refresh: two collections (at 18.8 s and 38.8 s) in the history
  await tui.tick(25);
  await tui.press('N', KEY.home, KEY.down, KEY.enter);
  const frame = tui.frame();
  const shop = tui.clock.store.get().snapshot.vms.find((v) => v.name === 'shop')!;
  const j = shop.jvm!;
  expect(frame).toContain('VM shop on esx-j, a JVM (process VM) inside');
  expect(frame).toContain('Process VM: a JVM in the guest');
  const spark = tui.lines().find((l) => l.startsWith('heap used MiB'))!;
  expect(spark).toContain(j.HEAPUSED.toFixed(2));
  // 25 samples: the heap fell twice (collections at 18.8 and 38.8 s): two drops in the bars
  const bars = [...spark.replace(/^heap used MiB +[\d.]+ /, '').split('  max')[0]];
  const drops = bars.filter((b, i) => i > 0 && '▁▂▃▄▅▆▇█'.indexOf(b) < '▁▂▃▄▅▆▇█'.indexOf(bars[i - 1]) - 2).length;
  expect(drops).toBe(2);
  expect(frame).toMatch(new RegExp(`heap +2048 MiB +heap used +${j.HEAPUSED.toFixed(0)} MiB`));
  expect(frame).toMatch(new RegExp(`JIT warm-up +\\+${j['%JIT'].toFixed(0)} % CPU`));
  expect(j['%JIT']).toBeGreaterThan(50);
});
