// How the key filter (terminal/keyboard.ts) hands Ink a key or report Ink has no name for (F1,
// F10, a mouse report): its name between two private-use characters, which Ink passes on as
// plain text and keyIds (keys.ts) turns back into the name. No keyboard sends these characters.

export const EVENT_START = '\uE000';
export const EVENT_END = '\uE001';

/** The text that carries a named event through Ink (`f1`, `mouse:click:10:5`). */
export const namedEvent = (name: string) => EVENT_START + name + EVENT_END;

/** A mouse event as keyIds names it: what happened and where (1-based column and row). */
export interface MouseEvent {
  kind: 'click' | 'wheel-up' | 'wheel-down';
  x: number;
  y: number;
}

export const mouseId = (e: MouseEvent) => `mouse:${e.kind}:${e.x}:${e.y}`;

export function parseMouseId(id: string): MouseEvent | undefined {
  const m = /^mouse:(click|wheel-up|wheel-down):(\d+):(\d+)$/.exec(id);
  return m ? { kind: m[1] as MouseEvent['kind'], x: Number(m[2]), y: Number(m[3]) } : undefined;
}
