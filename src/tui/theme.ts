// Semantic colours. Without colour the styles still keep inverse and bold (chalk's level 0 would
// drop those too), and the selection gets a `>` marker column on top.

import type { Level } from '../fields/cpu.js';

export function levelColor(level: Level | undefined, color: boolean): string | undefined {
  if (!color || !level || level === 'ok') return undefined;
  return level === 'alarm' ? 'red' : 'yellow';
}

export function accentColor(color: boolean): string | undefined {
  return color ? 'cyan' : undefined;
}

export function pausedColor(color: boolean): string | undefined {
  return color ? 'yellow' : undefined;
}
