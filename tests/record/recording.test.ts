import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { jsonlLine } from '../../src/output/jsonl.js';
import { formatRecording } from '../../src/record/format.js';
import { parseRecording } from '../../src/record/parse.js';
import { loadProfileText } from '../../src/profile/index.js';
import { vmtop } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();

const PROFILE_TEXT = readFileSync(new URL('../fixtures/golden-cpu.yaml', import.meta.url), 'utf8');
const loaded = loadProfileText(PROFILE_TEXT, 'golden-cpu.yaml');
if (!loaded.ok) throw new Error('fixture does not load');
const profile = loaded.profile;

/** A live run: samples every 2 s, and "keys" pressed between samples. */
function liveRun() {
  const e = new Engine(profile);
  const samples: number[] = [];
  const out: string[] = [];
  for (let i = 1; i <= 15; i++) {
    e.advance(2000);
    out.push(jsonlLine(e.sample()));
    samples.push(e.timeMs);
    if (i === 3) e.submit({ action: 'load', target: 'c', cpu: 0.5, forMs: 7000 });
    if (i === 5) e.submit({ action: 'load', target: 'd', cpu: 1, threads: 2, forMs: 4000, activeMiB: 100 });
    if (i === 6) e.submit({ action: 'freeze', target: 'nope' });
  }
  const text = formatRecording({ profileText: PROFILE_TEXT, seed: e.seed, commands: e.applied, samples, endMs: e.timeMs });
  return { out, text };
}

function replay(text: string): string[] {
  const p = parseRecording(text, 'r.vmtrec');
  if (!p.ok) throw new Error(p.error.message);
  const e = new Engine(p.profile, { seed: p.recording.seed, timeline: p.recording.commands });
  return p.recording.samples.map((t) => { e.advance(t - e.timeMs); return jsonlLine(e.sample()); });
}

