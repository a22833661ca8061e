// Reading a recording back. Anything wrong — a truncated file, a corrupt line, a newer version,
// a profile that no longer validates — is refused with the line and the reason: a replay either
// plays the whole run or nothing.

import { COMMAND_FIELDS, COMMAND_NAMES, COMMAND_SPECS, type Command, type CommandName } from '../profile/commands.js';
import type { Profile, TimedCommand } from '../profile/types.js';
import { formatProfileError, loadProfileText } from '../profile/index.js';
import { MAGIC, SEED_MAX, VERSION, type Recording } from './format.js';

export interface RecordingError {
  line: number;
  message: string;
}

export type ParsedRecording =
  | { ok: true; recording: Recording; profile: Profile }
  | { ok: false; error: RecordingError };

class Bad extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

const INT = /^(0|[1-9]\d{0,15})$/;

function int(word: string | undefined, line: number, what: string): number {
  if (word === undefined || !INT.test(word)) throw new Bad(line, `expected ${what} (a whole number), got ${word === undefined ? 'nothing' : JSON.stringify(word)}`);
  return Number(word);
}

/** A command as the engine expects it, or a reason why not. */
export function checkCommand(x: unknown): Command | string {
  let why = '';
  return isCommand(x, (reason) => { why = reason; }) ? x : why;
}

/**
 * Whether `x` is a command by the command table: a known action, a target, no field the action
 * does not carry, every field it requires, and each field's value as the field's rule says. The
 * compiler holds the table to the `Command` union, so passing these checks makes `x` one.
 */
function isCommand(x: unknown, refuse: (why: string) => void): x is Command {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return no(refuse, 'expected a command object');
  const c = x as Record<string, unknown>;
  if (!isAction(c.action)) return no(refuse, `unknown action ${JSON.stringify(c.action)}`);
  if (typeof c.target !== 'string' || c.target === '') return no(refuse, 'expected a target name');
  const spec = COMMAND_SPECS[c.action];
  const allowed = new Set<string>(['action', 'target', ...spec.fields]);
  const extra = Object.keys(c).find((k) => !allowed.has(k));
  if (extra) return no(refuse, `unexpected field "${extra}" in a ${c.action} command`);
  const required: readonly string[] = spec.required;
  for (const field of spec.fields) {
    const rule = COMMAND_FIELDS[field];
    if (c[field] === undefined ? required.includes(field) : !rule.valid(c[field])) return no(refuse, `${c.action}: ${rule.must}`);
  }
  return true;
}

const isAction = (x: unknown): x is CommandName => typeof x === 'string' && (COMMAND_NAMES as readonly string[]).includes(x);

function no(refuse: (why: string) => void, why: string): false {
  refuse(why);
  return false;
}

export function parseRecording(text: string, file: string): ParsedRecording {
  try {
    return parse(text, file);
  } catch (err) {
    if (!(err instanceof Bad)) throw err;
    const cut = cutShort(text, err.line);
    return { ok: false, error: cut ?? { line: err.line, message: err.message } };
  }
}

/**
 * A file cut mid-line (a full disk, a copy interrupted) fails on its last line for whatever the
 * cut left there (a sample at 12 ms "going backwards", half a JSON): that is not the reason.
 * Every line vmtop writes ends with a newline, so a last line without one was cut short.
 */
function cutShort(text: string, line: number): RecordingError | undefined {
  if (text === '' || text.endsWith('\n') || line < 2) return undefined;
  // the cut line may still read as one (`sample 12000` cut to `sample 1200`): then the end is missing
  const lines = text.split('\n').length;
  if (line !== lines && line !== lines + 1) return undefined;
  return { line: lines, message: `the recording is truncated: line ${lines} is cut short, and there is no end line` };
}

