// Ink 6.8 has no alternate-screen option, so the monitor enters and leaves it itself, and with
// it xterm's mouse reporting (a shell left with reporting on would print every click). Restore
// runs from several exit paths (quit, signals, crashes, process exit) and must be harmless twice.

export const ENTER_ALT_SCREEN = '\u001B[?1049h';
export const LEAVE_ALT_SCREEN = '\u001B[?1049l';
export const CURSOR_HOME = '\u001B[H';
export const HIDE_CURSOR = '\u001B[?25l';
export const SHOW_CURSOR = '\u001B[?25h';
export const AUTOWRAP_OFF = '\u001B[?7l';
export const AUTOWRAP_ON = '\u001B[?7h';
/** xterm's mouse reporting: presses and the wheel (1000), reported as SGR (1006), not X10 bytes. */
export const MOUSE_ON = '\u001B[?1000h\u001B[?1006h';
export const MOUSE_OFF = '\u001B[?1006l\u001B[?1000l';

export interface TerminalGuard {
  enter(): void;
  /** Idempotent; safe on a destroyed stream. */
  restore(): void;
}

export function terminalGuard(stdout: NodeJS.WritableStream): TerminalGuard {
  let active = false;
  return {
    enter() {
      if (active) return;
      active = true;
      stdout.write(ENTER_ALT_SCREEN + CURSOR_HOME + HIDE_CURSOR + AUTOWRAP_OFF + MOUSE_ON);
    },
    restore() {
      if (!active) return;
      active = false;
      try {
        stdout.write(MOUSE_OFF + SHOW_CURSOR + AUTOWRAP_ON + LEAVE_ALT_SCREEN);
      } catch {
        // The terminal may already be gone (SIGHUP); nothing left to restore then.
      }
    },
  };
}
