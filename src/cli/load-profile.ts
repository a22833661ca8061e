// PROFILE argument -> validated Profile, or a UsageError listing every problem.

import { formatProfileError, loadProfileFile, resolveProfileArg, type Profile } from '../profile/index.js';
import { UsageError } from './usage-error.js';

export function loadProfileArg(arg: string | undefined): Profile {
  const resolved = resolveProfileArg(arg);
  if (!resolved.ok) throw new UsageError(resolved.message);
  const result = loadProfileFile(resolved.path);
  if (!result.ok) {
    const n = result.errors.length;
    throw new UsageError(
      `${result.errors.map(formatProfileError).join('\n')}\n${n} error${n === 1 ? '' : 's'} in ${resolved.path}`);
  }
  return result.profile;
}
