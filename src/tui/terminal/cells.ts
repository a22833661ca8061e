// Cell-level screen updates, the way curses does them: a frame is a grid of cells (character +
// SGR style); an update compares the grid the terminal shows with the next one and writes only
// cursor moves, style changes and the characters that differ. Pure: strings in, strings out.

import { applySgr, CSI, defaultStyle, ESC, RESET, sgrTransition, styleKey, styleOf } from './sgr.js';

export { sgrTransition } from './sgr.js';

export interface Cell {
  /** one terminal column's text; '' for the second column of a wide character */
  readonly ch: string;
  /** the cell's SGR parameters in a canonical order ('' = default style) */
  readonly st: string;
}

/** Rows of cells; a row may stop early, the rest of it is blank. */
export type Frame = readonly (readonly Cell[])[];

export const BLANK: Cell = { ch: ' ', st: '' };
const WIDE_TAIL: Cell = { ch: '', st: '' };

export const ERASE_LINE_END = `${CSI}K`;
export const ERASE_BELOW = `${CSI}J`;

// ---------------------------------------------------------------------------------------------
// Parsing a frame

/** Columns a code point takes: 0 for combining marks and joiners, 2 for East Asian wide/fullwidth. */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xe0100 && cp <= 0xe01ef)) return 0;
  if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd)) return 2;
  return 1;
}

// eslint-disable-next-line no-control-regex -- escape sequences are what this parses
const ESCAPE = /\u001B(?:\[([0-?]*)([ -/]*)([@-~])|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_]?)/y;

/**
 * Ink's frame text (lines joined by '\n', SGR codes inline) as a grid, clipped to `cols` columns
 * and `maxRows` rows. Escape sequences other than SGR and control characters are dropped. A
 * trailing newline does not start a row.
 */
export function parseFrame(text: string, cols: number, maxRows = Infinity): Frame {
  return parseLines(text, cols, maxRows).rows;
}

/** Cells by style and character, shared (cells are immutable): a frame's changed rows then
 *  allocate no cell of their own — a handful of styles times the characters on screen. */
let cellsByStyle = new Map<string, Map<string, Cell>>();
let cellCount = 0;
const CELLS_LIMIT = 20000;

function cellOf(ch: string, st: string): Cell {
  let byCh = cellsByStyle.get(st);
  if (byCh === undefined) {
    if (cellCount > CELLS_LIMIT) {
      cellsByStyle = new Map();
      cellCount = 0;
    }
    byCh = new Map();
    cellsByStyle.set(st, byCh);
  }
  let cell = byCh.get(ch);
  if (cell === undefined) {
    if (++cellCount > CELLS_LIMIT) {
      cellsByStyle = new Map([[st, (byCh = new Map())]]);
      cellCount = 1;
    }
    cell = { ch, st };
    byCh.set(ch, cell);
  }
  return cell;
}

/** A parsed frame with what parsing the next one can reuse: each row's text and its style at both ends. */
export interface ParsedFrame {
  readonly rows: readonly (readonly Cell[])[];
  readonly lines: readonly string[];
  readonly starts: readonly string[];
  readonly ends: readonly string[];
  readonly cols: number;
}

/**
 * parseFrame that keeps, from `prev`, every row whose text and starting style are unchanged (the
 * same row object: diffFrame then skips it without comparing cells). Most of a monitor's lines
 * (headings, footer, blank rows, quiet entities) are the same from one frame to the next.
 */
export function parseLines(text: string, cols: number, maxRows = Infinity, prev?: ParsedFrame): ParsedFrame {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length > maxRows) lines.length = maxRows;
  const reuse = prev && prev.cols === cols ? prev : undefined;
  const style = defaultStyle();
  let st = '';
  const rows: Cell[][] = [];
  const starts: string[] = [];
  const ends: string[] = [];
  for (let r = 0; r < lines.length; r++) {
    const line = lines[r];
    starts.push(st);
    if (reuse && reuse.lines[r] === line && reuse.starts[r] === st) {
      rows.push(reuse.rows[r] as Cell[]);
      st = reuse.ends[r];
      Object.assign(style, styleOf(st));
      ends.push(st);
      continue;
    }
    const row: Cell[] = [];
    for (let i = 0; i < line.length;) {
      if (line[i] === ESC) {
        ESCAPE.lastIndex = i;
        const m = ESCAPE.exec(line);
        if (m && m[3] === 'm' && m[2] === '' && !/^[<=>?]/.test(m[1])) {
          applySgr(style, m[1]);
          st = styleKey(style);
        }
        i = m ? ESCAPE.lastIndex : i + 1;
        continue;
      }
      const cp = line.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      i += ch.length;
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
      const w = codePointWidth(cp);
      if (w === 0) {
        const last = row.length - (row.at(-1)?.ch === '' ? 2 : 1);
        if (last >= 0) row[last] = { ch: row[last].ch + ch, st: row[last].st };
        continue;
      }
      if (row.length + w > cols) break;
      row.push(cellOf(ch, st));
      if (w === 2) row.push(WIDE_TAIL);
    }
    rows.push(row);
    ends.push(st);
  }
  return { rows, lines, starts, ends, cols };
}

