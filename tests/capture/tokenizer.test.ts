import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvTokenizer } from '../../src/capture/tokenizer.js';

function tokenize(chunks: string[]) {
  const records: { cells: string[]; line: number }[] = [];
  const glued: { line: number; column: number; text: string }[] = [];
  const t = new CsvTokenizer({ record: (cells, line) => records.push({ cells: [...cells], line }), glued: (line, column, text) => glued.push({ line, column, text }) });
  for (const c of chunks) t.push(c);
  t.end();
  return { records, glued };
}

describe('the capture tokenizer', () => {
  it('reads quoted cells with esxtop\'s trailing empty field, and "" inside quotes', () => {
    const { records } = tokenize(['"a","b ""x""",\r\n"1","2",\r\n']);
    expect(records).toEqual([{ cells: ['a', 'b "x"', ''], line: 1 }, { cells: ['1', '2', ''], line: 2 }]);
  });

  it('reads unquoted cells as a spreadsheet re-saves them, with LF, CRLF and bare-CR endings alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const { records } = tokenize([`a,b,c${eol}1,2.5,${eol}${eol}3,,4`]);
      expect(records.map((r) => r.cells), JSON.stringify(eol)).toEqual([['a', 'b', 'c'], ['1', '2.5', ''], ['3', '', '4']]);
      expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    }
  });

  it('numbers lines past line breaks inside quoted cells, wherever the chunks are cut', () => {
    const text = '"a","b\nc","d",\n"1","2","3",\n"x\n\ny","z",\n"4","5",\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const { records } = tokenize([text.slice(0, cut), text.slice(cut)]);
      expect(records.map((r) => r.line), `cut at ${cut}`).toEqual([1, 3, 4, 7]);
      expect(records[2].cells, `cut at ${cut}`).toEqual(['x\n\ny', 'z', '']);
    }
  });

  it('splits -a\'s unquoted "   -" run from the quoted cell glued after it, and says where', () => {
    const { records, glued } = tokenize(['"x","y",   -"z",   -\n']);
    expect(records[0].cells).toEqual(['x', 'y', '   -', 'z', '   -']);
    expect(glued).toEqual([{ line: 1, column: 3, text: '   -' }]);
  });

  it('gives the same records whatever the chunking', () => {
    const text = '"(PDH-CSV 4.0)","\\\\h\\Memory\\Free MBytes",   -"q""q",\r\n"04/26/2018 14:06:27","12",5,"x",\r"2","3\n4",,\n';
    const whole = tokenize([text]).records;
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 8 }), (cuts) => {
      const at = [...new Set(cuts)].sort((a, b) => a - b);
      const chunks = [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
      expect(tokenize(chunks).records).toEqual(whole);
    }));
  });

  it('keeps the text of the wanted columns only, once told which', () => {
    const records: string[][] = [];
    const t = new CsvTokenizer({ record: (cells) => records.push([...cells]) });
    t.push('"h1","h2","h3"\n');
    t.keepOnly(Uint8Array.from([1, 0, 1]));
    t.push('"a","b","c"\nd,e,f\n');
    t.end();
    expect(records.slice(1)).toEqual([['a', '', 'c'], ['d', '', 'f']]);
  });

  it('ends a last line without a line break, and reports a file that ends inside a quote', () => {
    const t = new CsvTokenizer({ record: () => {} });
    t.push('"a","b');
    expect(t.insideQuote).toBe(true);
    expect(tokenize(['"a","b"']).records[0].cells).toEqual(['a', 'b']);
  });
});
