// Tab on the `:` line: completes the word being typed from what the profile names — an action,
// then a target of the kinds the action takes, then the keys the action takes (`to=`), and a
// host after `to=`. Without Tab, the same walk says what the line expects next.

import { PARTITION_NAME } from '../../profile/partitions.js';
import { eventKeys, isAction, profileNames, targetKinds } from '../../profile/typed-command.js';
import { kindLabel, type Kind } from '../../profile/names.js';
import { COMMAND_NAMES, type CommandName, type Profile } from '../../profile/types.js';
import { splitWords } from './words.js';

/** What each key takes, for the line that says what is expected (the loader says it on a mistake). */
const VALUES: Record<string, string> = {
  cpu: 'a percentage of one vCPU for each busy vCPU, like 50%', for: 'a duration like 60s', threads: 'how many vCPUs are busy, like 2',
  active: 'a working-set size like 512MiB', to: 'a host', replicas: 'a number of replicas, like 3', partition: 'the host\'s driver partition',
  boot: 'how long the partition boots, like 30s',
};

export interface Completion {
  /** the line with the word completed as far as the candidates agree */
  text: string;
  /** what the word could be; one when it was completed whole */
  candidates: string[];
}

interface Place {
  /** the line before the word */
  head: string;
  word: string;
  /** the command's words before the word */
  before: string[];
}

function place(text: string): Place {
  const words = splitWords(text);
  const word = words.at(-1) ?? '';
  return { head: text.slice(0, text.length - word.length), word, before: words.slice(0, -1) };
}

/** `VM`, `VM, container or service` */
function kindWords(kinds: readonly Kind[]): string {
  const words = kinds.map((k) => kindLabel(k));
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** The target's position holds a word without `=` right after the action. */
const atTarget = (p: Place) => p.before.length === 1 && !p.word.includes('=');

function targetsOf(profile: Profile, action: CommandName): string[] {
  const names = profileNames(profile);
  return targetKinds(action).flatMap((k) => names.all(k));
}

function valuesOf(profile: Profile, action: CommandName, key: string, target: string | undefined): string[] {
  const names = profileNames(profile);
  if (key === 'to') return action === 'restore' ? [...names.all('host'), ...names.all('vm')] : names.all('host');
  if (key === 'partition') {
    const host = profile.hosts.find((h) => h.name === target);
    const own = host ? PARTITION_NAME[host.hypervisor] : undefined;
    return own ? [own] : [...new Set(Object.values(PARTITION_NAME))];
  }
  return [];
}

/** The candidates for the word being typed, each as it would stand completed. */
function candidatesAt(profile: Profile, p: Place): string[] {
  const starts = (list: readonly string[]) => list.filter((c) => c.startsWith(p.word));
  if (p.before.length === 0) return starts(COMMAND_NAMES);
  const action = p.before[0];
  if (!isAction(action)) return [];
  if (atTarget(p)) return starts(targetsOf(profile, action));
  const eq = p.word.indexOf('=');
  if (eq >= 0) {
    const key = p.word.slice(0, eq);
    return starts(valuesOf(profile, action, key, p.before[1]).map((v) => `${key}=${v}`));
  }
  const used = new Set(p.before.slice(1).map((w) => w.split('=')[0]));
  return starts(eventKeys(action).filter((k) => !used.has(k)).map((k) => `${k}=`));
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

export function complete(profile: Profile, text: string): Completion {
  const p = place(text);
  const candidates = candidatesAt(profile, p);
  if (candidates.length === 1) {
    const whole = candidates[0];
    return { text: p.head + whole + (whole.endsWith('=') ? '' : ' '), candidates };
  }
  return { text: p.head + (candidates.length ? commonPrefix(candidates) : p.word), candidates };
}

/** What the line expects at its end: the word being typed, or the next one. */
export function expected(profile: Profile, text: string): string {
  const p = place(text);
  if (p.before.length === 0) return `an action: ${COMMAND_NAMES.join(' ')}`;
  const action = p.before[0];
  if (!isAction(action)) return `${action}: not an action (${COMMAND_NAMES.join(' ')})`;
  if (atTarget(p)) {
    const kinds = targetKinds(action);
    return `the ${kindWords(kinds)} to ${action}: ${targetsOf(profile, action).join(' ') || `none in this profile`}`;
  }
  const eq = p.word.indexOf('=');
  if (eq >= 0) {
    const key = p.word.slice(0, eq);
    const values = valuesOf(profile, action, key, p.before[1]);
    return `${key}: ${VALUES[key] ?? 'a value'}${values.length ? ` (${values.join(' ')})` : ''}`;
  }
  const keys = eventKeys(action);
  return keys.length ? `${action} takes ${keys.map((k) => `${k}=`).join(' ')}; Enter runs` : `${action} takes nothing more; Enter runs`;
}
