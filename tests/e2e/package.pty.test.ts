// The package as a user installs it: `npm pack`, then `npm install -g` of the tarball into a
// temporary prefix, offline (the bundle needs no dependencies). The installed command's
// --version, batch and the monitor in a real terminal work; the install is small and quiet.
// Needs the build (npm test builds first; pack's own prepack build is skipped here so that the
// other tests' dist/ is not rebuilt under them).

import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { startPty, stopPty, waitFor, type Session } from './pty.js';

const dir = tempDir('vmtop-pack-');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
/** under 3 MB installed: the bundle, the profiles, the notices */
const MAX_INSTALLED_BYTES = 3 * 1024 * 1024;

let session: Session | undefined;
afterEach(() => {
  stopPty(session);
  session = undefined;
});

function npm(args: string[], cwd = ROOT) {
  const r = spawnSync('npm', [...args, '--cache', join(dir, 'cache'), '--no-audit', '--no-fund', '--no-update-notifier'],
    { cwd, encoding: 'utf8', timeout: 120000, shell: process.platform === 'win32' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Bytes of every file under `d`, links counted as links. */
function bytes(d: string): number {
  return readdirSync(d, { withFileTypes: true }).reduce((sum, e) => {
    const p = join(d, e.name);
    return sum + (e.isDirectory() ? bytes(p) : lstatSync(p).size);
  }, 0);
}

test('packed, installed globally offline: quiet, small, and vmtop --version, batch and the monitor work', async () => {
  const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir]);
  expect(packed.code, packed.stderr).toBe(0);
  const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
  // what is loaded, and the licences: no dist/ modules besides the bundle, no sources, no tests
  const paths = files.map((f) => f.path);
  expect(paths.filter((p) => !/^(bin\/vmtop\.js|dist\/bundle\/[\w-]+\.js|profiles\/[\w-]+\.yaml|LICENSE|THIRD-PARTY-NOTICES\.md|README\.md|package\.json)$/.test(p))).toEqual([]);
  for (const p of ['LICENSE', 'THIRD-PARTY-NOTICES.md', 'dist/bundle/main.js', 'profiles/lab.yaml']) expect(paths).toContain(p);

  const prefix = join(dir, 'prefix');
  const installed = npm(['install', '-g', '--offline', '--prefix', prefix, join(dir, filename)], dir);
  expect(installed.code, installed.stderr).toBe(0);
  expect(installed.stderr).toBe('');
  expect(installed.stdout).toMatch(/added 1 package/);
  const home = join(prefix, 'lib', 'node_modules', pkg.name);
  expect(readdirSync(home)).not.toContain('node_modules');
  const size = bytes(prefix);
  console.log(`vmtop ${pkg.version}: ${filename}, ${files.length} files, ${(size / 1024 / 1024).toFixed(2)} MB installed`);
  expect(size).toBeLessThan(MAX_INSTALLED_BYTES);

  const bin = join(prefix, 'bin', 'vmtop');
  const run = (args: string[]) => spawnSync(bin, args, { cwd: dir, encoding: 'utf8', timeout: 30000 });
  const version = run(['--version']);
  expect(version.stdout).toBe(`${pkg.version}\n`);
  const batch = run(['batch', 'lab', '-n', '2']);
  expect(batch.stderr).toBe('');
  expect(batch.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { t: number }).t)).toEqual([2, 4]);

  const s = (session = startPty([], 100, 30, [], {}, join(home, 'bin', 'vmtop.js')));
  await waitFor(s, 'the monitor', (screen) => screen[0].startsWith('vmtop lab') && /^ +ID NAME/.test(screen[4]));
  s.proc.write('q');
  expect((await s.exited).exitCode).toBe(0);
}, 120000);
