// The `s` prompt: type the refresh interval in seconds. It owns the keyboard while open, and
// says what it expected instead of silently dropping a key it cannot use.

import { DELAY_MAX_S, DELAY_MIN_S, type ClockControls } from './clock.js';
import { keyLabel } from './keys.js';
import type { UiState } from './state.js';

const EXPECTED = `seconds from ${DELAY_MIN_S} to ${DELAY_MAX_S}, e.g. 5`;

export function promptKey(s: UiState, id: string, clock: ClockControls): UiState {
  const prompt = s.prompt;
  if (!prompt) return s;
  if (id === 'esc') return { ...s, prompt: null, message: 'refresh interval unchanged' };
  if (id === 'backspace') return { ...s, prompt: { text: prompt.text.slice(0, -1), error: null } };
  if (/^[0-9.]$/.test(id)) {
    if (prompt.text.length >= 8) return { ...s, prompt: { ...prompt, error: `expected ${EXPECTED}` } };
    return { ...s, prompt: { text: prompt.text + id, error: null } };
  }
  if (id === 'enter') {
    const seconds = Number(prompt.text);
    if (prompt.text === '' || !Number.isFinite(seconds) || seconds < DELAY_MIN_S || seconds > DELAY_MAX_S) {
      return { ...s, prompt: { ...prompt, error: `expected ${EXPECTED}` } };
    }
    clock.setDelay(seconds);
    return { ...s, prompt: null, message: `refresh interval ${seconds}s` };
  }
  return { ...s, prompt: { ...prompt, error: `${keyLabel(id)} is not a digit: expected ${EXPECTED}` } };
}

export function promptText(s: UiState): string {
  if (!s.prompt) return '';
  const hint = s.prompt.error ?? 'Enter applies, Esc cancels';
  return `refresh interval in seconds: ${s.prompt.text}_  ${hint}`;
}
