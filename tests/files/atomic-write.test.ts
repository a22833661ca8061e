// A file replaced whole, through a temporary file created exclusively beside it: a symlink
// planted at the temporary name is not followed (its target stays as it was).

import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'vmtop-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the text replaces the file, and no temporary file is left', async () => {
  const { writeFileAtomic } = await import('../../src/files/atomic-write.js');
  const target = join(dir, 'a.txt');
  writeFileSync(target, 'old');
  writeFileAtomic(target, 'new');
  expect(readFileSync(target, 'utf8')).toBe('new');
  expect(readdirSync(dir).filter((f) => f.startsWith('a.txt'))).toEqual(['a.txt']);
});

test('a symlink planted at the temporary name is not followed: its target is untouched, another name is used', async () => {
  const victim = join(dir, 'victim.txt');
  writeFileSync(victim, 'precious');
  const target = join(dir, 'config.json');
  // the first name the write tries is one an attacker guessed and planted a link at
  const guessed = Buffer.from('guess!');
  const planted = `${target}.${process.pid}-${guessed.toString('hex')}.tmp`;
  symlinkSync(victim, planted);
  vi.resetModules();
  vi.doMock('node:crypto', async (load) => {
    const real = await load<typeof import('node:crypto')>();
    let calls = 0;
    return { ...real, randomBytes: (n: number) => (calls++ === 0 ? guessed : real.randomBytes(n)) };
  });
  const { writeFileAtomic } = await import('../../src/files/atomic-write.js');
  vi.doUnmock('node:crypto');
  writeFileAtomic(target, '{"panel":"cpu"}\n');
  expect(readFileSync(victim, 'utf8')).toBe('precious');
  expect(readFileSync(target, 'utf8')).toBe('{"panel":"cpu"}\n');
  expect(lstatSync(planted).isSymbolicLink()).toBe(true);
  expect(readdirSync(dir).filter((f) => f.startsWith('config.json'))).toEqual(['config.json', planted.slice(dir.length + 1)].sort());
});

test('a symlink at the target itself is replaced, not written through', async () => {
  const { writeFileAtomic } = await import('../../src/files/atomic-write.js');
  const victim = join(dir, 'victim2.txt');
  writeFileSync(victim, 'precious');
  const target = join(dir, 'run.vmtrec');
  symlinkSync(victim, target);
  writeFileAtomic(target, 'recording');
  expect(readFileSync(victim, 'utf8')).toBe('precious');
  expect(lstatSync(target).isSymbolicLink()).toBe(false);
  expect(existsSync(target)).toBe(true);
});