// ---------------------------------------------------------------------------------------------
// Writing updates

const cellAt = (row: readonly Cell[] | undefined, c: number): Cell => row?.[c] ?? BLANK;
const same = (a: Cell, b: Cell) => a.ch === b.ch && (a.st === b.st || a.ch === '');
const isBlank = (c: Cell) => c.ch === ' ' && c.st === '';

/** Columns up to and including the last non-blank cell. */
function contentLength(row: readonly Cell[] | undefined, cols: number): number {
  if (!row) return 0;
  let n = Math.min(row.length, cols);
  while (n > 0 && isBlank(row[n - 1])) n--;
  return n;
}

const csi = (n: number, final: string) => `${CSI}${n === 1 ? '' : n}${final}`;

function cursorPosition(r: number, c: number): string {
  if (c === 0) return r === 0 ? `${CSI}H` : `${CSI}${r + 1}H`;
  return `${CSI}${r + 1};${c + 1}H`;
}

/** The shortest move along a row from column `from` to column `to`. */
function horizontal(from: number, to: number): string {
  if (from === to) return '';
  const options = [`${CSI}${to + 1}G`];
  if (to === 0) options.push('\r');
  else options.push(`\r${csi(to, 'C')}`);
  if (to > from) options.push(csi(to - from, 'C'));
  else options.push(from - to <= 3 ? '\b'.repeat(from - to) : csi(from - to, 'D'));
  return options.reduce((a, b) => (b.length < a.length ? b : a));
}

/** Accumulates one update, tracking where the cursor is and which style the terminal will use. */
class Painter {
  out = '';
  /** null when unknown (start of an update, or after writing into the last column) */
  private cursor: { r: number; c: number } | null = null;
  private pen = '';

  constructor(private readonly cols: number) {}

  /** The shortest way to get from (cur) to (r, c): absolute, or relative when that is shorter. */
  private move(r: number, c: number): string {
    const cur = this.cursor;
    let best = cursorPosition(r, c);
    if (!cur) return best;
    const consider = (seq: string) => {
      if (seq.length < best.length) best = seq;
    };
    const dr = r - cur.r;
    const vertical = dr === 0 ? '' : dr > 0 ? csi(dr, 'B') : csi(-dr, 'A');
    consider(vertical + horizontal(cur.c, c));
    // The target row holds frame content, so these line feeds never reach the bottom margin.
    if (dr > 0 && dr <= 3) consider('\r\n'.repeat(dr) + (c > 0 ? csi(c, 'C') : ''));
    return best;
  }

  /** The text that writes cells [from, to) of `row`, and the pen after it. */
  private cellsText(row: readonly Cell[], from: number, to: number, pen: string): { text: string; pen: string } {
    let text = '';
    for (let c = from; c < to; c++) {
      const cell = cellAt(row, c);
      if (cell.ch === '') continue;
      text += sgrTransition(pen, cell.st) + cell.ch;
      pen = cell.st;
    }
    return { text, pen };
  }

  /** Moves to (r, c) on the way to writing something in style `st`: by rewriting the unchanged
   *  cells in between when that is shorter than a cursor move. */
  goto(r: number, c: number, row: readonly Cell[], st: string): void {
    const cur = this.cursor;
    if (cur && cur.r === r && cur.c === c) return;
    const move = this.move(r, c);
    if (cur && cur.r === r && cur.c < c && c - cur.c < move.length + 8) {
      const gap = this.cellsText(row, cur.c, c, this.pen);
      if (Buffer.byteLength(gap.text) + sgrTransition(gap.pen, st).length <= move.length + sgrTransition(this.pen, st).length) {
        this.out += gap.text;
        this.pen = gap.pen;
        this.cursor = { r, c };
        return;
      }
    }
    this.out += move;
    this.cursor = { r, c };
  }

