// The one-line prompts on the status line: `s` (the refresh interval in seconds) and esxtop's `#`
// (how many rows a panel shows). Each owns the keyboard while open, and says what it expected
// instead of silently dropping a key it cannot use.

import { DELAY_MAX_S, DELAY_MIN_S, type ClockControls } from './clock.js';
import { LIMITS } from '../limits.js';
import { keyLabel } from './keys.js';
import type { PromptKind, UiState } from './state.js';

interface PromptSpec {
  /** what the line asks, before the text typed */
  question(s: UiState): string;
  /** a key that types into it */
  accepts: RegExp;
  /** what it takes, after "expected" */
  expected: string;
  maxLength: number;
  /** what the line says until a key goes wrong */
  hint?: string;
  /** Esc's answer */
  cancelled: string;
  /** the state with the text applied, or null when the text is not what it takes */
  apply(s: UiState, text: string, clock: ClockControls): UiState | null;
}

const ROWS_MAX = LIMITS.rowsShown.max;

/**
 * esxtop's `#`: a number of rows overrides the count that fits the window, 0 (or nothing) gives
 * the automatic count back; one number for every panel, as esxtop's applies to all of them.
 */
function applyRows(s: UiState, text: string): UiState | null {
  const n = text === '' ? 0 : Number(text);
  if (!Number.isInteger(n) || n < 0 || n > ROWS_MAX) return null;
  const message = n === 0 ? 'rows: as many as fit (# sets a number)' : `rows: at most ${n}, in every panel (# 0: as many as fit)`;
  return { ...s, prompt: null, rowLimit: n, top: 0, message };
}

function applyDelay(s: UiState, text: string, clock: ClockControls): UiState | null {
  const seconds = Number(text);
  if (text === '' || !Number.isFinite(seconds) || seconds < DELAY_MIN_S || seconds > DELAY_MAX_S) return null;
  clock.setDelay(seconds);
  return { ...s, prompt: null, message: `refresh interval ${seconds}s` };
}

export const PROMPTS: Record<PromptKind, PromptSpec> = {
  delay: {
    question: () => 'refresh interval in seconds', accepts: /^[0-9.]$/, expected: `seconds from ${DELAY_MIN_S} to ${DELAY_MAX_S}, e.g. 5`,
    maxLength: 8, cancelled: 'refresh interval unchanged', apply: applyDelay,
  },
  rows: {
    question: (s) => `rows to show (now ${s.rowLimit || 'as many as fit'})`, accepts: /^[0-9]$/,
    expected: `0..${ROWS_MAX} rows, 0 for as many as fit`, hint: '0 or nothing: as many as fit; Enter applies, Esc cancels', maxLength: String(ROWS_MAX).length,
    cancelled: 'rows shown unchanged', apply: applyRows,
  },
};

export const openPrompt = (s: UiState, kind: PromptKind): UiState => ({ ...s, prompt: { kind, text: '', error: null } });

export function promptKey(s: UiState, id: string, clock: ClockControls): UiState {
  const prompt = s.prompt;
  if (!prompt) return s;
  const spec = PROMPTS[prompt.kind];
  if (id === 'esc') return { ...s, prompt: null, message: spec.cancelled };
  if (id === 'backspace') return { ...s, prompt: { ...prompt, text: prompt.text.slice(0, -1), error: null } };
  if (spec.accepts.test(id)) {
    if (prompt.text.length >= spec.maxLength) return { ...s, prompt: { ...prompt, error: `expected ${spec.expected}` } };
    return { ...s, prompt: { ...prompt, text: prompt.text + id, error: null } };
  }
  if (id === 'enter') return spec.apply(s, prompt.text, clock) ?? { ...s, prompt: { ...prompt, error: `expected ${spec.expected}` } };
  return { ...s, prompt: { ...prompt, error: `${keyLabel(id)} is not a digit: expected ${spec.expected}` } };
}

export function promptText(s: UiState): string {
  if (!s.prompt) return '';
  const hint = s.prompt.error ?? PROMPTS[s.prompt.kind].hint ?? 'Enter applies, Esc cancels';
  return `${PROMPTS[s.prompt.kind].question(s)}: ${s.prompt.text}_  ${hint}`;
}