describe('recordings', () => {
  it('a run with keys pressed replays to identical samples', () => {
    const { out, text } = liveRun();
    expect(text.split('\n').filter((l) => l.startsWith('cmd '))).toHaveLength(5); // 2 timeline + 3 keys
    expect(replay(text)).toEqual(out);
  });

  it('a fail_site sent live is recorded and replays to the same recovery (its events, the data each VM lost)', () => {
    const text = readFileSync(new URL('../../profiles/site-recovery.yaml', import.meta.url), 'utf8').replace(/\nevents:\n.*\n/, '\n');
    const r = loadProfileText(text, 'site-recovery.yaml');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const e = new Engine(r.profile);
    const samples: number[] = [];
    const out: string[] = [];
    for (let i = 1; i <= 30; i++) {
      e.advance(10_000);
      out.push(jsonlLine(e.sample()));
      samples.push(e.timeMs);
      if (i === 20) e.submit({ action: 'fail_site', target: 'dc1' });
    }
    const recorded = formatRecording({ profileText: text, seed: e.seed, commands: e.applied, samples, endMs: e.timeMs });
    expect(recorded).toContain('"action":"fail_site","target":"dc1"');
    const again = replay(recorded);
    expect(again).toEqual(out);
    expect(again.join('\n')).toMatch(/"kind":"srm-recovered","target":"db","detail":"powered on at dr-\d \(priority 1\): \d+ s of data lost/);
  });

  it('refuses a recording truncated at any line, with the line and the reason', () => {
    const { text } = liveRun();
    const lines = text.split('\n');
    for (let n = 0; n < lines.length - 1; n++) {
      const cut = lines.slice(0, n).join('\n') + (n ? '\n' : '');
      const p = parseRecording(cut, 'r.vmtrec');
      expect(p.ok, `truncated to ${n} lines`).toBe(false);
      if (!p.ok) {
        expect(p.error.line).toBeGreaterThanOrEqual(1);
        expect(p.error.message.length).toBeGreaterThan(5);
      }
    }
  });

  it('a recording cut in the middle of any line after the first says it is truncated, at that line', () => {
    const { text } = liveRun();
    const first = text.indexOf('\n') + 1;
    const ends = new Set([...text.matchAll(/\n/g)].map((m) => m.index + 1));
    // every cut after the profile line, and every 97th inside it (it is long)
    const profileEnd = text.indexOf('\n', first) + 1;
    // (only the last newline missing is a whole recording: accepted)
    expect(parseRecording(text.slice(0, -1), 'r.vmtrec').ok).toBe(true);
    for (let at = first + 1; at < text.length - 1; at += at < profileEnd ? 97 : 1) {
      if (ends.has(at)) continue;
      const p = parseRecording(text.slice(0, at), 'r.vmtrec');
      const line = text.slice(0, at).split('\n').length;
      expect(p.ok ? 'accepted' : `${p.error.line}: ${p.error.message}`, `cut at ${at}`)
        .toBe(`${line}: the recording is truncated: line ${line} is cut short, and there is no end line`);
    }
  });

  it('refuses random bytes and random edits without throwing', () => {
    const { text } = liveRun();
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const p = parseRecording(Buffer.from(bytes).toString('utf8'), 'x');
      expect(p.ok).toBe(false);
    }), { numRuns: 300 });
    fc.assert(fc.property(fc.nat(text.length - 1), fc.string({ maxLength: 3 }), (at, junk) => {
      const edited = text.slice(0, at) + junk + text.slice(at + 1);
      const p = parseRecording(edited, 'x'); // either still a valid recording or refused: never a throw
      if (!p.ok) expect(p.error.line).toBeGreaterThanOrEqual(1);
    }), { numRuns: 300 });
  });

  it('refuses a newer format, a bad command and counts that do not match', () => {
    const { text } = liveRun();
    const bad = (t: string) => { const p = parseRecording(t, 'x'); return p.ok ? '' : `${p.error.line}: ${p.error.message}`; };
    expect(bad(text.replace('vmtop-recording 1', 'vmtop-recording 7'))).toMatch(/^1: recorded by a newer vmtop \(format 7/);
    expect(bad(text.replace('"action":"load","target":"c"', '"action":"explode","target":"c"'))).toMatch(/unknown action "explode"/);
    expect(bad(text.replace(/end (\d+) 5 15/, 'end $1 4 15'))).toMatch(/counts 4 commands but the file has 5/);
    expect(bad(text.replace('sample 4000', 'sample 1000'))).toMatch(/time goes backwards/);
  });

  it('refuses words after the header and a seed no vmtop writes (beyond 32 bits)', () => {
    const { text } = liveRun();
    const bad = (t: string) => { const p = parseRecording(t, 'x'); return p.ok ? '' : `${p.error.line}: ${p.error.message}`; };
    expect(bad(text.replace('vmtop-recording 1\n', 'vmtop-recording 1 extra\n'))).toBe('1: unexpected words after "vmtop-recording 1": "extra"');
    const seeded = (seed: string) => text.replace(/^seed \d+$/m, `seed ${seed}`);
    expect(bad(seeded('4294967296'))).toBe('3: the seed 4294967296 is out of range (0..4294967295)');
    expect(bad(seeded('9999999999999999'))).toMatch(/^3: the seed 9999999999999999 is out of range/);
    expect(bad(seeded('4294967295'))).toBe('');
  });
});

describe('vmtop batch --record / --replay', () => {
  it('replays byte for byte, in JSONL and in CSV', () => {
    const rec = join(dir, 'rec.vmtrec');
    const a = vmtop(['batch', 'tests/fixtures/golden-cpu.yaml', '-d', '3', '-n', '12', '--record', rec]);
    expect(a.code).toBe(0);
    expect(vmtop(['batch', '--replay', rec]).stdout).toBe(a.stdout);
    const c = vmtop(['batch', 'tests/fixtures/golden-cpu.yaml', '-d', '3', '-n', '12', '--format', 'csv', '--host', 'h2']);
    expect(c.stdout.split('\n')).toHaveLength(14);
    expect(vmtop(['batch', '--replay', rec, '--format', 'csv', '--host', 'h2']).stdout).toBe(c.stdout);
  });

  it('refuses a broken recording with exit 2, the file and line, and no stack trace', () => {
    const rec = join(dir, 'rec-bad.vmtrec');
    vmtop(['batch', 'tests/fixtures/golden-cpu.yaml', '-n', '3', '--record', rec]);
    const text = readFileSync(rec, 'utf8');
    const cut = join(dir, 'rec-cut.vmtrec');
    writeFileSync(cut, text.split('\n').slice(0, 4).join('\n'));
    const r = vmtop(['batch', '--replay', cut]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${cut}:\\d+: the recording is truncated`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(vmtop(['batch', 'lab', '--replay', rec]).stderr).toMatch(/either a PROFILE or --replay/);
  });
});
