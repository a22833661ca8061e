// Ink's Output class and its ANSI tokenizer, which Ink does not export. Run from dist/, they are
// imported from beside Ink's entry point: the same files, so the same module instances Ink
// renders with. The bundle (scripts/bundle.mjs) replaces this module with static imports of
// those files, so that its one copy of Ink is the one patched.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OutputClass, Tokenize } from './ink-output.js';

export async function loadInkInternals(): Promise<{ Output: OutputClass; tk: Tokenize }> {
  const require = createRequire(import.meta.url);
  const inkEntry = require.resolve('ink');
  const inkRequire = createRequire(inkEntry);
  const Output = ((await import(pathToFileURL(join(dirname(inkEntry), 'output.js')).href)) as { default: OutputClass }).default;
  const tokenizeDir = dirname(inkRequire.resolve('@alcalzone/ansi-tokenize/package.json'));
  const tk = (await import(pathToFileURL(join(tokenizeDir, 'build', 'index.js')).href)) as Tokenize;
  return { Output, tk };
}
