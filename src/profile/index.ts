// The profile module's public surface: load, report, find built-ins.
export { loadProfileFile, loadProfileText, type LoadResult } from './load.js';
export { formatProfileError, type ProfileError } from './errors.js';
export { listBuiltinProfiles, resolveProfileArg, type BuiltinProfile, type ResolvedProfile } from './builtin.js';
export * from './types.js';
