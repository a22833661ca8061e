// A streaming CSV tokenizer for `esxtop -b` captures, fed text in chunks of any size. It reads
// what people have: esxtop's quoted cells with a trailing empty field, a spreadsheet's unquoted
// re-save, CRLF, LF or bare-CR line endings, and `-a`'s unquoted `   -` runs that esxtop writes
// with no comma before the next quoted cell (split here, so that cell keeps its own column).

export interface TokenizerSink {
  /** one line's cells; `line` is 1-based. The array is reused: copy what must outlive the call. */
  record(cells: readonly string[], line: number): void;
  /** an unquoted run directly followed by a quoted cell: split into two cells */
  glued?(line: number, column: number, text: string): void;
  /** text after a closing quote before the comma: kept, appended to the cell */
  junk?(line: number, column: number): void;
}

const enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterCr }

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

function indexOrEnd(chunk: string, from: number): number {
  const k = chunk.indexOf('\n', from);
  return k < 0 ? chunk.length : k;
}

export class CsvTokenizer {
  private state = State.FieldStart;
  private cells: string[] = [];
  /** cells of the current line so far (the array keeps its length from the line before) */
  private count = 0;
  /** the part of the current cell read in earlier chunks */
  private carry = '';
  private line = 1;
  /** the line a record started on (a quoted cell may span lines) */
  private recordLine = 1;
  /**
   * Columns whose text is wanted; the others are counted but never sliced out of the chunk, so a
   * 17,000-column capture costs strings only for the columns the panels map. null: every column.
   */
  private keep: Uint8Array | null = null;
  /** the current chunk's next LF at or after the last quoted cell's start (its length: none); -1 unknown */
  private nextLf = -1;

  constructor(private readonly sink: TokenizerSink) {}

  /** From now on only columns `i` with keep[i] = 1 carry their text; the others read as ''. */
  keepOnly(keep: Uint8Array | null): void {
    this.keep = keep;
  }

  push(chunk: string): void {
    this.nextLf = -1;
    let start = 0;
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case State.AfterCr:
          this.state = State.FieldStart;
          if (c === LF) { i++; start = i; continue; }
          break;
        case State.FieldStart:
          if (c === QUOTE) { this.state = State.Quoted; i++; start = i; continue; }
          if (c === COMMA) { this.add(''); i++; start = i; continue; }
          if (c === CR || c === LF) { this.endLine(true, c); i++; start = i; continue; }
          this.state = State.Unquoted;
          start = i;
          break;
        case State.Unquoted: {
          // scan to the end of the run in one go
          let j = i;
          while (j < n) {
            const d = chunk.charCodeAt(j);
            if (d === COMMA || d === CR || d === LF || d === QUOTE) break;
            j++;
          }
          if (j === n) { this.save(chunk, start, n); i = n; start = n; continue; }
          const d = chunk.charCodeAt(j);
          this.endCell(chunk, start, j);
          i = j + 1;
          start = i;
          if (d === COMMA) this.state = State.FieldStart;
          else if (d === QUOTE) {
            this.sink.glued?.(this.recordLine, this.count, this.cells[this.count - 1]);
            this.state = State.Quoted;
          } else this.endLine(false, d);
          continue;
        }
        case State.Quoted: {
          const j = chunk.indexOf('"', i);
          if (j < 0) { this.countLines(chunk, i, n); this.save(chunk, start, n); i = n; start = n; continue; }
          this.countLines(chunk, i, j);
          this.save(chunk, start, j);
          this.state = State.QuoteInQuoted;
          i = j + 1;
          start = i;
          continue;
        }
        case State.QuoteInQuoted:
          if (c === QUOTE) { this.carry += '"'; this.state = State.Quoted; i++; start = i; continue; }
          if (c === COMMA) { this.endCell(chunk, i, i); this.state = State.FieldStart; i++; start = i; continue; }
          if (c === CR || c === LF) { this.endCell(chunk, i, i); this.endLine(false, c); i++; start = i; continue; }
          this.sink.junk?.(this.recordLine, this.count + 1);
          this.state = State.Unquoted;
          start = i;
          continue;
      }
    }
    if (start < n && this.state === State.Unquoted) this.save(chunk, start, n);
  }

  /** The input ended: a last line without a line break is still a record. */
  end(): void {
    switch (this.state) {
      case State.Unquoted:
      case State.QuoteInQuoted:
      case State.Quoted:
        this.endCell('', 0, 0);
        this.emit();
        break;
      case State.FieldStart:
        // `"a",` at the very end: the trailing empty field of an unterminated last line
        if (this.count > 0) { this.add(''); this.emit(); }
        break;
      case State.AfterCr:
        break;
    }
    this.state = State.FieldStart;
  }

  /** the line being read (1-based) */
  get lineNumber(): number {
    return this.recordLine;
  }

  /** whether the last record ended inside a quoted cell (a truncated file) */
  get insideQuote(): boolean {
    return this.state === State.Quoted;
  }

  private save(chunk: string, from: number, to: number): void {
    if (to > from && this.wanted()) this.carry += chunk.slice(from, to);
  }

  private wanted(): boolean {
    return this.keep === null || this.keep[this.count] === 1;
  }

  private endCell(chunk: string, from: number, to: number): void {
    if (!this.wanted()) this.add('');
    else if (this.carry === '') this.add(chunk.slice(from, to));
    else this.add(this.carry + chunk.slice(from, to));
    this.carry = '';
  }

  /** A line break at `FieldStart` after a comma is the trailing empty field; alone, an empty line. */
  private endLine(atFieldStart: boolean, c: number): void {
    if (atFieldStart && this.count > 0) this.add('');
    if (this.count > 0) this.emit();
    else this.recordLine = this.line + 1;
    this.line++;
    this.recordLine = this.line;
    this.state = c === CR ? State.AfterCr : State.FieldStart;
  }

  private add(cell: string): void {
    this.cells[this.count++] = cell;
  }

  private emit(): void {
    // the array is kept from line to line: emptied and regrown each time, a 20,000-cell line
    // reallocated some 500 KB of it, and collecting that was most of the reader's memory churn
    if (this.cells.length !== this.count) this.cells.length = this.count;
    this.sink.record(this.cells, this.recordLine);
    this.count = 0;
  }

  /**
   * Line breaks inside quoted cells, for the line numbers. The next LF of the chunk is looked up
   * once and kept: searching afresh from each quoted cell scanned to the end of the row every
   * time, quadratic in a 20,000-column line (most of the reader's time on such a file).
   */
  private countLines(chunk: string, from: number, to: number): void {
    if (this.nextLf < from) this.nextLf = indexOrEnd(chunk, from);
    while (this.nextLf < to) {
      this.line++;
      this.nextLf = indexOrEnd(chunk, this.nextLf + 1);
    }
  }
}
