// Semantic colours. Without colour the styles still keep inverse and bold (chalk's level 0 would
// drop those too), and the selection gets a `>` marker column on top.
//
// Themes: `default` (for dark backgrounds), `light` (no yellow or cyan, which wash out on white)
// and `none` (no colour at all: NO_COLOR, --no-color). Components keep asking with their `color`
// flag; the App selects the palette once per render with selectTheme(), so no component changes.

import type { Level } from '../fields/cpu.js';

export const THEMES = ['default', 'light', 'none'] as const;
export type ThemeName = (typeof THEMES)[number];

export interface Palette {
  warn: string;
  alarm: string;
  accent: string;
  paused: string;
}

const PALETTES: Record<Exclude<ThemeName, 'none'>, Palette> = {
  default: { warn: 'yellow', alarm: 'red', accent: 'cyan', paused: 'yellow' },
  light: { warn: 'magenta', alarm: 'red', accent: 'blue', paused: 'magenta' },
};

let active: Palette = PALETTES.default;

/** Selects the palette the colour functions answer with; returns whether there is colour at all. */
export function selectTheme(name: ThemeName): boolean {
  if (name !== 'none') active = PALETTES[name];
  return name !== 'none';
}

export function isTheme(name: string): name is ThemeName {
  return (THEMES as readonly string[]).includes(name);
}

export function nextTheme(name: ThemeName): ThemeName {
  return THEMES[(THEMES.indexOf(name) + 1) % THEMES.length];
}

export function levelColor(level: Level | undefined, color: boolean): string | undefined {
  if (!color || !level || level === 'ok') return undefined;
  return level === 'alarm' ? active.alarm : active.warn;
}

export function accentColor(color: boolean): string | undefined {
  return color ? active.accent : undefined;
}

export function pausedColor(color: boolean): string | undefined {
  return color ? active.paused : undefined;
}
