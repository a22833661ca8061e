import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DIR, listBuiltinProfiles, resolveProfileArg } from '../../src/profile/builtin.js';
import { formatProfileError } from '../../src/profile/errors.js';
import { loadProfileFile } from '../../src/profile/load.js';
import { FIXTURES } from './helpers.js';

const DIR = join(FIXTURES, 'builtins');

describe('built-in profiles', () => {
  it('live in <repo>/profiles', () => {
    expect(resolve(BUILTIN_DIR)).toBe(resolve(FIXTURES, '../../../profiles'));
  });

  it('are listed by the name and description inside each file, sorted by name', () => {
    expect(listBuiltinProfiles(DIR)).toEqual([
      { name: 'broken', description: '', path: join(DIR, 'broken.yaml') },
      { name: 'lab', description: 'Test stand-in for the built-in lab', path: join(DIR, 'lab.yaml') },
      { name: 'tiny-one', description: 'A file whose name differs from its profile name', path: join(DIR, 'tiny.yml') },
    ]);
  });

  it('the shipped ones include lab and all load cleanly', () => {
    const shipped = listBuiltinProfiles();
    expect(shipped.map((b) => b.name)).toContain('lab');
    for (const b of shipped) {
      const r = loadProfileFile(b.path);
      expect(r.ok ? [] : r.errors.map(formatProfileError)).toEqual([]);
    }
  });

  it('a missing folder lists nothing', () => {
    expect(listBuiltinProfiles(join(DIR, 'nope'))).toEqual([]);
  });
});

describe('resolveProfileArg', () => {
  it('no argument is the built-in lab', () => {
    expect(resolveProfileArg(undefined, DIR)).toEqual({ ok: true, path: join(DIR, 'lab.yaml'), builtin: true });
  });

  it('a built-in by its profile name or its file name', () => {
    expect(resolveProfileArg('tiny-one', DIR)).toEqual({ ok: true, path: join(DIR, 'tiny.yml'), builtin: true });
    expect(resolveProfileArg('tiny', DIR)).toEqual({ ok: true, path: join(DIR, 'tiny.yml'), builtin: true });
  });

  it('anything else is a path to an existing file', () => {
    const path = join(FIXTURES, 'minimal.yaml');
    expect(resolveProfileArg(path, DIR)).toEqual({ ok: true, path, builtin: false });
  });

  it('neither: names the built-ins', () => {
    expect(resolveProfileArg('x', DIR)).toEqual({
      ok: false, message: 'no built-in profile or file named "x" (built-ins: broken, lab, tiny-one)',
    });
    expect(resolveProfileArg(FIXTURES, DIR)).toMatchObject({ ok: false });
    expect(resolveProfileArg(undefined, join(DIR, 'nope'))).toEqual({
      ok: false, message: 'no built-in profile or file named "lab" (built-ins: none)',
    });
  });
});
