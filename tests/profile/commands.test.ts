// The command vocabulary is one table: the loader's event keys, the recording parser's fields and
// the engine's router all follow it, so an action added to one and not the others fails here.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { actionsWith, COMMAND_SPECS, commandSpec } from '../../src/profile/commands.js';
import { COMMAND_NAMES, type Command } from '../../src/profile/types.js';
import { checkCommand } from '../../src/record/parse.js';
import { builtinEngine } from '../tui/engine-snapshots.js';

describe('the command table', () => {
  it('has one row per action of the vocabulary', () => {
    expect(Object.keys(COMMAND_SPECS).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('lists the actions that take a destination in the order the loader names them', () => {
    expect(actionsWith('to')).toEqual(['migrate', 'relocate', 'restore', 'deploy']);
    expect(actionsWith('replicas')).toEqual(['scale']);
  });

  it.each(COMMAND_NAMES)('a recorded %s may carry exactly the fields the table gives it', (action) => {
    const fields = commandSpec(action).fields;
    for (const extra of ['to', 'replicas', 'cpu', 'bogus'].filter((f) => !fields.includes(f))) {
      expect(checkCommand({ action, target: 'x', [extra]: 1 })).toBe(`unexpected field "${extra}" in a ${action} command`);
    }
  });

  it.each(COMMAND_NAMES)('the engine routes %s to the model the table names: an answer in the events, never silence', (action) => {
    const engine: Engine = builtinEngine('lab');
    engine.advance(2000);
    engine.sample();
    const command = { action, target: 'no-such-entity', ...(action === 'load' ? { cpu: 0.5, forMs: 1000 } : {}) } as Command;
    engine.submit(command);
    engine.advance(10);
    const events = engine.sample().events.filter((e) => e.target === 'no-such-entity');
    expect(events.map((e) => e.kind)).toEqual(['refused']);
    expect(events[0].detail).not.toMatch(/not simulated/);
  });
});
