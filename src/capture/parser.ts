// Text of a capture, chunk by chunk -> its layout, then one sample at a time with only the mapped
// columns, as 32-bit floats. Nothing here reads files: the stream (stream.ts) feeds it, tests
// feed it strings. Problems that leave good rows are notes; a file with no good row is an error.

import { type CaptureLayout, layoutOf, NotACapture } from './layout.js';
import { labelSeconds } from './time-label.js';
import { CsvTokenizer } from './tokenizer.js';

export interface CaptureSample {
  /** 1-based, in row order */
  index: number;
  line: number;
  /** the time column as written */
  label: string;
  /** seconds since the first sample */
  t: number;
  /** seconds since the sample before (0 for the first) */
  interval: number;
  values: Float32Array;
}

/**
 * A copy of a cell that outlives its line. V8 cuts a slice of 13 characters or more out of its
 * parent string without copying, so a kept time label would keep its whole 256 KB chunk alive:
 * two rows of a 20,000-column file per sample held.
 */
function own(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** Notes kept word for word; past this many, only counted. */
const NOTES_KEPT = 20;

export class CaptureParser {
  layout: CaptureLayout | null = null;
  readonly notes: string[] = [];
  notesDropped = 0;
  /** lines named as bad (skipped) */
  readonly badRows: number[] = [];
  samples = 0;
  private readonly tokenizer: CsvTokenizer;
  private headerError: Error | null = null;
  private prevSeconds: number | null = null;
  private prevLabel = '';
  private t = 0;
  private lastInterval = 0;
  private sawText = false;
  private minFields = 0;

  constructor(private readonly onSample: (s: CaptureSample) => void) {
    this.tokenizer = new CsvTokenizer({
      record: (cells, line) => this.record(cells, line),
      glued: (line, column, text) => {
        // the header names the unnamed fields once; data rows repeat the same split
        if (line === 1) this.note(`line 1, column ${column}: an unquoted field ${JSON.stringify(text)} directly before a quoted one (esxtop -a writes these); split there`);
      },
      junk: (line, column) => this.note(`line ${line}, column ${column}: text after a closing quote; kept in the cell`),
    });
  }

  push(chunk: string): void {
    if (this.headerError) return;
    if (!this.sawText && chunk.length > 0) this.sawText = true;
    this.tokenizer.push(chunk);
  }

  /** The input is complete; throws NotACapture when nothing usable was in it. */
  end(): void {
    if (this.headerError) throw this.headerError;
    const truncated = this.tokenizer.insideQuote;
    this.tokenizer.end();
    if (this.headerError) throw this.headerError;
    if (truncated) this.note('the file ends inside a quoted cell: its last line is truncated');
    if (truncated && this.samples === 0) {
      const line = this.tokenizer.lineNumber;
      throw new NotACapture(`the file ends inside line ${line}${line === 1 ? ' (the header)' : ''}, in a quoted cell: it is truncated, and no whole sample precedes it`);
    }
    if (!this.sawText || !this.layout) throw new NotACapture('the file is empty: expected an esxtop batch capture (a "(PDH-CSV 4.0) ..." header line, then one line per sample)');
    if (this.samples === 0) {
      throw new NotACapture(this.badRows.length
        ? `no usable sample: ${this.notes.slice(0, 3).join('; ')}`
        : 'the file has a header line and no sample after it: expected one line per sample after line 1');
    }
  }

  /** the first error that makes the file unreadable (reported when the stream ends, or at once by the caller) */
  get error(): Error | null {
    return this.headerError;
  }

  note(text: string): void {
    if (this.notes.length < NOTES_KEPT) this.notes.push(text);
    else this.notesDropped++;
  }

  private record(cells: readonly string[], line: number): void {
    if (!this.layout) {
      try {
        this.layout = layoutOf(cells);
      } catch (err) {
        this.headerError = err instanceof NotACapture ? err : new NotACapture(String(err));
        return;
      }
      // esxtop's trailing empty field is optional in the rows: a re-saved file may drop it
      this.minFields = cells[cells.length - 1] === '' ? cells.length - 1 : cells.length;
      const keep = new Uint8Array(cells.length + 1);
      keep[0] = 1;
      for (let c = 1; c < cells.length; c++) if (this.layout.slotOf[c] >= 0) keep[c] = 1;
      this.tokenizer.keepOnly(keep);
      if (this.layout.unnamed.length) {
        this.note(`columns without a name (esxtop -a's unquoted "   -" fields), ignored: ${this.layout.unnamed.join(', ')}`);
      }
      for (const b of this.layout.badNames.slice(0, 3)) {
        this.note(`line 1, column ${b.column}: ${JSON.stringify(b.text.slice(0, 60))} is not a \\\\host\\Object(instance)\\Counter path; ignored`);
      }
      return;
    }
    this.sample(cells, line);
  }

  private sample(cells: readonly string[], line: number): void {
    const l = this.layout!;
    if (cells.length < this.minFields) {
      this.badRows.push(line);
      this.note(`line ${line}: ${cells.length} fields where the header has ${l.columns}: row skipped (truncated?)`);
      return;
    }
    const values = new Float32Array(l.slots);
    let bad = 0;
    let firstBad = '';
    for (let c = 1; c < l.columns; c++) {
      const slot = l.slotOf[c];
      if (slot < 0) continue;
      const text = cells[c] ?? '';
      const x = text === '' ? NaN : Number(text);
      if (Number.isNaN(x) && text.trim() !== '') {
        if (bad++ === 0) firstBad = `column ${c + 1}: ${JSON.stringify(text.slice(0, 30))}`;
      }
      values[slot] = x;
    }
    if (bad > 0) this.note(`line ${line}: ${bad} cell${bad > 1 ? 's are' : ' is'} not a number (first at ${firstBad}): shown as -`);
    const label = own(cells[0]);
    const seconds = labelSeconds(label);
    let interval = 0;
    if (this.samples > 0) {
      if (seconds !== null && this.prevSeconds !== null && seconds > this.prevSeconds) {
        interval = seconds - this.prevSeconds;
        this.lastInterval = interval;
      } else {
        interval = this.lastInterval || 1;
        const why = seconds === null ? 'is not a time'
          : this.prevSeconds === null ? 'follows a label that is not a time'
          : seconds === this.prevSeconds ? `repeats ${JSON.stringify(this.prevLabel)}` : `goes back from ${JSON.stringify(this.prevLabel)}`;
        this.note(`line ${line}: time ${JSON.stringify(label)} ${why}: shown as written, samples kept in row order (${interval} s apart)`);
      }
    }
    this.t += interval;
    this.prevSeconds = seconds;
    this.prevLabel = label;
    this.samples++;
    this.onSample({ index: this.samples, line, label, t: this.t, interval, values });
  }
}
