// The engine answers where a template can be deployed, by the checks a deploy makes, and asking
// changes nothing: the deploy picker shows the engine's reasons, not rules of its own.
import { expect, test } from 'vitest';
import { builtinEngine } from '../../tui/engine-snapshots.js';

test('each host with whether a VM from the template can start there, and why not', () => {
  const engine = builtinEngine('lab');
  engine.advance(4000);
  const targets = engine.deployTargets('web-template');
  expect(targets.map((t) => t.host)).toEqual(engine.sample().hosts.map((h) => h.name));
  expect(targets.find((t) => t.host === 'lx-1')).toEqual({ host: 'lx-1', eligible: false, reason: 'lx-1 is a linux host and runs no VMs' });
  expect(targets.find((t) => t.host === 'esx-b')).toEqual({ host: 'esx-b', eligible: true, reason: null });
  engine.submit({ action: 'fail', target: 'esx-b' });
  engine.advance(10);
  expect(engine.deployTargets('web-template').find((t) => t.host === 'esx-b')?.eligible).toBe(false);
  expect(engine.deployTargets('no-such-template')).toEqual([]);
});

test('asking draws nothing from the simulation: the samples after it are the same', () => {
  const asked = builtinEngine('lab');
  const quiet = builtinEngine('lab');
  asked.advance(2000);
  quiet.advance(2000);
  for (let i = 0; i < 3; i++) asked.deployTargets('web-template');
  asked.advance(10_000);
  quiet.advance(10_000);
  expect(JSON.stringify(asked.sample())).toBe(JSON.stringify(quiet.sample()));
});
