// A built-in profile (profiles/*.yaml) as the loader reads it, for the tests that check what each
// is there to show. A profile that no longer loads fails the test with the loader's errors.
import { loadProfileFile, resolveProfileArg } from '../../src/profile/index.js';
import type { Profile } from '../../src/profile/types.js';

export function builtinProfile(name: string): Profile {
  const r = resolveProfileArg(name);
  if (!r.ok) throw new Error(r.message);
  const p = loadProfileFile(r.path);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.profile;
}