function parse(text: string, file: string): ParsedRecording {
  if (text.includes('\u0000')) throw new Bad(1, 'this is not a vmtop recording (binary data)');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const [magic, version, ...extra] = (lines[0] ?? '').split(' ');
  if (magic !== MAGIC) throw new Bad(1, `this is not a vmtop recording (expected the first line "${MAGIC} ${VERSION}")`);
  const v = int(version, 1, 'a format version');
  if (v > VERSION) throw new Bad(1, `recorded by a newer vmtop (format ${v}; this vmtop reads format ${VERSION})`);
  if (v < 1) throw new Bad(1, `unknown format version ${v}`);
  if (extra.length) throw new Bad(1, `unexpected words after "${MAGIC} ${version}": ${JSON.stringify(extra.join(' ').slice(0, 40))}`);

  const profileLine = lines[1] ?? '';
  if (!profileLine.startsWith('profile ')) throw new Bad(2, 'expected the embedded profile: profile "<yaml>"');
  let profileText: unknown;
  try {
    profileText = JSON.parse(profileLine.slice('profile '.length));
  } catch {
    throw new Bad(2, 'the embedded profile is not a valid JSON string');
  }
  if (typeof profileText !== 'string') throw new Bad(2, 'the embedded profile must be a JSON string');
  const loaded = loadProfileText(profileText, `${file} (embedded profile)`);
  if (!loaded.ok) {
    throw new Bad(2, `the embedded profile no longer validates:\n  ${loaded.errors.map(formatProfileError).join('\n  ')}`);
  }

  const [seedWord, seedValue, ...restSeed] = (lines[2] ?? '').split(' ');
  if (seedWord !== 'seed' || restSeed.length) throw new Bad(3, 'expected "seed N"');
  const seed = int(seedValue, 3, 'the seed');
  // the seeds the engine and --seed take: a larger one was never written by vmtop
  if (seed > SEED_MAX) throw new Bad(3, `the seed ${seedValue} is out of range (0..${SEED_MAX})`);

  const commands: TimedCommand[] = [];
  const samples: number[] = [];
  let last = 0;
  for (let i = 3; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[i];
    const sp = line.indexOf(' ');
    const kind = sp < 0 ? line : line.slice(0, sp);
    if (kind === 'end') {
      const [, endWord, cmdWord, sampleWord, ...more] = line.split(' ');
      if (more.length) throw new Bad(n, 'expected "end MS COMMANDS SAMPLES"');
      const endMs = int(endWord, n, 'the end time in ms');
      if (int(cmdWord, n, 'the number of commands') !== commands.length) throw new Bad(n, `the end line counts ${cmdWord} commands but the file has ${commands.length}`);
      if (int(sampleWord, n, 'the number of samples') !== samples.length) throw new Bad(n, `the end line counts ${sampleWord} samples but the file has ${samples.length}`);
      if (endMs < last) throw new Bad(n, `the end time ${endMs} ms is before the last entry (${last} ms)`);
      if (i !== lines.length - 1) throw new Bad(n + 1, 'unexpected lines after the end line');
      return { ok: true, profile: loaded.profile, recording: { profileText, seed, commands, samples, endMs } };
    }
    if (kind !== 'cmd' && kind !== 'sample') throw new Bad(n, `expected a "cmd", "sample" or "end" line, got ${JSON.stringify(line.slice(0, 40))}`);
    const rest = line.slice(sp + 1);
    const sp2 = kind === 'cmd' ? rest.indexOf(' ') : rest.length;
    const t = int(sp2 < 0 ? rest : rest.slice(0, sp2), n, 'a time in ms');
    if (t < last) throw new Bad(n, `time goes backwards (${t} ms after ${last} ms)`);
    if (kind === 'sample') {
      if (samples.length && t === samples.at(-1)) throw new Bad(n, `two samples at ${t} ms`);
      samples.push(t);
    } else {
      let json: unknown;
      try {
        json = JSON.parse(rest.slice(sp2 + 1));
      } catch {
        throw new Bad(n, 'the command is not valid JSON');
      }
      const command = checkCommand(json);
      if (typeof command === 'string') throw new Bad(n, command);
      commands.push({ atMs: t, command });
    }
    last = t;
  }
  throw new Bad(lines.length + 1, 'the recording is truncated (no end line)');
}
