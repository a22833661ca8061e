// A capture file opened for the monitor or import: a message (exit 2) for a file that cannot be
// read or is not a capture, the notes on stderr for what was skipped.

import { statSync } from 'node:fs';
import { CaptureStream } from '../capture/stream.js';
import { NotACapture } from '../capture/layout.js';
import { fileProblem, UsageError } from './usage-error.js';

/** whether a path names an esxtop capture (by its name: `vmtop FILE.csv`) */
export function isCapturePath(arg: string | undefined): arg is string {
  return arg !== undefined && /\.csv$/i.test(arg);
}

export function openCapture(path: string): CaptureStream {
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
  } catch (err) {
    throw new UsageError(`${path}: cannot read the capture: ${fileProblem(err)}`);
  }
  return new CaptureStream(path);
}

/** The stream's error as the user's message: where and what was expected. */
export function captureProblem(path: string, err: unknown): UsageError {
  if (err instanceof NotACapture) return new UsageError(`${path}: not an esxtop batch capture: ${err.message}`);
  return new UsageError(`${path}: cannot read the capture: ${fileProblem(err)}`);
}

/** What the reader skipped or repaired, one line each on stderr. */
export function captureNotes(path: string, s: CaptureStream): string {
  const { notes, more } = s.notes;
  if (!notes.length) return '';
  return notes.map((n) => `vmtop: ${path}: ${n}\n`).join('') + (more ? `vmtop: ${path}: ... and ${more} more\n` : '');
}
