// `vmtop import FILE.csv -o lab.yaml`: a what-if profile from a real host's esxtop capture.

import { writeFileSync } from 'node:fs';
import { CaptureMeans, importProfile } from '../capture/import.js';
import { captureNotes, captureProblem, openCapture } from './capture-source.js';
import { fileProblem, UsageError } from './usage-error.js';

export async function importCommand(file: string, output: string | undefined): Promise<void> {
  const stream = openCapture(file);
  let means: CaptureMeans | null = null;
  let last: Float32Array | null = null;
  try {
    for (let s = await stream.next(); s; s = await stream.next()) {
      means ??= new CaptureMeans(stream.layout!);
      means.add(s);
      last = s.values;
    }
  } catch (err) {
    throw captureProblem(file, err);
  }
  process.stderr.write(captureNotes(file, stream));
  const text = importProfile(stream.layout!, means!, file, last!);
  if (output === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(output, text);
  } catch (err) {
    throw new UsageError(`-o ${output}: cannot write the profile: ${fileProblem(err)}`);
  }
}
