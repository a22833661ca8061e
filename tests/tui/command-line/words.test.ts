// The `:` line's shape: action, target, key=value; its own mistakes said with what was expected.
import { expect, test } from 'vitest';
import { readWords, splitWords } from '../../../src/tui/command-line/words.js';

test('action, target and key=value words, spaces as typed', () => {
  expect(readWords('  migrate   web-1 to=esx-b ')).toEqual({ ok: true, words: {
    action: 'migrate', target: 'web-1', fields: [{ key: 'to', value: 'esx-b' }], line: 'migrate web-1 to=esx-b' } });
  expect(readWords('freeze api')).toEqual({ ok: true, words: { action: 'freeze', target: 'api', fields: [], line: 'freeze api' } });
  // the profile's own key for the target is taken too
  expect(readWords('freeze target=api')).toMatchObject({ ok: true, words: { action: 'freeze', target: 'api', fields: [] } });
  // a value keeps what follows its first =
  expect(readWords('load db cpu=50%')).toMatchObject({ ok: true, words: { fields: [{ key: 'cpu', value: '50%' }] } });
  expect(splitWords('migrate web-1 ')).toEqual(['migrate', 'web-1', '']);
  expect(splitWords('')).toEqual(['']);
});

test.each([
  ['', 'expected a command like migrate web-1 to=esx-b (Tab completes)'],
  ['to=esx-b', 'to=esx-b: the action comes first, like migrate web-1 to=esx-b'],
  ['migrate web-1 esx-b', 'esx-b: expected key=value after the target, like to=esx-b or for=60s'],
  ['migrate web-1 to: esx-b', 'to:: expected key=value after the target, like to=esx-b or for=60s'],
  ['migrate web-1 to=', 'to=: expected key=value after the target, like to=esx-b or for=60s'],
  ['migrate web-1 =esx-b', '=esx-b: expected key=value after the target, like to=esx-b or for=60s'],
  ['load db cpu=5% cpu=6% for=1s', 'cpu: given twice'],
  ['freeze api target=etl', 'target: given twice (api and etl)'],
  ['load db at=30s cpu=5% for=1s', 'at: a typed command runs now (at is for a profile\'s timeline)'],
  ['load action=migrate', 'action: the action is the first word, like migrate web-1 to=esx-b'],
])('%j is refused: %s', (line, message) => {
  expect(readWords(line)).toEqual({ ok: false, message });
});
