// Changes the shipped bundle makes to Ink 6.8's own files as it bundles them (scripts/bundle.mjs):
// two faults of Ink that vmtop cannot reach from outside, because the code is module-private.
// Each patch names the text it replaces; a version of Ink without that text fails the build
// rather than ship unpatched.

export interface InkPatch {
  /** Ink's file, relative to its build/ directory */
  file: string;
  why: string;
  find: string;
  replace: string;
}

/**
 * Entries measureText keeps before starting over. Ink 6.8 caches the size of every text it
 * measures, forever (vadimdemedes/ink issue 986): the monitor's figures change every refresh, so
 * the cache took about 3 KB a refresh, 15 -> 30 MB of live heap in 30 minutes at x64. A screen
 * holds a few hundred texts; 2,000 keeps a refresh's worth warm and bounds the cache to ~200 KB.
 */
export const MEASURE_CACHE_LIMIT = 2000;

export const INK_PATCHES: readonly InkPatch[] = [
  {
    file: 'measure-text.js',
    why: 'bounded text-size cache (ink issue 986)',
    find: '    cache.set(text, dimensions);',
    replace: `    if (cache.size >= ${MEASURE_CACHE_LIMIT}) cache.clear();\n    cache.set(text, dimensions);`,
  },
  {
    // vmtop's keyboard filter (keyboard.ts) hands Ink no sequence it cannot name; this is the
    // upstream fix (ink PR 902) as a second line of defence: a Ctrl-modified key Ink has no name
    // for (Ctrl+F1 is ESC[1;5P) made `input` undefined and `input.startsWith` threw.
    file: 'hooks/use-input.js',
    why: 'no crash on a Ctrl-modified key without a name (ink issue 901, PR 902)',
    find: '            else if (keypress.ctrl) {\n                input = keypress.name;',
    replace: "            else if (keypress.ctrl) {\n                input = keypress.name ?? '';",
  },
];

/** The patched text of one of Ink's files; throws when Ink's text is not what the patch expects. */
export function applyInkPatch(source: string, patch: InkPatch): string {
  const at = source.indexOf(patch.find);
  if (at < 0 || source.indexOf(patch.find, at + 1) >= 0) {
    throw new Error(`ink/build/${patch.file}: the text to patch (${patch.why}) is not there once; a new Ink? check the patch`);
  }
  return source.slice(0, at) + patch.replace + source.slice(at + patch.find.length);
}
