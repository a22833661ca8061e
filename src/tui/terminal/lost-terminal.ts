// The way out when the terminal is gone (an ssh drop, a closed window: the pty's other side
// closed). Node 20 restores the terminal's settings at exit, in node::ResetStdio, and asserts
// that tcsetattr succeeded; on a hung-up terminal it fails with EIO, and Node dies of SIGABRT (or
// SIGSEGV) with a core dump instead of the exit status asked for (nodejs/node issue 51519, fixed
// in Node 22 by PR 58200). ResetStdio skips a descriptor that is closed (fstat fails with EBADF,
// which it expects) or no longer the file it was at start, so closing the terminal's standard
// descriptors once it is gone makes the exit an ordinary one. A terminal that is still there keeps
// them: ResetStdio then does its job (terminal settings, O_NONBLOCK).

import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';

const STDIO = [0, 1, 2] as const;

export interface StdioTerminals {
  /** Whether any standard descriptor that was a terminal is one no more. */
  lost(): boolean;
  /** Closes the standard descriptors whose terminal is gone; returns them. */
  detach(): number[];
}

/** Notes which of 0, 1 and 2 are terminals now, at start. */
export function stdioTerminals(isTty: (fd: number) => boolean = isatty, close: (fd: number) => void = closeSync): StdioTerminals {
  const terminals = STDIO.filter((fd) => isTty(fd));
  // a hung-up terminal answers EIO to tcgetattr, so isatty says no
  const gone = () => terminals.filter((fd) => !isTty(fd));
  return {
    lost: () => gone().length > 0,
    detach() {
      const fds = gone();
      for (const fd of fds) {
        try {
          close(fd);
        } catch {
          // already closed: as good
        }
      }
      return fds;
    },
  };
}
