// Built-in profiles are plain YAML files shipped in <package>/profiles, so users can copy one
// as the start of their own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Two levels up from both src/profile/builtin.ts and dist/profile/builtin.js. */
export const BUILTIN_DIR = fileURLToPath(new URL('../../profiles/', import.meta.url));
export const DEFAULT_PROFILE = 'lab';

export interface BuiltinProfile {
  name: string;
  description: string;
  path: string;
}

export type ResolvedProfile = { ok: true; path: string; builtin: boolean } | { ok: false; message: string };

/** The built-ins sorted by name; the name and description come from the file itself. */
export function listBuiltinProfiles(dir: string = BUILTIN_DIR): BuiltinProfile[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => ['.yaml', '.yml'].includes(extname(f)));
  } catch {
    return [];
  }
  return files
    .map((f) => describe(join(dir, f)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * No argument: the built-in `lab`. A built-in's name (or file name): that file. Anything else is
 * taken as a path. A built-in wins over a same-named file in the working directory, which is
 * what `vmtop lab` most likely means.
 */
export function resolveProfileArg(arg?: string, dir: string = BUILTIN_DIR): ResolvedProfile {
  const wanted = arg ?? DEFAULT_PROFILE;
  // a built-in's file name needs no parsing of every built-in (a cold start parses ~15 files)
  for (const ext of ['.yaml', '.yml']) {
    const path = join(dir, wanted + ext);
    if (!/[\\/]/.test(wanted) && isFile(path)) return { ok: true, path, builtin: true };
  }
  const builtins = listBuiltinProfiles(dir);
  const hit = builtins.find((b) => b.name === wanted || stem(b.path) === wanted);
  if (hit) return { ok: true, path: hit.path, builtin: true };
  if (arg !== undefined && isFile(arg)) return { ok: true, path: arg, builtin: false };
  const known = builtins.map((b) => b.name).join(', ') || 'none';
  if (arg !== undefined && isDirectory(arg)) return { ok: false, message: `${arg}: is a directory, not a profile (built-ins: ${known})` };
  return { ok: false, message: `no built-in profile or file named "${wanted}" (built-ins: ${known})` };
}

function describe(path: string): BuiltinProfile {
  const fallback = { name: stem(path), description: '', path };
  try {
    const doc: unknown = parse(readFileSync(path, 'utf8'));
    if (typeof doc !== 'object' || doc === null) return fallback;
    const { name, description } = doc as Record<string, unknown>;
    return {
      name: typeof name === 'string' && name ? name : fallback.name,
      description: typeof description === 'string' ? description : '',
      path,
    };
  } catch {
    // A broken built-in still gets listed; loading it will report where it is broken.
    return fallback;
  }
}

function stem(path: string): string {
  return basename(path, extname(path));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
