// The `:` command line: the timeline's vocabulary typed at the bottom of the monitor
// (`:migrate web-1 to=esx-b`, `:load db cpu=80% for=60s`, `:freeze api`). The line is read by
// the profile loader's own event reader, against the profile's names, so it takes the
// timeline's field names and units and is refused with the loader's messages; what it sends is
// the command that event would be, recorded as any other. Tab completes, ↑ ↓ recall the lines
// run before, Esc cancels, Enter runs. The key table's simCommand refuses `:` in a replay.

import type { Profile } from '../../profile/types.js';
import { readTypedCommand, type CommandProblem } from '../../profile/typed-command.js';
import { deployReply } from '../dialogs-cluster.js';
import { send } from '../dialogs.js';
import type { KeyEnv } from '../keymap.js';
import { keyLabel } from '../keys.js';
import { say, type UiState } from '../state.js';
import { complete, expected } from './complete.js';
import { readWords } from './words.js';

export interface CommandLineDialog {
  kind: 'command';
  text: string;
  /** the history line on the line (↑ ↓), null: the line being typed */
  recall: number | null;
  /** the line being typed, kept while ↑ shows older ones */
  draft: string;
  /** the status line's say: a refusal, or Tab's candidates; null: what the line expects next */
  note: string | null;
  /** the note is a refusal */
  error: boolean;
}

/** Lines the history keeps (this run's; the oldest leave first). */
export const HISTORY_MAX = 100;
/** Longer than any command the vocabulary makes. */
const LINE_MAX = 200;

const NO_SIMULATION = ': commands: this monitor has no simulation to command';

export function openCommandLine(s: UiState, env: KeyEnv): UiState {
  if (!env.clock.profile?.()) return say(s, NO_SIMULATION);
  return { ...s, message: null, dialog: { kind: 'command', text: '', recall: null, draft: '', note: null, error: false } };
}

/** The first problem, with its field, and how many more there are. */
function refusal(problems: readonly CommandProblem[]): string {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${first.field ? `${first.field}: ` : ''}${first.message}${more}`;
}

function run(s: UiState, d: CommandLineDialog, env: KeyEnv, profile: Profile): UiState {
  const refused = (note: string): UiState => ({ ...s, dialog: { ...d, note, error: true } });
  const words = readWords(d.text);
  if (!words.ok) return d.text.trim() === '' ? { ...s, dialog: null, message: null } : refused(words.message);
  const { action, target, fields, line } = words.words;
  const read = readTypedCommand(profile, action, target, fields);
  if (!read.ok) return refused(refusal(read.problems));
  const history = [...s.commandHistory.filter((h) => h !== line), line].slice(-HISTORY_MAX);
  const command = read.command;
  return send({ ...s, commandHistory: history }, env, command, `:${line} sent`,
    command.action === 'deploy' ? deployReply(command.target) : undefined);
}

function recall(s: UiState, d: CommandLineDialog, step: -1 | 1): UiState {
  const history = s.commandHistory;
  if (history.length === 0) return { ...s, dialog: { ...d, note: 'no command run yet in this session', error: false } };
  const at = (d.recall ?? history.length) + step;
  if (at >= history.length) return { ...s, dialog: { ...d, recall: null, text: d.draft, note: null, error: false } };
  const index = Math.max(0, at);
  return { ...s, dialog: { ...d, recall: index, text: history[index], draft: d.recall === null ? d.text : d.draft, note: null, error: false } };
}

function edit(s: UiState, d: CommandLineDialog, text: string): UiState {
  return { ...s, dialog: { ...d, text: text.slice(0, LINE_MAX), recall: null, note: null, error: false } };
}

/** Keys while the `:` line is open: it takes every one of them. */
export function commandLineKey(s: UiState, d: CommandLineDialog, id: string, env: KeyEnv): UiState {
  const profile = env.clock.profile?.();
  if (!profile) return say({ ...s, dialog: null }, NO_SIMULATION);
  switch (id) {
    case 'esc': return { ...s, dialog: null, message: ': cancelled, nothing sent' };
    case 'enter': return run(s, d, env, profile);
    case 'up': return recall(s, d, -1);
    case 'down': return recall(s, d, 1);
    // as in vi: Backspace on an empty line leaves it
    case 'backspace': return d.text === '' ? { ...s, dialog: null, message: null } : edit(s, d, d.text.slice(0, -1));
    case 'C-u': return edit(s, d, '');
    case 'C-w': return edit(s, d, d.text.replace(/[^ ]* *$/, ''));
    case 'tab': {
      const done = complete(profile, d.text);
      const note = done.candidates.length === 0 ? `nothing to complete here: ${expected(profile, d.text)}`
        : done.candidates.length > 1 ? done.candidates.join('  ') : null;
      return { ...s, dialog: { ...d, text: done.text, recall: null, note, error: done.candidates.length === 0 } };
    }
    case 'space': return edit(s, d, d.text + ' ');
    default:
      if ([...id].length === 1) return edit(s, d, d.text + id);
      return { ...s, dialog: { ...d, note: `${keyLabel(id)}: type a command; Tab completes, ↑ ↓ recall, Enter runs, Esc cancels`, error: true } };
  }
}

/** The status line while the `:` line is open: its note, else what it expects next. */
export function commandLineNote(d: CommandLineDialog, profile: Profile | undefined): string {
  if (d.note !== null) return d.note;
  return profile ? `${expected(profile, d.text)}  (Tab completes, Esc cancels)` : '';
}
