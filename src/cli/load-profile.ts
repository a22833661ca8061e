// PROFILE argument -> validated Profile (and its text, which a recording embeds), or a
// UsageError listing every problem.

import { readFileSync } from 'node:fs';
import { formatProfileError, loadProfileText, resolveProfileArg, type Profile } from '../profile/index.js';
import { fileProblem, UsageError } from './usage-error.js';

export interface LoadedProfile {
  profile: Profile;
  text: string;
  path: string;
}

export function loadProfileSource(arg: string | undefined): LoadedProfile {
  const resolved = resolveProfileArg(arg);
  if (!resolved.ok) throw new UsageError(resolved.message);
  let text: string;
  try {
    text = readFileSync(resolved.path, 'utf8');
  } catch (err) {
    throw new UsageError(`${resolved.path}: cannot read the profile: ${fileProblem(err)}`);
  }
  const result = loadProfileText(text, resolved.path);
  if (!result.ok) {
    const n = result.errors.length;
    throw new UsageError(
      `${result.errors.map(formatProfileError).join('\n')}\n${n} error${n === 1 ? '' : 's'} in ${resolved.path}`);
  }
  return { profile: result.profile, text, path: resolved.path };
}

export function loadProfileArg(arg: string | undefined): Profile {
  return loadProfileSource(arg).profile;
}