  write(r: number, row: readonly Cell[], from: number, to: number): void {
    const { text, pen } = this.cellsText(row, from, to, this.pen);
    this.out += text;
    this.pen = pen;
    this.cursor = to >= this.cols ? null : { r, c: to };
  }

  /** Erases from the cursor: to the end of the line, or (`below`) to the end of the screen. */
  erase(below: boolean): void {
    this.setPen('');
    this.out += below ? ERASE_BELOW : ERASE_LINE_END;
  }

  setPen(st: string): void {
    this.out += sgrTransition(this.pen, st);
    this.pen = st;
  }

  /** Rewrites what differs in row r; with `prev` undefined, everything (unknown contents). */
  row(r: number, prev: readonly Cell[] | undefined, next: readonly Cell[] | undefined, known: boolean): void {
    const cols = this.cols;
    // the same row object: parsed from the same text, nothing to compare
    if (known && prev === next) return;
    const nextRow = next ?? [];
    const nLen = contentLength(nextRow, cols);
    const pLen = known ? contentLength(prev, cols) : cols;
    let c = 0;
    while (c < nLen) {
      if (known && same(cellAt(prev, c), cellAt(nextRow, c))) {
        c++;
        continue;
      }
      let start = c;
      let end = c + 1;
      while (end < nLen && !(known && same(cellAt(prev, end), cellAt(nextRow, end)))) end++;
      // Never start or stop in the middle of a wide character.
      if (start > 0 && cellAt(nextRow, start).ch === '') start--;
      while (end < nLen && cellAt(nextRow, end).ch === '') end++;
      this.goto(r, start, nextRow, cellAt(nextRow, start).st);
      this.write(r, nextRow, start, end);
      c = end;
    }
    if (pLen <= nLen) return;
    let e = nLen;
    if (known) while (e < pLen && isBlank(cellAt(prev, e))) e++;
    if (e >= pLen) return;
    // The line got shorter: blank its old tail, with spaces when that is shorter than erase.
    if (pLen - e < ERASE_LINE_END.length) {
      this.goto(r, e, nextRow, '');
      this.setPen('');
      this.write(r, nextRow, e, pLen);
    } else {
      this.goto(r, e, nextRow, '');
      this.erase(false);
    }
  }

  finish(): string {
    this.setPen('');
    return this.out;
  }
}

const asFrame = (f: Frame | string, cols: number): Frame => (typeof f === 'string' ? parseFrame(f, cols) : f);

/** Rows from this one on are all blank. */
function blankFrom(frame: Frame, cols: number): number {
  let n = frame.length;
  while (n > 0 && contentLength(frame[n - 1], cols) === 0) n--;
  return n;
}

/**
 * The bytes that turn a terminal showing `prev` into one showing `next`: cursor moves, SGR
 * changes and changed characters only; '' when nothing changed. Assumes the default style on
 * entry and leaves it on exit; makes no assumption about where the cursor is.
 */
export function diffFrame(prevFrame: Frame | string, nextFrame: Frame | string, cols: number): string {
  const prev = asFrame(prevFrame, cols);
  const next = asFrame(nextFrame, cols);
  const p = new Painter(cols);
  const nextEnd = blankFrom(next, cols);
  const prevEnd = blankFrom(prev, cols);
  for (let r = 0; r < nextEnd; r++) p.row(r, prev[r], next[r], true);
  // Below the new frame's last content: one erase-below beats erasing two or more lines.
  const stale: number[] = [];
  for (let r = nextEnd; r < prevEnd; r++) if (contentLength(prev[r], cols) > 0) stale.push(r);
  if (stale.length >= 2) {
    p.goto(stale[0], 0, [], '');
    p.erase(true);
  } else {
    for (const r of stale) p.row(r, prev[r], next[r], true);
  }
  return p.finish();
}

/**
 * A full repaint for a terminal whose contents are unknown (first frame, after a resize or a
 * foreign write): every row is overwritten in place and erased past its end, and everything
 * below the frame is erased. It never clears the screen first, so nothing flashes even where
 * synchronized output is unsupported.
 */
export function paintFrame(nextFrame: Frame | string, cols: number, rows = Infinity): string {
  const next = asFrame(nextFrame, cols);
  const p = new Painter(cols);
  p.out = RESET;
  const end = Math.min(blankFrom(next, cols), rows);
  for (let r = 0; r < end; r++) p.row(r, undefined, next[r], false);
  if (end < rows) {
    p.goto(end, 0, [], '');
    p.erase(true);
  }
  return p.finish();
}
