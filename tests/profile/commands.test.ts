// The command vocabulary is one table: the loader's event keys, the recording parser's fields and
// the engine's router all follow it, so an action added to one and not the others fails here.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { actionsWith, COMMAND_FIELDS, COMMAND_NAMES, COMMAND_SPECS, commandSpec, type CommandField, type CommandName } from '../../src/profile/commands.js';
import { EVENT_KEYS } from '../../src/profile/events.js';
import { checkCommand } from '../../src/record/parse.js';
import { builtinEngine } from '../tui/engine-snapshots.js';

/** A value each field's rule takes, and one it refuses. */
const GOOD: Record<CommandField, unknown> = { cpu: 0.5, activeMiB: 100, forMs: 1000, threads: 1, to: 'esx-b', replicas: 2, partition: 'Domain-0', bootMs: 5000 };
const BAD: Record<CommandField, unknown> = { cpu: 1.5, activeMiB: -1, forMs: 0, threads: 1.5, to: 5, replicas: -1, partition: 3, bootMs: -1 };

/** The smallest command of an action: its target and its required fields. */
function smallest(action: CommandName, target: string): Record<string, unknown> {
  return { action, target, ...Object.fromEntries(commandSpec(action).required.map((f) => [f, GOOD[f]])) };
}

describe('the command table', () => {
  it('has one row per action of the vocabulary', () => {
    expect(Object.keys(COMMAND_SPECS).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('lists the actions that take a destination in the order the loader names them', () => {
    expect(actionsWith('to')).toEqual(['migrate', 'relocate', 'restore', 'deploy']);
    expect(actionsWith('replicas')).toEqual(['scale']);
  });

  it('gives the profile loader its event keys: each field under its profile key', () => {
    expect(EVENT_KEYS).toEqual(['at', 'action', 'target', 'cpu', 'active', 'for', 'threads', 'to', 'replicas', 'partition', 'boot']);
  });

  it.each(COMMAND_NAMES)('a recorded %s may carry exactly the fields the table gives it', (action) => {
    const fields: readonly string[] = commandSpec(action).fields;
    for (const extra of ['to', 'replicas', 'cpu', 'bogus'].filter((f) => !fields.includes(f))) {
      expect(checkCommand({ ...smallest(action, 'x'), [extra]: 1 })).toBe(`unexpected field "${extra}" in a ${action} command`);
    }
  });

  it.each(COMMAND_NAMES)('a recorded %s needs its required fields, each as its rule says', (action) => {
    const spec = commandSpec(action);
    expect(checkCommand(smallest(action, 'x'))).toEqual(smallest(action, 'x'));
    const full: Record<string, unknown> = { action, target: 'x', ...Object.fromEntries(spec.fields.map((f) => [f, GOOD[f]])) };
    expect(checkCommand(full)).toEqual(full);
    for (const field of spec.fields) {
      const must = `${action}: ${COMMAND_FIELDS[field].must}`;
      expect(checkCommand({ ...full, [field]: BAD[field] })).toBe(must);
      const { [field]: _gone, ...without } = full;
      expect(checkCommand(without)).toEqual((spec.required as readonly string[]).includes(field) ? must : without);
    }
  });

  it.each(COMMAND_NAMES)('the engine routes %s to the model the table names: an answer in the events, never silence', (action) => {
    const engine: Engine = builtinEngine('lab');
    engine.advance(2000);
    engine.sample();
    const command = checkCommand(smallest(action, 'no-such-entity'));
    if (typeof command === 'string') throw new Error(command);
    engine.submit(command);
    engine.advance(10);
    const events = engine.sample().events.filter((e) => e.target === 'no-such-entity');
    expect(events.map((e) => e.kind)).toEqual(['refused']);
    expect(events[0].detail).not.toMatch(/not simulated/);
  });
});
