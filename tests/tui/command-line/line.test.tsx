// The `:` line in the monitor, against real engines: typing, Tab, a refusal, a command sent; what
// it sends is what the equivalent key's dialog sends; a replay refuses it as the other simulation keys.
import { afterEach, describe, expect, test } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { builtinEngine } from '../engine-snapshots.js';
import { KEY, renderTui, statusLine, type Tui } from '../render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

/** The `:` line: the screen's last line, where the footer is while it is closed. */
const bottom = (t: Tui) => t.lines().at(-1) ?? '';
const type = (t: Tui, text: string) => t.press(...[...text].map((c) => (c === ' ' ? KEY.space : c)));

async function monitor(profile: string, columns = 120): Promise<{ t: Tui; engine: Engine }> {
  const engine = builtinEngine(profile);
  tui = await renderTui({ sim: engine, size: { columns, rows: 30 } });
  return { t: tui, engine };
}

describe('typing and completing', () => {
  test(': opens the line at the bottom; the status line says what it expects as the words go', async () => {
    const { t } = await monitor('lab');
    await t.press(':');
    expect(bottom(t)).toBe(':_');
    expect(statusLine(t)).toMatch(/^an action: load migrate relocate freeze thaw fail /);
    await type(t, 'migrate ');
    expect(bottom(t)).toBe(':migrate _');
    expect(statusLine(t)).toMatch(/^the VM to migrate: web-1 web-2 web-3 db /);
    await type(t, 'web-1 ');
    expect(statusLine(t)).toBe('migrate takes to=; Enter runs  (Tab completes, Esc cancels)');
    await type(t, 'to=');
    expect(statusLine(t)).toMatch(/^to: a host \(esx-a esx-b esx-old laptop xen-1 lx-1 vs-1\)/);
  });

  test('Tab completes the action, the target, the key and the host; several candidates are listed', async () => {
    const { t } = await monitor('lab');
    await t.press(':', 'm', 'i', KEY.tab);
    expect(bottom(t)).toBe(':migrate _');
    await t.press('w', KEY.tab);
    expect(bottom(t)).toBe(':migrate web-_');
    expect(statusLine(t)).toBe('web-1  web-2  web-3');
    await t.press('2', KEY.tab, KEY.tab);
    expect(bottom(t)).toBe(':migrate web-2 to=_');
    await t.press('e', 's', 'x', '-', 'o', KEY.tab);
    expect(bottom(t)).toBe(':migrate web-2 to=esx-old _');
    // nothing to complete: says so, and what is expected
    await t.press(KEY.tab);
    expect(statusLine(t)).toBe('nothing to complete here: migrate takes to=; Enter runs');
  });

  test('Backspace and Ctrl-U edit, Ctrl-W deletes a word, Backspace on an empty line and Esc close it', async () => {
    const { t, engine } = await monitor('lab');
    await type(t, ':freeze api');
    await t.press('\u0017'); // Ctrl-W
    expect(bottom(t)).toBe(':freeze _');
    await t.press(KEY.backspace);
    expect(bottom(t)).toBe(':freeze_');
    await t.press('\u0015'); // Ctrl-U
    expect(bottom(t)).toBe(':_');
    await t.press(KEY.backspace);
    expect(bottom(t)).toContain('q quit');
    await type(t, ':freeze api');
    await t.press(KEY.esc);
    expect(statusLine(t)).toBe(': cancelled, nothing sent');
    expect(bottom(t)).toContain('q quit');
    expect(engine.applied).toEqual([]);
  });
});

