// Ink 6.8 turns each frame into text through its Output class: a grid of one object per cell
// for the whole frame height, every line tokenized afresh (its caches live one frame), then each
// row turned back into text, comparing every cell's styles with its neighbour's. For the monitor
// that was about half of a frame's CPU and most of its garbage, and a frame's blank rows cost as
// much as its content. `fastInkOutput` replaces Output.get with one that gives the same text:
// rows nothing was written to are '' without a grid row, tokenized lines and character widths
// are cached from frame to frame (bounded), and a row's neighbouring cells of one style skip the style
// diff (an empty diff in Ink's own code too). A frame with clipping falls back to Ink's get.
// Ink's internal modules are not exported: ink-internals.ts finds them (the bundle imports them
// directly); a version whose files differ is left alone.

import { loadInkInternals } from './ink-internals.js';

export interface StyledChar {
  type: 'char';
  value: string;
  fullWidth: boolean;
  styles: readonly AnsiCode[];
}
export interface AnsiCode {
  type: 'ansi';
  code: string;
  endCode: string;
}
type Operation =
  | { type: 'write'; x: number; y: number; text: string; transformers: ((line: string, index: number) => string)[] }
  | { type: 'clip' }
  | { type: 'unclip' };
interface OutputCaches {
  getStyledChars(line: string): StyledChar[];
  getStringWidth(text: string): number;
  styledChars: Map<string, StyledChar[]>;
  widths: Map<string, number>;
}
interface InkOutput {
  width: number;
  height: number;
  operations: Operation[];
  get(): { output: string; height: number };
}
export interface OutputClass {
  new (options: { width: number; height: number }): InkOutput & { caches: OutputCaches };
  prototype: InkOutput;
}
export interface Tokenize {
  ansiCodesToString(codes: readonly AnsiCode[]): string;
  diffAnsiCodes(from: readonly AnsiCode[], to: readonly AnsiCode[]): AnsiCode[];
  reduceAnsiCodesIncremental(codes: readonly AnsiCode[], newCodes: readonly AnsiCode[]): AnsiCode[];
  tokenize(text: string): ({ type: 'ansi' } & AnsiCode | { type: 'char'; value: string; fullWidth: boolean })[];
}

/**
 * Printable ASCII and SGR sequences only: each character is one grapheme one column wide, and
 * each escape an SGR that Ink's tokenizer reads whole, so the cells can be made without it.
 */
// eslint-disable-next-line no-control-regex -- SGR sequences are what it matches
const SIMPLE_LINE = /^(?:[\x20-\x7e]|\u001B\[[0-9;]*m)*$/;

/** Character widths kept across frames before that cache starts again. */
const WIDTHS_LIMIT = 4000;
const NO_STYLES: readonly AnsiCode[] = [];
const BLANK: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES };

let installed: 'yes' | 'no' | undefined;
/** Ink's get and this one, for the test that compares them. */
export const inkGets: { original?: InkOutput['get']; fast?: InkOutput['get']; Output?: OutputClass } = {};

