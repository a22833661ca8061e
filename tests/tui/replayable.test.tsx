// Every command the monitor can send is replayable: random key presses on the real built-in labs
// (dialogs typed into, confirmed, cancelled, on whatever row the keys select) give an engine log
// that, written as a recording, parses and re-runs to the very samples the monitor took.

import fc from 'fast-check';
import { afterAll, afterEach, expect, test } from 'vitest';
import { loadProfileSource } from '../../src/cli/load-profile.js';
import { Engine } from '../../src/engine/engine.js';
import { jsonlLine } from '../../src/output/jsonl.js';
import { formatRecording } from '../../src/record/format.js';
import { parseRecording } from '../../src/record/parse.js';
import { KEY, renderTui, type Tui } from './render-tui.js';

let tui: Tui | undefined;
afterEach(async () => {
  await tui?.unmount();
  tui = undefined;
});

/** What a user does: panels, hosts, rows, every action key, and what dialogs take. */
const KEYS = [
  'c', 'm', 'g', 'o', 'e', KEY.tab, KEY.down, KEY.down, KEY.up,
  'A', 'H', 'Z', 'X', 'P', 'S', 'B', 'G', 'D',
  '0', '1', '2', '5', '9', KEY.backspace, KEY.enter, KEY.enter, 'y', 'y', 'n', KEY.esc,
] as const;
const TICK = 'tick';

const TYPES_SENT = new Set<string>();

async function replayable(profileName: string, keys: readonly string[]): Promise<void> {
  const { profile, text } = loadProfileSource(profileName);
  const engine = new Engine(profile);
  const taken: { t: number; line: string }[] = [];
  const submit = engine.submit.bind(engine);
  engine.submit = (c) => {
    TYPES_SENT.add(c.action === 'load' && c.cpu * (c.threads ?? 1) > 1 ? 'load above one vCPU' : c.action);
    submit(c);
  };
  const sample = engine.sample.bind(engine);
  engine.sample = () => {
    const s = sample();
    taken.push({ t: engine.timeMs, line: jsonlLine(s) });
    return s;
  };
  tui = await renderTui({ sim: engine, size: { columns: 120, rows: 40 } });
  for (const k of keys) {
    if (k === TICK) await tui.tick();
    else await tui.press(k);
  }
  await tui.tick();
  await tui.unmount();
  tui = undefined;

  const samples = taken.slice(1).map((x) => x.t);
  const file = formatRecording({ profileText: text, seed: engine.seed, commands: [...engine.applied], samples, endMs: engine.timeMs });
  const parsed = parseRecording(file, 'fuzz.vmtrec');
  if (!parsed.ok) throw new Error(`line ${parsed.error.line}: ${parsed.error.message}\n${file.split('\n')[parsed.error.line - 1]}`);
  const again = new Engine(parsed.profile, { seed: parsed.recording.seed, timeline: parsed.recording.commands });
  again.sample(); // the monitor's first frame, at 0 s
  for (const { t, line } of taken.slice(1)) {
    again.advance(t - again.timeMs);
    expect(jsonlLine(again.sample()), `the sample at ${t} ms`).toBe(line);
  }
}

const clear = [KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace];
/** Gestures a person makes: a load typed whole (in range or not), an action confirmed, a host picked. */
const gesture = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KEYS).map((k) => [k]) },
  { weight: 1, arbitrary: fc.constant([TICK]) },
  { weight: 2, arbitrary: fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 400 }) }, fc.integer({ min: 0, max: 1700 })),
    fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 600 }) }, fc.integer({ min: 0, max: 4000 })))
    .map(([cpu, secs]) => ['A', ...clear, ...String(cpu), KEY.tab, ...clear, ...String(secs), KEY.enter, KEY.esc]) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('c', 'g', 'o'), fc.nat(3), fc.nat(6), fc.constantFrom('Z', 'X', 'P', 'S', 'B', 'G'))
    .map(([panel, tabs, down, k]) => [panel, ...Array<string>(tabs).fill(KEY.tab), ...Array<string>(down).fill(KEY.down), k, 'y']) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('H', 'D'), fc.nat(4), fc.boolean())
    .map(([k, down, tab]) => [k, ...(tab ? [KEY.tab] : []), ...Array<string>(down).fill(KEY.down), KEY.enter, KEY.enter, KEY.esc]) },
);
const keySequence = fc.array(gesture, { minLength: 4, maxLength: 20 }).map((g) => g.flat());

test.each(['lab', 'migration', 'containers'])('keys pressed on %s give a recording that parses and replays to the same samples', async (name) => {
  await fc.assert(fc.asyncProperty(keySequence, (keys) => replayable(name, keys)), { numRuns: 10, seed: 20 });
});

afterAll(() => {
  // the runs above typed into the dialogs, not only switched panels: a fuzz that sends nothing proves nothing
  for (const action of ['load', 'load above one vCPU', 'migrate', 'fail', 'freeze']) expect([...TYPES_SENT], action).toContain(action);
});
