// The stdin Ink reads: the terminal's own, with every read passed through the key filter
// (keyboard.ts). Ink reads on 'readable' until read() returns null; the filter may hold the
// start of a sequence across reads, and what it holds is settled after ESC_TIMEOUT_MS without
// more input (a lone ESC is then the Escape key), handed to Ink with a 'readable' of its own.

import { keyFilter } from './keyboard.js';

/**
 * How long a held ESC or unfinished sequence waits for the rest. A terminal writes a key's
 * sequence at once, so the rest is normally in the same read; over a slow link it may come in
 * the next. vim waits 100 ms (ttimeoutlen), tmux 10 ms (escape-time); Esc stays prompt at 30.
 */
export const ESC_TIMEOUT_MS = 30;

export interface FilteredStdin {
  /** Give this to Ink as its stdin. */
  readonly stream: NodeJS.ReadStream;
  /** Drops what is held and stops its timer. */
  dispose(): void;
}

export function filteredStdin(stdin: NodeJS.ReadStream, timeoutMs = ESC_TIMEOUT_MS): FilteredStdin {
  const filter = keyFilter();
  let settled = '';
  let timer: NodeJS.Timeout | undefined;

  const settle = () => {
    timer = undefined;
    settled += filter.expire();
    if (settled !== '') stdin.emit('readable');
  };

  const read = (): string | null => {
    clearTimeout(timer);
    timer = undefined;
    let out = settled;
    settled = '';
    let chunk: unknown;
    while ((chunk = stdin.read()) !== null) {
      out += filter.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
    }
    if (filter.holding()) {
      timer = setTimeout(settle, timeoutMs);
      timer.unref?.();
    }
    return out === '' ? null : out;
  };

  const stream = new Proxy(stdin, {
    get(target, prop) {
      if (prop === 'read') return read;
      const value: unknown = Reflect.get(target, prop, target);
      // bound to the real stream, so listeners and raw mode stay on the terminal's own object
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

  return {
    stream,
    dispose() {
      clearTimeout(timer);
      timer = undefined;
      filter.expire();
      settled = '';
    },
  };
}
