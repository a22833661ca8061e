// The view settings file: `W` writes the panel, hidden fields, sort, refresh interval and theme to
// $XDG_CONFIG_HOME/vmtop/config.json (else ~/.config/vmtop/config.json), atomically (a temporary
// file renamed over it); the monitor reads it at start. A file that does not parse or validate is
// reported, ignored, and never overwritten without asking.

import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomic-write.js';
import { DELAY_MAX_S, DELAY_MIN_S } from './clock.js';
import { PANEL_IDS } from './panels/registry.js';
import type { PanelId } from './state.js';
import type { SortKey } from './panels/rows.js';
import { THEMES, type ThemeName } from './theme.js';

export const CONFIG_VERSION = 1;

/** The sort keys a config may name; a sort a panel cannot use falls back to its own default. */
const SORT_KEYS = ['%USED', '%RDY', 'MEMSZ', 'NAME'] as const satisfies readonly SortKey[];

export interface ViewSettings {
  panel: PanelId;
  sort: SortKey;
  /** refresh interval, simulated seconds */
  delay: number;
  theme: ThemeName;
  /** hidden field keys per panel */
  hiddenFields: Partial<Record<PanelId, string[]>>;
}

function schema() {
  const panels = PANEL_IDS as [PanelId, ...PanelId[]];
  return z.strictObject({
    version: z.literal(CONFIG_VERSION).optional(),
    panel: z.enum(panels),
    sort: z.enum(SORT_KEYS),
    delay: z.number().min(DELAY_MIN_S).max(DELAY_MAX_S),
    theme: z.enum(THEMES),
    hiddenFields: z.partialRecord(z.enum(panels), z.array(z.string())),
  }).partial({ panel: true, sort: true, delay: true, theme: true, hiddenFields: true });
}

export interface ConfigLoad {
  path: string;
  /** the valid settings in the file; null when there is no file or it is broken */
  settings: Partial<ViewSettings> | null;
  /** what is wrong with the file, for the status line; null when it is fine or absent */
  error: string | null;
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'vmtop', 'config.json');
}

/**
 * Levels of nesting a config file may have: the settings are an object whose hiddenFields holds
 * arrays (3). Deeper is no config of vmtop's, and is refused before anything walks it: a 5,000-deep
 * array, 10 KB of brackets, overflowed the stack of the schema check and of the message's quote.
 */
export const CONFIG_DEPTH_MAX = 8;

/** Whether `value` nests deeper than `max` levels; iterative, so any depth is safe to ask about. */
export function nestedDeeper(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A value as the status line quotes it: short, and never a whole structure. */
function quote(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Short words for what is wrong, naming the key and the value found: the status line is one line. */
function describeIssues(error: z.ZodError, data: unknown): string {
  const at = (path: PropertyKey[]) => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
  return error.issues.slice(0, 2).map((i) => {
    const where = i.path.length ? i.path.map(String).join('.') : 'file';
    const got = quote(at(i.path));
    switch (i.code) {
      case 'invalid_value': return `${where}: ${got} is not one of ${i.values.map(String).join(', ')}`;
      case 'too_small': return `${where}: ${got} is below ${String(i.minimum)}`;
      case 'too_big': return `${where}: ${got} is above ${String(i.maximum)}`;
      case 'unrecognized_keys': return `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
      case 'invalid_type': return `${where}: expected ${i.expected}${got === undefined ? ' (missing)' : `, found ${got}`}`;
      default: return `${where}: ${i.message}`;
    }
  }).join('; ');
}

/** Reads and checks the config file; a missing file is no error. */
export function loadConfig(path = configPath()): ConfigLoad {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { path, settings: null, error: null };
    return { path, settings: null, error: `cannot read it: ${(err as Error).message}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { path, settings: null, error: `not JSON: ${(err as Error).message}` };
  }
  if (nestedDeeper(data, CONFIG_DEPTH_MAX)) {
    return { path, settings: null, error: `nested deeper than ${CONFIG_DEPTH_MAX} levels: not vmtop's settings (W writes a flat object)` };
  }
  const parsed = schema().safeParse(data);
  if (!parsed.success) return { path, settings: null, error: describeIssues(parsed.error, data) };
  const { version: _version, ...settings } = parsed.data;
  return { path, settings, error: null };
}

/** Writes the settings atomically; returns null, or what went wrong. */
export function saveConfig(path: string, settings: ViewSettings): string | null {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, JSON.stringify({ version: CONFIG_VERSION, ...settings }, null, 2) + '\n');
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The status line's words for a broken config file. */
export function brokenMessage(load: ConfigLoad, home = process.env.HOME || homedir()): string {
  const path = home && load.path.startsWith(home + '/') ? '~' + load.path.slice(home.length) : load.path;
  return `config ${path} ignored: ${load.error}`;
}
