// The profile layer turns YAML into a normalized Profile; it must not reach into the engine.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { imageMiB, imageRepo } from '../../src/profile/images.js';

const DIR = fileURLToPath(new URL('../../src/profile/', import.meta.url));

describe('profile layering', () => {
  it('no module of src/profile imports from src/engine', () => {
    const offenders = readdirSync(DIR)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from\s+['"][^'"]*\/engine\//.test(readFileSync(DIR + f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('resolves image sizes in the profile layer', () => {
    expect(imageRepo('registry:5000/team/node:20-alpine')).toBe('node');
    expect(imageMiB('node:20')).toBe(1100);
    expect(imageMiB('node:20-alpine')).toBe(220);
    expect(imageMiB('someone/unknown:1')).toBe(200);
  });
});
