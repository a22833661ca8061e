#!/usr/bin/env node
// The shipped entry point. React's development build costs several times the CPU per frame,
// so production mode is set before anything imports React.
process.env.NODE_ENV ??= 'production';
// Ink reads CI=0 or CI=false as "not a CI run"; chalk reads any CI as a CI log and drops every
// style, inverse included (the selection vanished). One meaning for both: not CI.
if (process.env.CI === '0' || process.env.CI === 'false') delete process.env.CI;

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const bundle = new URL('dist/bundle/main.js', root);

// The package ships the bundle (`npm pack` builds it); a clone has none until it is built. So
// that `npm install && npx vmtop` works in a fresh clone, vmtop builds itself there, once.
if (!existsSync(bundle)) {
  const clone = existsSync(new URL('scripts/bundle.mjs', root)) && existsSync(new URL('src/cli/main.ts', root));
  if (!clone || !existsSync(new URL('node_modules/typescript', root))) {
    process.stderr.write(`vmtop: the build is missing (dist/bundle/). ${clone ? 'Run `npm install` first.' : 'Reinstall vmtop.'}\n`);
    process.exit(1);
  }
  process.stderr.write('vmtop: first run in this clone: building dist/ (npm run build) ...\n');
  // npm's own script, run by the npm that started us (npx sets npm_execpath) or the one on PATH;
  // its output goes to stderr so that `npx vmtop batch > file` stays clean
  const npm = process.env.npm_execpath;
  const built = npm && /npm-cli\.js$/.test(npm)
    ? spawnSync(process.execPath, [npm, 'run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 2] })
    : spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (built.status !== 0 || !existsSync(bundle)) {
    process.stderr.write('vmtop: the build failed (above); `npm run build` shows it again.\n');
    process.exit(1);
  }
}

// the bundle (scripts/bundle.mjs): a few files to load instead of every module of dist/
await import(bundle.href);