describe('running a command', () => {
  test('a mistake is refused with the profile loader\'s message; the line stays to fix, nothing is sent', async () => {
    const { t, engine } = await monitor('lab');
    await type(t, ':migrate web-1 to=esx-z');
    await t.press(KEY.enter);
    expect(statusLine(t)).toMatch(/^to: unknown host "esx-z"; did you mean "esx-a"\? \(hosts: esx-a, esx-b, /);
    expect(bottom(t)).toBe(':migrate web-1 to=esx-z_');
    await t.press('\u0015');
    await type(t, 'load db cpu=180% for=60s');
    await t.press(KEY.enter);
    expect(statusLine(t)).toBe('cpu: expected a percentage 0%..100% (of one pCPU per busy vCPU)');
    await t.press('\u0015');
    await type(t, 'load db cpus=50% for=1m');
    await t.press(KEY.enter);
    expect(statusLine(t)).toBe('cpus: unknown key "cpus"; did you mean "cpu"? (and 1 more)');
    await t.press('\u0015');
    await type(t, 'migrate web-1 esx-b');
    await t.press(KEY.enter);
    expect(statusLine(t)).toBe('esx-b: expected key=value after the target, like to=esx-b or for=60s');
    expect(engine.applied).toEqual([]);
  });

  test('Enter sends the command; its result answers on the status line; ↑ ↓ recall the lines run', async () => {
    const { t, engine } = await monitor('lab');
    await type(t, ':migrate web-1 to=esx-b');
    await t.press(KEY.enter);
    expect(statusLine(t)).toBe(':migrate web-1 to=esx-b sent; the result shows at the next refresh');
    expect(bottom(t)).toContain('q quit');
    expect(engine.applied.at(-1)?.command).toEqual({ action: 'migrate', target: 'web-1', to: 'esx-b' });
    await t.tick();
    expect(statusLine(t)).toMatch(/^\d+s migrate-(start|end) web-1: /);
    await type(t, ':load  db cpu=80%   for=60s');
    await t.press(KEY.enter);
    expect(engine.applied.at(-1)?.command).toEqual({ action: 'load', target: 'db', cpu: 0.8, forMs: 60000 });
    await type(t, ':fr');
    await t.press(KEY.up);
    expect(bottom(t)).toBe(':load db cpu=80% for=60s_');
    await t.press(KEY.up);
    expect(bottom(t)).toBe(':migrate web-1 to=esx-b_');
    await t.press(KEY.up);
    expect(bottom(t)).toBe(':migrate web-1 to=esx-b_');
    await t.press(KEY.down, KEY.down);
    expect(bottom(t)).toBe(':fr_');
  });

  test('a command sends what the equivalent key\'s dialog sends: H, A and Z', async () => {
    const sent = async (profile: string, keys: readonly string[]) => {
      const { t, engine } = await monitor(profile);
      for (const k of keys) await (k.startsWith(':') ? type(t, k) : t.press(k));
      await t.unmount();
      tui = undefined;
      return engine.applied.map((a) => a.command);
    };
    // migration's db, the second by name: H picks esx-b first
    expect(await sent('migration', [':migrate db to=esx-b', KEY.enter])).toEqual(await sent('migration', ['N', KEY.home, KEY.down, 'H', KEY.enter]));
    // A's default: 100 % of one vCPU for 60 s, which the timeline writes as one busy thread at 100 %
    expect(await sent('migration', [':load db cpu=100% threads=1 for=60s', KEY.enter]))
      .toEqual(await sent('migration', ['N', KEY.home, KEY.down, 'A', KEY.enter]));
    // Z on the container the filter leaves last, then y
    const frozen = await sent('containers', [':freeze cache', KEY.enter]);
    expect(frozen).toEqual([{ action: 'freeze', target: 'cache' }]);
    expect(await sent('containers', ['g', '/', ...'cache', KEY.enter, KEY.end, 'Z', 'y'])).toEqual(frozen);
  });

  test('a destructive command needs no y: the typed line is the confirmation', async () => {
    const { t, engine } = await monitor('lab');
    await type(t, ':fail xen-1 partition=Domain-0');
    await t.press(KEY.enter);
    expect(engine.applied.at(-1)?.command).toEqual({ action: 'fail', target: 'xen-1', partition: 'Domain-0' });
    await t.tick();
    expect(statusLine(t)).toMatch(/^\d+s partition-failed xen-1: Domain-0 failed: /);
  });
});

test('a replay refuses : as it refuses the other simulation keys, and opens no line', async () => {
  tui = await renderTui({ replay: [0, 2000, 4000], size: { columns: 140, rows: 30 } });
  await tui.press(':');
  expect(statusLine(tui)).toBe(': commands: not while replaying: a replay shows the recorded run (run the profile live to change it)');
  expect(bottom(tui)).toContain('q quit');
  await tui.press('A');
  expect(statusLine(tui)).toBe('A: not while replaying: a replay shows the recorded run (run the profile live to change it)');
});

test('a monitor with no simulation to command says so', async () => {
  tui = await renderTui();
  await tui.press(':');
  expect(statusLine(tui)).toBe(': commands: this monitor has no simulation to command');
});

test('at 80 columns a long line shows its end, where the typing is', async () => {
  const { t } = await monitor('lab', 80);
  await type(t, ':load db cpu=50% threads=2 for=60s active=512MiB load db cpu=50% threads=2 for=60s');
  expect(bottom(t)).toMatch(/^….*for=60s_$/);
  expect(bottom(t)).toHaveLength(79);
});
