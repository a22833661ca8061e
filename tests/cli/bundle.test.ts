// The shipped bundle (scripts/bundle.mjs), read as files: what Node loads for each command, and
// that the monitor's faster Output.get patches the copy of Ink that renders (one copy only).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { applyInkPatch, INK_PATCHES, MEASURE_CACHE_LIMIT } from '../../src/tui/terminal/ink-patches.js';

const DIR = join(ROOT, 'dist', 'bundle');
const files = new Map(readdirSync(DIR).filter((f) => f.endsWith('.js')).map((f) => [f, readFileSync(join(DIR, f), 'utf8')]));
const INK_OUTPUT = /^var (Output\d*) = class \{$/gm;

/** The files a module loads before it runs: its static imports of other chunks, transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  for (const m of files.get(file)!.matchAll(/^(?:import|export) [^;]*? from "\.\/(chunk-[\w-]+\.js)";$/gm)) {
    if (!seen.has(m[1])) staticClosure(m[1], seen);
  }
  return seen;
}

describe('the bundle', () => {
  it('holds one copy of Ink\'s Output class, and ink-internals hands out that one to be patched', () => {
    const classes = [...files].flatMap(([f, text]) => [...text.matchAll(INK_OUTPUT)].map((m) => ({ f, name: m[1] })));
    expect(classes).toHaveLength(1);
    const [{ f, name }] = classes;
    // `{ Output, tk: … }` when the class kept its name, `{ Output: Output2, tk: … }` otherwise
    const handed = name === 'Output' ? 'Output' : `Output: ${name}`;
    expect(files.get(f)).toMatch(new RegExp(`async function loadInkInternals\\(\\) \\{\\n\\s+return \\{ ${handed}, tk: `));
  });

  it('batch, validate and profiles load no Ink and no React: the monitor\'s chunk loads on demand', () => {
    const loaded = [...staticClosure('main.js')].map((f) => files.get(f)!).join('\n');
    expect(loaded).not.toMatch(INK_OUTPUT);
    expect(loaded).not.toContain('react-reconciler');
    expect(loaded).toContain('var Engine = class {');
    const all = [...files.values()].join('\n');
    expect(all).toContain('react-reconciler');
  });

  it('ships Ink with its patches: the measureText cache bounded (ink 986), a nameless Ctrl key no crash (ink 901)', () => {
    const all = [...files.values()].join('\n');
    // esbuild prints 2000 as 2e3
    expect(all).toMatch(new RegExp(`if \\(cache\\.size >= (${MEASURE_CACHE_LIMIT}|2e3)\\) cache\\.clear\\(\\);\\n\\s+cache\\.set\\(text, dimensions\\);`));
    expect(all).toContain('input = keypress.name ?? "";');
  });
});

describe('Ink patches', () => {
  it('refuse a file whose text is not the one patched (a new Ink), rather than ship it unpatched', () => {
    for (const patch of INK_PATCHES) {
      expect(applyInkPatch(`a\n${patch.find}\nb`, patch)).toBe(`a\n${patch.replace}\nb`);
      expect(() => applyInkPatch('something else', patch)).toThrow(/not there once; a new Ink\?/);
      expect(() => applyInkPatch(`${patch.find}${patch.find}`, patch)).toThrow(/not there once/);
    }
  });
});
