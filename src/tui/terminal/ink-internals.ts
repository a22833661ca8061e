// Ink's Output class and its ANSI tokenizer, which Ink does not export. Run from dist/, they are
// imported from beside Ink's entry point: the same files, so the same module instances Ink
// renders with. The bundle (scripts/bundle.mjs) replaces loadInkInternals with static imports of
// the files inkInternalPaths names, so that its one copy of Ink is the one patched.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OutputClass, Tokenize } from './ink-output.js';

/** Where Ink's Output and the tokenizer it uses are, resolved from `from` (a file or directory). */
export function inkInternalPaths(from: string = import.meta.url): { output: string; tokenize: string } {
  const inkEntry = createRequire(from).resolve('ink');
  const tokenizeDir = dirname(createRequire(inkEntry).resolve('@alcalzone/ansi-tokenize/package.json'));
  return { output: join(dirname(inkEntry), 'output.js'), tokenize: join(tokenizeDir, 'build', 'index.js') };
}

export async function loadInkInternals(): Promise<{ Output: OutputClass; tk: Tokenize }> {
  const paths = inkInternalPaths();
  const Output = ((await import(pathToFileURL(paths.output).href)) as { default: OutputClass }).default;
  const tk = (await import(pathToFileURL(paths.tokenize).href)) as Tokenize;
  return { Output, tk };
}
