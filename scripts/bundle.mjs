// The shipped monitor as one ES module (and the chunks that load later), from tsc's output in
// dist/. Node then reads a few files instead of ~300: it no longer resolves, stats, reads and
// compiles every module, nor scans each CommonJS dependency (React's reconciler is 400 kB) for
// its exports, whose scanner V8 then spent ~0.35 s optimizing on its worker threads. Measured
// in the note (startup CPU about halved). The modules in dist/ stay for the tests.
//
// Splitting keeps what the CLI loads on demand (Ink and React for the monitor only) in chunks of
// their own: `vmtop batch` does not load the monitor.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { thirdPartyNotices } from './notices.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'bundle');
// tsc has just built dist/: the same lookup the modules make at run time
const { inkInternalPaths } = await import(pathToFileURL(join(root, 'dist', 'tui', 'terminal', 'ink-internals.js')).href);
const ink = inkInternalPaths(join(root, 'package.json'));
const { INK_PATCHES, applyInkPatch } = await import(pathToFileURL(join(root, 'dist', 'tui', 'terminal', 'ink-patches.js')).href);

/**
 * ink-internals.js imports Ink's Output and tokenizer by path at run time, which in a bundle
 * would load a second copy of Ink's files beside the bundled one. Here it imports the very files
 * the bundled Ink imports, so the class patched is the class Ink renders with.
 */
const inkInternals = {
  name: 'ink-internals',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]tui[\\/]terminal[\\/]ink-internals\.js$/ }, () => ({
      loader: 'js',
      resolveDir: root,
      contents: [
        `import Output from ${JSON.stringify(ink.output)};`,
        `import * as tk from ${JSON.stringify(ink.tokenize)};`,
        'export async function loadInkInternals() { return { Output, tk }; }',
      ].join('\n'),
    }));
  },
};

/** Ink's own files that vmtop patches (src/tui/terminal/ink-patches.ts), patched as they are bundled. */
const inkBuild = dirname(ink.output);
const patched = new Set();
const inkPatches = {
  name: 'ink-patches',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/].*\.js$/ }, (args) => {
      const file = relative(inkBuild, args.path).split(sep).join('/');
      const mine = INK_PATCHES.filter((p) => p.file === file);
      if (mine.length === 0) return undefined;
      let contents = readFileSync(args.path, 'utf8');
      for (const patch of mine) contents = applyInkPatch(contents, patch);
      patched.add(file);
      return { loader: 'js', contents };
    });
  },
};

/**
 * Ink loads React's devtools (its devtools.js: a WebSocket polyfill from `ws`, then
 * react-devtools-core, which is not installed) only when DEV=true: that module is a stub here,
 * and neither package is bundled.
 */
const noDevtools = {
  name: 'no-devtools',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]devtools\.js$/ }, () => ({
      loader: 'js',
      contents: 'console.error("vmtop: React devtools are not part of this build");',
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const { metafile } = await build({
  entryPoints: { main: join(root, 'dist', 'cli', 'main.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // React's production build only: the development one costs several times the CPU per frame
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies require Node's built-ins; an ES module has no `require` of its own
  banner: { js: "import { createRequire as __vmtopRequire } from 'node:module'; const require = __vmtopRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  plugins: [inkInternals, inkPatches, noDevtools],
  logLevel: 'warning',
  legalComments: 'none',
  // what went in: the packages whose notices ship with the bundle
  metafile: true,
});

const missed = INK_PATCHES.filter((p) => !patched.has(p.file));
if (missed.length > 0) throw new Error(`Ink's ${missed.map((p) => p.file).join(', ')} not bundled: its patches were not applied`);

// The packages bundled, and so shipped, with their licences: THIRD-PARTY-NOTICES.md, regenerated
// with every build so that it always lists what the bundle holds (a changed dependency shows as a
// change of this file in the diff).
writeFileSync(join(root, 'THIRD-PARTY-NOTICES.md'), thirdPartyNotices(Object.keys(metafile.inputs).map((p) => join(root, p))));
