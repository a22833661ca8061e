// Ink 6.8.0's incremental log-update moves the cursor up one line too few before redrawing a
// frame that ends in a newline (every frame shorter than the terminal, i.e. all of ours), so the
// picture creeps down a line per refresh. In the alternate screen the frame always starts at the
// top-left corner, so its relative "cursor up" can be replaced by cursor-home, which is right
// whether or not Ink counted correctly. Only Ink's redraw writes start with cursor-up followed by
// a line operation; everything else passes through untouched.

// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const REDRAW_START = /^\u001B\[\d*A(?=\u001B\[E|\u001B\[1G)/;
const CURSOR_HOME = '\u001B[H';

export function anchorRedraw(chunk: string): string {
  return chunk.replace(REDRAW_START, CURSOR_HOME);
}

/** The same stream, with Ink's redraws anchored at the top-left corner. */
export function anchoredStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean =>
    Reflect.apply(stdout.write, stdout, [typeof chunk === 'string' ? anchorRedraw(chunk) : chunk, ...rest]);
  return new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') return write;
      const value: unknown = Reflect.get(target, prop, target);
      // Bound to the real stream so listeners and internal state stay on one object.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
