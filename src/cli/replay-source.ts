// A recording file -> what is needed to re-run it, or a UsageError with the line and the reason.

import { readFileSync } from 'node:fs';
import { parseRecording } from '../record/parse.js';
import type { Recording } from '../record/format.js';
import type { Profile } from '../profile/types.js';
import { fileProblem, UsageError } from './usage-error.js';

export function loadRecording(path: string): { recording: Recording; profile: Profile } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`${path}: cannot read the recording: ${fileProblem(err)}`);
  }
  const parsed = parseRecording(text, path);
  if (!parsed.ok) throw new UsageError(`${path}:${parsed.error.line}: ${parsed.error.message}`);
  return parsed;
}
