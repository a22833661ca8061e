// The stdout Ink writes to. Ink 6.8 rewrites every changed line in full; this layer keeps a model
// of what the terminal shows and turns each of Ink's frames into a cell-level update (cells.ts).
//
// Ink runs with `incrementalRendering: false`, so every frame arrives as one write: Ink's erase
// of the previous frame (erase-line / cursor-up / cursor-to-column, or clear-terminal when the
// last frame filled the screen) followed by the frame text, whose only escapes are SGR. The
// erase part is dropped, the text is the frame. Ink's own synchronized-output markers are
// dropped too (each update carries its own), cursor show/hide pass through, and anything else
// passes through and makes the next frame a full repaint, as does a change of terminal size.

import { diffFrame, paintFrame, parseLines, type ParsedFrame } from './cells.js';

export const BEGIN_SYNC = '\u001B[?2026h';
export const END_SYNC = '\u001B[?2026l';

// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const INK_ERASE = /^(?:\u001B\[(?:2K|1A|\d*G|2J|3J|H|0f))+/;
// eslint-disable-next-line no-control-regex
const CURSOR_VISIBILITY = /^(?:\u001B\[\?25[hl])+$/;
/** What frame text cannot hold: a control character other than newline, or an escape that is not SGR. */
// eslint-disable-next-line no-control-regex
const NOT_FRAME_TEXT = /[\u0000-\u0009\u000B-\u001A\u001C-\u001F\u007F]|\u001B(?!\[[\d;:]*m)/;

export type InkWrite =
  | { kind: 'frame'; text: string }
  | { kind: 'drop' }
  | { kind: 'pass' }
  | { kind: 'foreign' };

/** What one of Ink's writes is. Exported for tests. */
export function classifyInkWrite(chunk: string): InkWrite {
  if (chunk === '' || chunk === BEGIN_SYNC || chunk === END_SYNC) return { kind: 'drop' };
  if (CURSOR_VISIBILITY.test(chunk)) return { kind: 'pass' };
  const erase = INK_ERASE.exec(chunk)?.[0] ?? '';
  const text = chunk.slice(erase.length);
  if (text === '') return { kind: 'drop' }; // an erase on its own; the next frame covers it
  if (!NOT_FRAME_TEXT.test(text)) return { kind: 'frame', text };
  return { kind: 'foreign' };
}

export interface CellOutput {
  /** Give this to Ink as its stdout. */
  readonly stream: NodeJS.WriteStream;
  /** Something else wrote to the terminal: the next frame repaints everything. */
  invalidate(): void;
  /** Repaint the last frame in full now (after the screen was restored and re-entered). */
  repaint(): void;
  /** Stop following resizes. */
  dispose(): void;
}

/** How long after a resize to wait for Ink's own redraw before repainting the last frame. */
const RESIZE_SETTLE_MS = 150;

export function cellOutput(stdout: NodeJS.WriteStream): CellOutput {
  let shown: { frame: ParsedFrame; cols: number; rows: number } | undefined;
  let lastText: string | undefined;
  let timer: NodeJS.Timeout | undefined;

  const size = () => ({ cols: stdout.columns || 80, rows: stdout.rows || 24 });
  const realWrite = (data: string, cb?: (err?: Error | null) => void): boolean =>
    Reflect.apply(stdout.write, stdout, cb ? [data, cb] : [data]) as boolean;

  const update = (text: string): string => {
    const { cols, rows } = size();
    const same = shown && shown.cols === cols && shown.rows === rows;
    const frame = parseLines(text, cols, rows, same ? shown?.frame : undefined);
    const body = same && shown ? diffFrame(shown.frame.rows, frame.rows, cols) : paintFrame(frame.rows, cols, rows);
    shown = { frame, cols, rows };
    lastText = text;
    if (body === '') return '';
    return BEGIN_SYNC + body + END_SYNC;
  };

  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    const cb = rest.find((x): x is (err?: Error | null) => void => typeof x === 'function');
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    const what = classifyInkWrite(text);
    switch (what.kind) {
      case 'frame':
        return realWrite(update(what.text), cb);
      case 'drop':
        return realWrite('', cb);
      case 'pass':
        return realWrite(text, cb);
      case 'foreign':
        shown = undefined;
        return realWrite(text, cb);
    }
  };

  const repaint = () => {
    shown = undefined;
    if (lastText !== undefined) realWrite(update(lastText));
  };

  // Ink redraws after a resize only when its output changed; the terminal may have reflowed or
  // cut the screen regardless, so make sure the last frame is repainted at the new size.
  const onResize = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { cols, rows } = size();
      if (lastText !== undefined && (!shown || shown.cols !== cols || shown.rows !== rows)) repaint();
    }, RESIZE_SETTLE_MS);
    timer.unref?.();
  };
  stdout.on('resize', onResize);

  const stream = new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') return write;
      const value: unknown = Reflect.get(target, prop, target);
      // Bound to the real stream so listeners and internal state stay on one object.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

  return {
    stream,
    invalidate: () => {
      shown = undefined;
    },
    repaint,
    dispose: () => {
      clearTimeout(timer);
      stdout.off('resize', onResize);
    },
  };
}