/** Installs the faster Output.get; false when Ink's internals are not where 6.8 keeps them. */
export async function fastInkOutput(): Promise<boolean> {
  if (installed) return installed === 'yes';
  try {
    const { Output, tk } = await loadInkInternals();
    if (typeof Output?.prototype?.get !== 'function' || typeof tk.diffAnsiCodes !== 'function' || typeof tk.ansiCodesToString !== 'function'
      || typeof tk.reduceAnsiCodesIncremental !== 'function' || typeof tk.tokenize !== 'function') {
      installed = 'no';
      return false;
    }
    const original = Output.prototype.get;
    let caches = new Output({ width: 0, height: 0 }).caches;
    if (typeof caches?.getStyledChars !== 'function' || typeof caches.getStringWidth !== 'function') {
      installed = 'no';
      return false;
    }
    // Lines are kept for two frames (most of a frame's lines are the last one's), widths (one
    // per character) until there are too many.
    let lines = new Map<string, StyledChar[]>();
    let previous = new Map<string, StyledChar[]>();
    const fresh = () => {
      if (caches.widths.size > WIDTHS_LIMIT) caches = new Output({ width: 0, height: 0 }).caches;
      previous = lines;
      lines = new Map();
    };
    /** A line's cells, cached; neighbours of equal styles share one styles array. */
    const styledChars = (line: string): StyledChar[] => {
      let chars = lines.get(line) ?? previous.get(line);
      if (chars === undefined) {
        if (SIMPLE_LINE.test(line)) {
          chars = simpleChars(line);
        } else {
          // copied into this file's one object shape: layRow then sees a single kind of cell
          // (Ink's own differ in shape, and mixing them made V8 drop layRow's optimized code)
          chars = caches.getStyledChars(line).map((c) => ({ type: 'char', value: c.value, fullWidth: c.fullWidth, styles: c.styles }));
          caches.styledChars.clear();
        }
        for (let i = 1; i < chars.length; i++) {
          if (sameCodes(chars[i - 1].styles, chars[i].styles)) chars[i].styles = chars[i - 1].styles;
        }
      }
      lines.set(line, chars);
      return chars;
    };
    /** The SGR sequences' tokens, as Ink's tokenizer splits them (a handful of distinct ones). */
    const sgrTokens = new Map<string, AnsiCode[]>();
    /** styledCharsFromTokens(tokenize(line)) for a SIMPLE_LINE: the same cells and styles. */
    const simpleChars = (line: string): StyledChar[] => {
      const out: StyledChar[] = [];
      let styles: readonly AnsiCode[] = NO_STYLES;
      for (let i = 0; i < line.length;) {
        if (line.charCodeAt(i) === 0x1b) {
          const end = line.indexOf('m', i) + 1;
          const code = line.slice(i, end);
          let tokens = sgrTokens.get(code);
          if (tokens === undefined) {
            tokens = tk.tokenize(code).filter((t): t is { type: 'ansi' } & AnsiCode => t.type === 'ansi');
            if (sgrTokens.size > WIDTHS_LIMIT) sgrTokens.clear();
            sgrTokens.set(code, tokens);
          }
          // token by token, as styledCharsFromTokens reduces them
          for (const t of tokens) styles = tk.reduceAnsiCodesIncremental(styles, [t]);
          i = end;
          continue;
        }
        out.push({ type: 'char', value: line[i], fullWidth: false, styles });
        i++;
      }
      return out;
    };
    /** Ink's styledCharsToString, the equal-styles diff skipped. */
    const rowText = (chars: readonly StyledChar[]): string => {
      let ret = '';
      const last = chars.length - 1;
      for (let i = 0; i <= last; i++) {
        const char = chars[i];
        if (i === 0) {
          if (char.styles.length > 0) ret += tk.ansiCodesToString(char.styles);
        } else {
          const from = chars[i - 1].styles;
          if (from !== char.styles && (from.length > 0 || char.styles.length > 0)) ret += tk.ansiCodesToString(tk.diffAnsiCodes(from, char.styles));
        }
        ret += char.value;
        if (i === last && char.styles.length > 0) ret += tk.ansiCodesToString(tk.diffAnsiCodes(char.styles, []));
      }
      return ret;
    };
    /** A row's text by what was written to it (width, then each write's column and line): a row
     *  whose writes did not change since the last frame is not laid out and serialized again. */
    let rowTexts = new Map<string, string>();
    let previousRowTexts = new Map<string, string>();
    Output.prototype.get = function get(this: InkOutput) {
      if (this.operations.some((op) => op.type === 'clip')) return original.call(this);
      fresh();
      previousRowTexts = rowTexts;
      rowTexts = new Map();
      const { width, height } = this;
      // each row's writes, in the order Ink made them: column, then the line (transformed)
      const writes: (string | number)[][] = new Array<(string | number)[]>(height);
      for (const op of this.operations) {
        if (op.type !== 'write' || !op.text) continue;
        const { x, y, transformers } = op;
        const lines = op.text.split('\n');
        let offsetY = 0;
        for (let index = 0; index < lines.length; index++) {
          const r = y + offsetY;
          // as Ink: a line outside the frame is skipped, and does not count
          if (!(Number.isInteger(r) && r >= 0 && r < height)) continue;
          let line = lines[index];
          for (const transformer of transformers) line = transformer(line, index);
          (writes[r] ??= []).push(x, line);
          offsetY++;
        }
      }
      let output = '';
      for (let r = 0; r < height; r++) {
        if (r > 0) output += '\n';
        const w = writes[r];
        if (w === undefined) continue; // all blank: Ink's row of spaces, trimmed to ''
        const key = width + '\u0000' + w.join('\u0000');
        let text = rowTexts.get(key) ?? previousRowTexts.get(key);
        if (text === undefined) text = layRow(w, width);
        rowTexts.set(key, text);
        output += text;
      }
      return { output, height };
    };
    /** One row's cells from its writes, as Ink's text (trailing blanks trimmed). */
    const layRow = (w: readonly (string | number)[], width: number): string => {
      const row = new Array<StyledChar>(width).fill(BLANK);
      for (let i = 0; i < w.length; i += 2) {
        let offsetX = w[i] as number;
        for (const character of styledChars(w[i + 1] as string)) {
          row[offsetX] = character;
          const characterWidth = Math.max(1, caches.getStringWidth(character.value));
          for (let k = 1; k < characterWidth; k++) {
            row[offsetX + k] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
          }
          offsetX += characterWidth;
        }
      }
      // a write past the row's end can leave holes, which Ink's own code filters out
      return rowText(row.length > width ? row.filter((item) => item !== undefined) : row).trimEnd();
    };
    inkGets.original = original;
    inkGets.fast = Output.prototype.get;
    inkGets.Output = Output;
    installed = 'yes';
    return true;
  } catch {
    installed = 'no';
    return false;
  }
}

function sameCodes(a: readonly AnsiCode[], b: readonly AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
  return true;
}
